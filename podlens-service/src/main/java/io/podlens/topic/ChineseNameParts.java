package io.podlens.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.podlens.text.Folding;
import io.podlens.text.Token;

/**
 * Runs after the other name layers: in Chinese speech a guest or a well-known person,
 * once named in full, is named again by one part of the name ("让我们来看一下Nathan", "像SAM",
 * "内森正在那里"). Only in Chinese text, and only for a person the episode has named in full (a
 * form of two or more tokens found by an earlier layer, not by fuzzy matching). The parts
 * are the first and last word of the person's Latin name, written with a capital, at
 * least three letters and no common English word, and the parts of the Chinese form the
 * episode used ({@code 内森·兰伯特} gives 内森 and 兰伯特, two characters at least). A part that
 * two persons named in the episode share is left alone, and a Latin part that another
 * capitalised word follows or precedes is a different name (Sam Bankman). Mentions are
 * {@code alias} with a middle confidence: the name is shortened, not misheard.
 */
final class ChineseNameParts {

	/** Confidence of a part of a name said in full elsewhere in the episode. */
	static final double CONFIDENCE = 0.7;

	private static final int MIN_LATIN = 3;

	private static final int MIN_HAN = 2;

	/** Persons by the lower-case first and last words of their Latin names. */
	private final Map<String, List<Topic>> byLatinPart = new HashMap<>();

	ChineseNameParts(Taxonomy taxonomy) {
		for (Topic topic : taxonomy.topics()) {
			if (topic.category() != TopicCategory.PERSON) {
				continue;
			}
			for (String name : topic.names()) {
				String[] words = name.strip().split("\\s+");
				if (words.length < 2 || words.length > 3) {
					continue;
				}
				for (String w : new String[] { words[0], words[words.length - 1] }) {
					String key = w.toLowerCase(Locale.ROOT);
					if (key.length() >= MIN_LATIN && key.chars().allMatch((c) -> c < 0x80 && Character.isLetter(c))
							&& !CommonWords.isCommon(key)) {
						List<Topic> persons = this.byLatinPart.computeIfAbsent(key, (k) -> new ArrayList<>());
						if (!persons.contains(topic)) {
							persons.add(topic);
						}
					}
				}
			}
		}
	}

	void find(EpisodeState episode, List<Candidate> accepted) {
		Set<Topic> named = new LinkedHashSet<>();
		// parts of the Chinese forms said, folded, with the persons they name
		Map<String, Set<Topic>> hanParts = new LinkedHashMap<>();
		for (Candidate c : accepted) {
			if (c.topic().category() != TopicCategory.PERSON || c.kind() == MatchKind.FUZZY
					|| c.tokenTo() - c.tokenFrom() < 2) {
				continue;
			}
			named.add(c.topic());
			String surface = episode.segment(c.segment()).text().substring(c.start(), c.end());
			if (surface.indexOf('·') > 0 || surface.indexOf('•') > 0 || surface.indexOf('・') > 0) {
				for (String part : surface.split("[·•・]")) {
					String folded = Folding.fold(part.strip());
					if (folded.length() >= MIN_HAN && folded.codePoints().allMatch(ChineseNameParts::isHan)) {
						hanParts.computeIfAbsent(folded, (k) -> new LinkedHashSet<>()).add(c.topic());
					}
				}
			}
		}
		if (named.isEmpty()) {
			return;
		}
		hanParts.values().removeIf((persons) -> persons.size() > 1);
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			if (!seg.hanContext()) {
				continue;
			}
			List<Token> tokens = seg.tokens();
			for (int i = 0; i < tokens.size(); i++) {
				if (seg.covered(i)) {
					continue;
				}
				Candidate found = tokens.get(i).han() ? hanPart(seg, s, i, hanParts) : latinPart(seg, s, i, named);
				if (found != null) {
					accepted.add(found);
					episode.confirmNearby(found);
					seg.cover(found.tokenFrom(), found.tokenTo());
					i = found.tokenTo() - 1;
				}
			}
		}
	}

	private Candidate latinPart(EpisodeState.Segment seg, int s, int i, Set<Topic> named) {
		Token t = seg.token(i);
		if (!t.capitalized()) {
			return null;
		}
		List<Topic> persons = this.byLatinPart.get(t.key().toLowerCase(Locale.ROOT));
		if (persons == null || nameWord(seg, i - 1, i) || nameWord(seg, i + 1, i + 1)) {
			return null;
		}
		Topic only = NameParts.onlyNamedInFull(persons, named);
		return (only == null) ? null
				: new Candidate(only, s, i, i + 1, t.start(), t.end(), MatchKind.ALIAS, CONFIDENCE);
	}

	/** A capitalised Latin word joined to the token at {@code joint}. */
	private static boolean nameWord(EpisodeState.Segment seg, int k, int joint) {
		if (k < 0 || k >= seg.tokens().size()) {
			return false;
		}
		Token t = seg.token(k);
		return !t.han() && t.capitalized() && seg.token(joint).gapBefore();
	}

	private static Candidate hanPart(EpisodeState.Segment seg, int s, int i, Map<String, Set<Topic>> hanParts) {
		for (Map.Entry<String, Set<Topic>> e : hanParts.entrySet()) {
			String part = e.getKey();
			int n = part.codePointCount(0, part.length());
			// most Han tokens start no part: one string test before building the run
			if (i + n > seg.tokens().size() || !part.startsWith(seg.token(i).key())) {
				continue;
			}
			StringBuilder heard = new StringBuilder();
			for (int k = i; k < i + n; k++) {
				if (seg.covered(k) || !seg.token(k).han()) {
					break;
				}
				heard.append(seg.token(k).key());
			}
			if (heard.toString().equals(part)) {
				return new Candidate(e.getValue().iterator().next(), s, i, i + n, seg.token(i).start(),
						seg.token(i + n - 1).end(), MatchKind.ALIAS, CONFIDENCE);
			}
		}
		return null;
	}

	private static boolean isHan(int cp) {
		return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
	}

}
