package io.podlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;

/**
 * The words and title terms of an episode per segment, for finding where the vocabulary
 * shifts and what characterises a stretch: a small TF-IDF whose documents are the
 * episode's own windows of {@link #WINDOW_MS}.
 */
final class EpisodeWords {

	static final long WINDOW_MS = 120_000;

	private final List<StoredSegment> segments;

	private final List<List<ChapterWords.Word>> words = new ArrayList<>();

	private final List<List<ChapterTerms.Term>> terms = new ArrayList<>();

	private final Map<String, Integer> documentFrequency = new HashMap<>();

	private final Map<String, Integer> termFrequency = new HashMap<>();

	private final int windows;

	EpisodeWords(List<StoredSegment> segments) {
		this.segments = segments;
		Map<Long, Set<String>> byWindow = new HashMap<>();
		Map<Long, Set<String>> termsByWindow = new HashMap<>();
		for (StoredSegment segment : segments) {
			List<ChapterWords.Word> list = ChapterWords.of(segment.text());
			this.words.add(list);
			Set<String> window = byWindow.computeIfAbsent(segment.startMs() / WINDOW_MS, (k) -> new HashSet<>());
			list.forEach((word) -> window.add(word.key()));
			List<ChapterTerms.Term> found = ChapterTerms.of(segment.text());
			this.terms.add(found);
			Set<String> termWindow = termsByWindow.computeIfAbsent(segment.startMs() / WINDOW_MS,
					(k) -> new HashSet<>());
			found.forEach((term) -> termWindow.add(term.key()));
		}
		byWindow.values().forEach((keys) -> keys.forEach((key) -> this.documentFrequency.merge(key, 1, Integer::sum)));
		termsByWindow.values().forEach((keys) -> keys.forEach((key) -> this.termFrequency.merge(key, 1, Integer::sum)));
		this.windows = Math.max(1, byWindow.size());
	}

	/** How many windows of {@link #WINDOW_MS} the episode has (at least 1). */
	int windows() {
		return this.windows;
	}

	/** In how many of the episode's windows the term occurs. */
	int termWindows(String key) {
		return this.termFrequency.getOrDefault(key, 0);
	}

	/**
	 * A term of a stretch with its number of occurrences there.
	 *
	 * @param key the term's key
	 * @param surface its most common spelling there
	 * @param words how many words it has
	 * @param count occurrences in the stretch
	 * @param name a single word written as a name in at least 80% of them
	 */
	record TermCount(String key, String surface, int words, int count, boolean name) {
	}

	/** The terms of the segments starting in {@code [fromMs, toMs)}. */
	List<TermCount> terms(long fromMs, long toMs) {
		Map<String, Integer> counts = new HashMap<>();
		Map<String, Integer> capitalised = new HashMap<>();
		Map<String, Integer> sizes = new HashMap<>();
		Map<String, Map<String, Integer>> surfaces = new HashMap<>();
		for (int i = 0; i < this.segments.size(); i++) {
			StoredSegment segment = this.segments.get(i);
			if (segment.startMs() < fromMs || segment.startMs() >= toMs) {
				continue;
			}
			for (ChapterTerms.Term term : this.terms.get(i)) {
				counts.merge(term.key(), 1, Integer::sum);
				capitalised.merge(term.key(), term.capitalised() ? 1 : 0, Integer::sum);
				sizes.put(term.key(), term.words());
				surfaces.computeIfAbsent(term.key(), (k) -> new HashMap<>()).merge(term.surface(), 1, Integer::sum);
			}
		}
		List<TermCount> result = new ArrayList<>();
		counts.forEach((key, count) -> result.add(new TermCount(key, mostCommon(surfaces.get(key)), sizes.get(key),
				count, sizes.get(key) == 1 && capitalised.get(key) * 5 >= count * 4)));
		return result;
	}

	/** Word counts of the segments overlapping {@code [fromMs, toMs)}. */
	Map<String, Integer> counts(long fromMs, long toMs) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < this.segments.size(); i++) {
			StoredSegment segment = this.segments.get(i);
			if (segment.endMs() > fromMs && segment.startMs() < toMs) {
				this.words.get(i).forEach((word) -> counts.merge(word.key(), 1, Integer::sum));
			}
		}
		return counts;
	}

	/** 1 - cosine similarity of two bags of words; 1 when either is empty. */
	static double shift(Map<String, Integer> a, Map<String, Integer> b) {
		double dot = 0;
		for (Map.Entry<String, Integer> entry : a.entrySet()) {
			dot += entry.getValue() * (double) b.getOrDefault(entry.getKey(), 0);
		}
		double norms = norm(a) * norm(b);
		return (norms == 0) ? 1 : 1 - dot / norms;
	}

	private static double norm(Map<String, Integer> bag) {
		double sum = 0;
		for (int count : bag.values()) {
			sum += (double) count * count;
		}
		return Math.sqrt(sum);
	}

	private static String mostCommon(Map<String, Integer> surfaces) {
		return surfaces.entrySet()
			.stream()
			.max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow()
			.getKey();
	}

}
