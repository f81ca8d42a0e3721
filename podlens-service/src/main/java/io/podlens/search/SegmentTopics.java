package io.podlens.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.podlens.topic.Mention;

/**
 * How often each segment of a write mentions each topic: what the index stores of the
 * topic feature's mentions.
 */
record SegmentTopics(Map<Long, Map<String, Integer>> bySegment) {

	static final SegmentTopics NONE = new SegmentTopics(Map.of());

	static SegmentTopics of(Collection<Mention> mentions) {
		Map<Long, Map<String, Integer>> counts = new HashMap<>();
		for (Mention mention : mentions) {
			// Sorted, so that a document's fields do not depend on the order of mentions.
			counts.computeIfAbsent(mention.segmentId(), (id) -> new TreeMap<>())
				.merge(mention.topicId(), 1, Integer::sum);
		}
		return new SegmentTopics(counts);
	}

	/** Mention counts by topic id; empty when the segment mentions none. */
	Map<String, Integer> of(long segmentId) {
		return this.bySegment.getOrDefault(segmentId, Map.of());
	}

}
