package io.podlens.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.text.Token;
import io.podlens.text.Tokens;

/**
 * After the other layers: a person's first name or surname alone, once the episode has
 * named that person in full. Hosts introduce a guest by the full name and then speak to
 * them by the first name ("Nathan, can you describe ..."), or refer to them by the
 * surname; a listener counts each as a mention. Rules, not lists: only the first and the
 * last word of a Latin name of two or more words, at least three letters, that are not
 * among the most common English words ("Will", "Long"); written capitalised in
 * Latin-script text; the person named in full (a form of two or more tokens) somewhere in
 * the episode; exactly one person so named has that word as a part (two Sams named in
 * full leave "Sam" to nobody); and not followed by another capitalised word that is not
 * this person's, which would make it someone else's full name ("Nathan Smith").
 */
final class NameParts {

	/** Persons by the key of a first or last word of one of their Latin names. */
	private final Map<String, List<Topic>> byPart = new HashMap<>();

	private final double confidence;

	NameParts(Taxonomy taxonomy, MatchPolicy policy) {
		this.confidence = policy.exact().ambiguousAlias();
		for (Topic topic : taxonomy.topics()) {
			if (topic.category() != TopicCategory.PERSON) {
				continue;
			}
			Set<String> parts = new HashSet<>();
			for (String name : topic.names()) {
				List<Token> tokens = Tokens.of(name);
				if (tokens.size() < 2 || tokens.stream().anyMatch((t) -> t.han() || !isWord(t.key()))) {
					continue;
				}
				for (Token t : List.of(tokens.get(0), tokens.get(tokens.size() - 1))) {
					if (t.key().length() >= 3 && !CommonWords.isFrequent(t.key())) {
						parts.add(t.key());
					}
				}
			}
			for (String part : parts) {
				this.byPart.computeIfAbsent(part, (k) -> new ArrayList<>()).add(topic);
			}
		}
	}

	void find(EpisodeState episode, List<Candidate> accepted) {
		Set<Topic> namedInFull = new HashSet<>();
		for (Candidate c : accepted) {
			if (c.topic().category() == TopicCategory.PERSON && c.tokenTo() - c.tokenFrom() >= 2) {
				namedInFull.add(c.topic());
			}
		}
		if (namedInFull.isEmpty()) {
			return;
		}
		List<Candidate> found = new ArrayList<>();
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			if (seg.hanContext()) {
				continue;
			}
			List<Token> tokens = seg.tokens();
			for (int i = 0; i < tokens.size(); i++) {
				Token t = tokens.get(i);
				if (seg.covered(i) || !t.capitalized() || seg.possessive(i)) {
					continue;
				}
				Topic person = onlyNamedInFull(this.byPart.get(t.key()), namedInFull);
				if (person == null || beginsAnotherName(seg, i, person)) {
					continue;
				}
				found.add(new Candidate(person, s, i, i + 1, t.start(), t.end(), MatchKind.ALIAS, this.confidence));
				seg.cover(i, i + 1);
			}
		}
		for (Candidate c : found) {
			accepted.add(c);
			episode.confirmNearby(c);
		}
	}

	/** The one person of {@code persons} the episode named in full, or {@code null}. */
	static Topic onlyNamedInFull(List<Topic> persons, Set<Topic> namedInFull) {
		if (persons == null) {
			return null;
		}
		Topic only = null;
		for (Topic p : persons) {
			if (namedInFull.contains(p)) {
				if (only != null) {
					return null;
				}
				only = p;
			}
		}
		return only;
	}

	/** A capitalised word right after the part that is no word of this person's names. */
	private boolean beginsAnotherName(EpisodeState.Segment seg, int i, Topic person) {
		if (i + 1 >= seg.tokens().size()) {
			return false;
		}
		Token next = seg.token(i + 1);
		if (!next.gapBefore() || next.han() || !next.capitalized() || CommonWords.isFrequent(next.key())) {
			return false;
		}
		List<Topic> persons = this.byPart.get(next.key());
		return persons == null || !persons.contains(person);
	}

	private static boolean isWord(String key) {
		return !key.isEmpty() && key.chars().allMatch(Character::isLetter);
	}

}
