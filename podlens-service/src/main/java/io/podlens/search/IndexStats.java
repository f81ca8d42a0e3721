package io.podlens.search;

/**
 * State of the search index as searchers currently see it.
 *
 * @param documents number of indexed segments
 * @param maxSegmentId highest segment id ever indexed since the last rebuild, 0 when none
 * @param vectors indexed segments with an embedding of the current model (searchable by
 * meaning), 0 when embeddings are disabled
 */
public record IndexStats(long documents, long maxSegmentId, long vectors) {

	/** Stats of an index without embeddings. */
	public IndexStats(long documents, long maxSegmentId) {
		this(documents, maxSegmentId, 0);
	}

}
