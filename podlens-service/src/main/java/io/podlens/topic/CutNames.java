package io.podlens.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.podlens.text.Token;
import io.podlens.text.WordLists;

/**
 * Runs after the fuzzy layers: a name of two words as captions of a long talk about it
 * write it when the recogniser keeps the first word and hears only the start of the
 * second ("deep seki", "deep sea", "deep secret" for DeepSeek). Only where the episode
 * names the topic firmly at least {@value #MIN_SUPPORT} times, where such a pair is far
 * likelier the name than the words; the first word as written, the second a Latin word
 * that starts with the second word's first two letters, neither already read by another
 * layer, never a function word ("Apple in" is no Apple Intelligence). Names are read from
 * the taxonomy: two words, or one written in two capitalised parts (DeepSeek), the second
 * of four letters or more. Mentions are {@code fuzzy}.
 */
final class CutNames {

	static final double CONFIDENCE = 0.65;

	/** Firm mentions of the topic in the episode before its name is read from a cut. */
	static final int MIN_SUPPORT = 3;

	private static final int MIN_SECOND = 4;

	private record Split(Topic topic, String second) {
	}

	/** Two-word names by their first word, lower case. */
	private final Map<String, List<Split>> byFirst = new HashMap<>();

	CutNames(Taxonomy taxonomy) {
		for (Topic topic : taxonomy.topics()) {
			if (!topic.category().isNamedEntity() || topic.category() == TopicCategory.PERSON) {
				continue;
			}
			for (String name : topic.names()) {
				String[] words = words(name);
				if (words.length == 2 && words[0].length() >= 3 && words[1].length() >= MIN_SECOND) {
					List<Split> splits = this.byFirst.computeIfAbsent(words[0], (k) -> new ArrayList<>());
					if (splits.stream().noneMatch((s) -> s.topic() == topic && s.second().equals(words[1]))) {
						splits.add(new Split(topic, words[1]));
					}
				}
			}
		}
	}

	/**
	 * The words of a Latin name, lower case: split at spaces and hyphens, or a one-word
	 * name at its capitals when it has exactly two capitalised parts ("DeepSeek", not
	 * "OpenAI"); empty when the name has anything but ASCII letters.
	 */
	static String[] words(String name) {
		if (!name.chars().allMatch((c) -> c < 0x80 && (Character.isLetter(c) || c == ' ' || c == '-'))) {
			return new String[0];
		}
		if (name.indexOf(' ') >= 0 || name.indexOf('-') >= 0) {
			return name.toLowerCase(Locale.ROOT).split("[ -]+");
		}
		List<Integer> capitals = new ArrayList<>();
		for (int i = 0; i < name.length(); i++) {
			if (Character.isUpperCase(name.charAt(i))) {
				capitals.add(i);
			}
		}
		if (capitals.size() != 2 || capitals.get(0) != 0 || capitals.get(1) == name.length() - 1
				|| Character.isUpperCase(name.charAt(capitals.get(1) + 1))) {
			return new String[0];
		}
		int cut = capitals.get(1);
		return new String[] { name.substring(0, cut).toLowerCase(Locale.ROOT),
				name.substring(cut).toLowerCase(Locale.ROOT) };
	}

	void find(EpisodeState episode, List<Candidate> accepted) {
		if (this.byFirst.isEmpty()) {
			return;
		}
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			List<Token> tokens = seg.tokens();
			for (int i = 0; i + 1 < tokens.size(); i++) {
				Candidate found = cut(episode, s, i);
				if (found != null) {
					accepted.add(found);
					episode.confirmNearby(found);
					seg.cover(i, i + 2);
					i++;
				}
			}
		}
	}

	private Candidate cut(EpisodeState episode, int s, int i) {
		EpisodeState.Segment seg = episode.segment(s);
		Token first = seg.token(i);
		Token second = seg.token(i + 1);
		if (first.han() || second.han() || seg.covered(i) || seg.covered(i + 1) || !second.gapBefore()) {
			return null;
		}
		List<Split> splits = this.byFirst.get(first.key());
		String heard = second.key();
		if (splits == null || heard.length() < 2 || !heard.chars().allMatch(Character::isLetter)
				|| WordLists.STOPWORDS.contains(heard)) {
			return null;
		}
		Topic topic = null;
		for (Split split : splits) {
			if (!heard.equals(split.second()) && heard.startsWith(split.second().substring(0, 2))
					&& episode.support(split.topic()) >= MIN_SUPPORT) {
				if (topic != null && topic != split.topic()) {
					// two names the episode says often start alike: not ours to choose
					return null;
				}
				topic = split.topic();
			}
		}
		return (topic == null) ? null
				: new Candidate(topic, s, i, i + 2, first.start(), second.end(), MatchKind.FUZZY, CONFIDENCE);
	}

}
