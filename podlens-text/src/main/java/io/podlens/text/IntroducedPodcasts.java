package io.podlens.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Podcasts an episode names, its own above all ("listens to the Data Engineering
 * Podcast"): one to three capitalised words right before a capitalised "Podcast", not
 * starting with a function word. Every occurrence of the name with "Podcast" is a
 * reference, and so is its address written as one word ("dataengineeringpodcast.com"); a
 * podcast needs two references.
 */
final class IntroducedPodcasts {

	private static final String PODCAST = "Podcast";

	/** Most words before "Podcast". */
	private static final int MAX_WORDS = 3;

	private IntroducedPodcasts() {
	}

	static List<IntroducedNames.Name> find(List<String> texts, List<List<NameWord>> words) {
		Map<List<String>, Map<String, Integer>> named = new LinkedHashMap<>();
		for (List<NameWord> line : words) {
			for (int i = 1; i < line.size(); i++) {
				if (!line.get(i).text().equals(PODCAST)) {
					continue;
				}
				int from = i;
				while (from > 0 && i - from < MAX_WORDS && line.get(from - 1).capitalised()
						&& line.get(from - 1).followedBy(line.get(from))
						&& line.get(from - 1).bare().equals(line.get(from - 1).text())) {
					from--;
				}
				while (from < i && WordLists.STOPWORDS.contains(line.get(from).key())) {
					from++;
				}
				if (from == i) {
					continue;
				}
				List<NameWord> run = line.subList(from, i + 1);
				StringBuilder name = new StringBuilder();
				run.forEach((w) -> name.append(name.isEmpty() ? "" : " ").append(w.text()));
				named.computeIfAbsent(run.stream().map(NameWord::key).toList(), (k) -> new HashMap<>())
					.merge(name.toString(), 1, Integer::sum);
			}
		}
		List<IntroducedNames.Name> podcasts = new ArrayList<>();
		named.forEach((keys, spellings) -> {
			List<IntroducedNames.Reference> references = references(texts, words, keys);
			if (references.size() >= IntroducedNames.MIN_REFERENCES) {
				String name = IntroducedPeople.mostWritten(spellings);
				podcasts.add(new IntroducedNames.Name(name, NameCandidates.soundKey(name),
						NameCandidates.Kind.INTRODUCED_PODCAST, references));
			}
		});
		return podcasts;
	}

	private static List<IntroducedNames.Reference> references(List<String> texts, List<List<NameWord>> words,
			List<String> keys) {
		String joined = String.join("", keys);
		List<IntroducedNames.Reference> references = new ArrayList<>();
		for (int t = 0; t < words.size(); t++) {
			List<NameWord> line = words.get(t);
			for (int i = 0; i < line.size(); i++) {
				NameWord word = line.get(i);
				int end = -1;
				if (word.key().equals(joined) && keys.size() > 1) {
					end = word.end();
				}
				else if (i + keys.size() <= line.size()) {
					end = written(line, i, keys);
				}
				if (end >= 0) {
					references.add(new IntroducedNames.Reference(t, word.start(), end,
							texts.get(t).substring(word.start(), end)));
					i += (word.end() == end) ? 0 : keys.size() - 1;
				}
			}
		}
		return references;
	}

	/**
	 * The end of the name when its words are written capitalised at {@code i}, else -1.
	 */
	private static int written(List<NameWord> line, int i, List<String> keys) {
		for (int k = 0; k < keys.size(); k++) {
			NameWord word = line.get(i + k);
			if (!word.capitalised() || !word.key().equals(keys.get(k))
					|| (k > 0 && !line.get(i + k - 1).followedBy(word))) {
				return -1;
			}
		}
		return line.get(i + keys.size() - 1).end();
	}

}
