package io.podlens.embedding;

import java.util.List;

/**
 * Published in the transaction that stored the vectors of segments, so that their search
 * documents are rewritten with them. Carries ids only: the event publication registry
 * stores it in that transaction.
 *
 * @param segmentIds the segments that got a vector, at most
 * {@code podlens.embedding.chunk-segments}
 */
public record SegmentsEmbedded(List<Long> segmentIds) {

	public SegmentsEmbedded {
		segmentIds = List.copyOf(segmentIds);
	}

}
