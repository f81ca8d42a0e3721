package io.podlens.search;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The embeddings of the segments being written, as stored by the embedding feature, and
 * the vector field they go to (one per model, so that vectors of different models never
 * share a field).
 */
record SegmentVectors(String field, Map<Long, float[]> bySegment) {

	static final SegmentVectors NONE = new SegmentVectors("", Map.of());

	/** The segment's vector, or {@code null} when it has none yet. */
	float @Nullable [] of(long segmentId) {
		return this.bySegment.get(segmentId);
	}

}
