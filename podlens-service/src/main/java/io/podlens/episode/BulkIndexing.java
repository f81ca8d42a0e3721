package io.podlens.episode;

/**
 * The end of a bulk import's index work, implemented by the search index: the batches of
 * a bulk import announce themselves as {@link EpisodesStored#bulk() bulk}, and the index
 * may then leave each batch's commit and reopen to a later one. The import calls
 * {@link #flush()} before it reports its job done, so that "done" still means every
 * stored episode is durable in the index and searchable.
 */
public interface BulkIndexing {

	/**
	 * Returns once every index write of episodes stored (and announced) before the call
	 * is committed and visible to searches.
	 */
	void flush();

}
