package io.podlens.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.podlens.episode.StoredSegment;

/**
 * The context of each segment: the segments of its episode that follow it, in transcript
 * order, as long as they start less than the window after the segment ends (at most
 * {@value #MAX_FOLLOWING}). Playing an episode from a segment, that is what one hears
 * next; a question answered over a few short segments is found at the one where it
 * starts.
 * <p>
 * A segment's context is built from the segments of its episode that are written with it,
 * so writes hand over whole episodes (imports, topic re-indexing and rebuilds do).
 */
final class Passages {

	/** Bounds the context of very short segments (word-level cues). */
	static final int MAX_FOLLOWING = 8;

	private static final Comparator<StoredSegment> EPISODE_ORDER = Comparator.comparingLong(StoredSegment::episodeId)
		.thenComparingInt(StoredSegment::index);

	private Passages() {
	}

	/**
	 * A segment and its context.
	 *
	 * @param segment the segment
	 * @param following the segments of its context, in transcript order
	 */
	record Passage(StoredSegment segment, List<StoredSegment> following) {
	}

	/** The passages of some segments, in episode and transcript order. */
	static List<Passage> of(Collection<StoredSegment> segments, long windowMs) {
		List<StoredSegment> ordered = new ArrayList<>(segments);
		ordered.sort(EPISODE_ORDER);
		List<Passage> passages = new ArrayList<>(ordered.size());
		for (int i = 0; i < ordered.size(); i++) {
			passages.add(new Passage(ordered.get(i), ordered.subList(i + 1, end(ordered, i, windowMs))));
		}
		return passages;
	}

	/**
	 * One past the last segment of the context of {@code ordered[i]}, or {@code -1} when
	 * the list ends before the context is known to end.
	 */
	private static int end(List<StoredSegment> ordered, int i, long windowMs, boolean open) {
		StoredSegment segment = ordered.get(i);
		if (windowMs <= 0) {
			return i + 1;
		}
		long until = segment.endMs() + windowMs;
		int end = i + 1;
		while (end - i - 1 < MAX_FOLLOWING) {
			if (end == ordered.size()) {
				return open ? -1 : end;
			}
			StoredSegment next = ordered.get(end);
			if (next.episodeId() != segment.episodeId() || next.startMs() >= until) {
				break;
			}
			end++;
		}
		return end;
	}

	private static int end(List<StoredSegment> ordered, int i, long windowMs) {
		return end(ordered, i, windowMs, false);
	}

	/**
	 * Passages of a stream of segments in episode and transcript order, handed over in
	 * batches (a rebuild): the segments whose context may go on in the next batch wait
	 * for it, with their topics.
	 */
	static final class Stream {

		private final long windowMs;

		private List<StoredSegment> pending = List.of();

		private Map<Long, Map<String, Integer>> pendingTopics = Map.of();

		private Map<Long, float[]> pendingVectors = Map.of();

		private String vectorField = "";

		Stream(long windowMs) {
			this.windowMs = windowMs;
		}

		/** The passages complete with this batch, and the topics of their segments. */
		Ready accept(List<StoredSegment> batch, SegmentTopics topics) {
			return accept(batch, topics, SegmentVectors.NONE);
		}

		/**
		 * The passages complete with this batch, and the topics and embeddings of their
		 * segments.
		 */
		Ready accept(List<StoredSegment> batch, SegmentTopics topics, SegmentVectors vectors) {
			if (!vectors.bySegment().isEmpty()) {
				this.vectorField = vectors.field();
			}
			Map<Long, float[]> allVectors = new HashMap<>(this.pendingVectors);
			allVectors.putAll(vectors.bySegment());
			List<StoredSegment> all = new ArrayList<>(this.pending.size() + batch.size());
			all.addAll(this.pending);
			all.addAll(batch);
			Map<Long, Map<String, Integer>> allTopics = new HashMap<>(this.pendingTopics);
			allTopics.putAll(topics.bySegment());
			List<Passage> ready = new ArrayList<>(all.size());
			int i = 0;
			for (; i < all.size(); i++) {
				int end = end(all, i, this.windowMs, true);
				if (end < 0) {
					break;
				}
				ready.add(new Passage(all.get(i), all.subList(i + 1, end)));
			}
			this.pending = List.copyOf(all.subList(i, all.size()));
			Map<Long, Map<String, Integer>> waiting = new HashMap<>();
			for (StoredSegment segment : this.pending) {
				Map<String, Integer> counts = allTopics.get(segment.segmentId());
				if (counts != null) {
					waiting.put(segment.segmentId(), counts);
				}
			}
			this.pendingTopics = waiting;
			Map<Long, float[]> waitingVectors = new HashMap<>();
			for (StoredSegment segment : this.pending) {
				float[] vector = allVectors.get(segment.segmentId());
				if (vector != null) {
					waitingVectors.put(segment.segmentId(), vector);
				}
			}
			this.pendingVectors = waitingVectors;
			return new Ready(ready, new SegmentTopics(allTopics), new SegmentVectors(this.vectorField, allVectors));
		}

		/** The passages still waiting: the stream ended. */
		Ready finish() {
			List<StoredSegment> rest = this.pending;
			this.pending = List.of();
			List<Passage> ready = new ArrayList<>(rest.size());
			for (int i = 0; i < rest.size(); i++) {
				ready.add(new Passage(rest.get(i), rest.subList(i + 1, end(rest, i, this.windowMs))));
			}
			Ready done = new Ready(ready, new SegmentTopics(this.pendingTopics),
					new SegmentVectors(this.vectorField, this.pendingVectors));
			this.pendingTopics = Map.of();
			this.pendingVectors = Map.of();
			return done;
		}

	}

	/**
	 * Passages ready to be written, with the topics their segments mention and their
	 * embeddings.
	 *
	 * @param passages the passages
	 * @param topics mention counts of (at least) their segments
	 * @param vectors embeddings of (at least) their segments that have one
	 */
	record Ready(List<Passage> passages, SegmentTopics topics, SegmentVectors vectors) {
	}

}
