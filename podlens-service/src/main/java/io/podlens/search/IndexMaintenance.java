package io.podlens.search;

import java.util.Collection;
import java.util.Set;

/**
 * What the index listeners and the startup check need of a search backend besides
 * {@link SegmentSearch}: rewriting documents when their topics or embeddings changed, and
 * bringing a stale index up to date. Implemented by the embedded Lucene backend and the
 * SolrCloud one ({@code podlens.search.backend}).
 */
interface IndexMaintenance {

	/**
	 * Writes the episodes' documents again with their stored mentions and embeddings;
	 * idempotent.
	 */
	void reindexEpisodes(Collection<Long> episodeIds);

	/**
	 * Writes the documents of these segments' episodes again; idempotent.
	 * @return the episodes written, for the caller to drop those deleted meanwhile
	 * ({@link DeletedEpisodes})
	 */
	Set<Long> reindexSegments(Collection<Long> segmentIds);

	/** Episodes whose documents carry the topic. */
	Set<Long> episodesMentioning(String topicId);

	/**
	 * Rebuilds when the index misses segments the database has, holds segments it lacks,
	 * or was written with other fields or analysis.
	 * @return whether a rebuild ran
	 */
	boolean rebuildIfStale();

}
