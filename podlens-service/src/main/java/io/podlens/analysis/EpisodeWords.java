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
 * The words of an episode per segment, for finding where the vocabulary shifts and what
 * characterises a stretch: a small TF-IDF whose documents are the episode's own windows
 * of {@link #WINDOW_MS}.
 */
final class EpisodeWords {

	static final long WINDOW_MS = 120_000;

	private final List<StoredSegment> segments;

	private final List<List<ChapterWords.Word>> words = new ArrayList<>();

	private final Map<String, Integer> documentFrequency = new HashMap<>();

	private final int windows;

	EpisodeWords(List<StoredSegment> segments) {
		this.segments = segments;
		Map<Long, Set<String>> byWindow = new HashMap<>();
		for (StoredSegment segment : segments) {
			List<ChapterWords.Word> list = ChapterWords.of(segment.text());
			this.words.add(list);
			Set<String> window = byWindow.computeIfAbsent(segment.startMs() / WINDOW_MS, (k) -> new HashSet<>());
			list.forEach((word) -> window.add(word.key()));
		}
		byWindow.values().forEach((keys) -> keys.forEach((key) -> this.documentFrequency.merge(key, 1, Integer::sum)));
		this.windows = Math.max(1, byWindow.size());
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

	/**
	 * The most characteristic words of {@code [fromMs, toMs)}, as written: TF-IDF over
	 * the episode's windows, words said at least twice there preferred.
	 */
	List<String> characteristic(long fromMs, long toMs, int limit) {
		Map<String, Integer> counts = new HashMap<>();
		Map<String, Map<String, Integer>> surfaces = new HashMap<>();
		for (int i = 0; i < this.segments.size(); i++) {
			StoredSegment segment = this.segments.get(i);
			if (segment.startMs() >= fromMs && segment.startMs() < toMs) {
				for (ChapterWords.Word word : this.words.get(i)) {
					counts.merge(word.key(), 1, Integer::sum);
					surfaces.computeIfAbsent(word.key(), (k) -> new HashMap<>()).merge(word.surface(), 1, Integer::sum);
				}
			}
		}
		Map<String, Double> scores = new HashMap<>();
		counts.forEach((key, count) -> {
			// smoothed: in a short episode a word may be in every window and still be the
			// topic
			double idf = Math.log(1 + (double) this.windows / Math.max(1, this.documentFrequency.getOrDefault(key, 0)));
			double weight = count * idf * ((count >= 2) ? 1 : 0.3);
			scores.put(key, weight);
		});
		List<String> keys = new ArrayList<>(scores.keySet());
		keys.sort(
				Comparator.comparingDouble((String key) -> -scores.get(key)).thenComparing(Comparator.naturalOrder()));
		List<String> result = new ArrayList<>();
		for (String key : keys) {
			if (result.size() == limit || scores.get(key) <= 0) {
				break;
			}
			boolean overlaps = result.stream()
				.map((chosen) -> Folding.fold(chosen))
				.anyMatch((chosen) -> chosen.contains(key) || key.contains(chosen));
			if (!overlaps) {
				result.add(mostCommon(surfaces.get(key)));
			}
		}
		return result;
	}

	private static String mostCommon(Map<String, Integer> surfaces) {
		return surfaces.entrySet()
			.stream()
			.max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow()
			.getKey();
	}

}
