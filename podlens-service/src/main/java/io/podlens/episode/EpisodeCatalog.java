package io.podlens.episode;

import java.util.Collection;
import java.util.List;

/**
 * What other features may read about stored episodes beside their segments
 * ({@link SegmentSource}): existence, ids and summaries, so that no feature runs SQL over
 * the episode tables.
 */
public interface EpisodeCatalog {

	boolean exists(long episodeId);

	/** Every episode id, oldest first. */
	List<Long> ids();

	/** Summaries of those of the episodes that exist, in no particular order. */
	List<EpisodeSummary> summaries(Collection<Long> episodeIds);

	/**
	 * Locks the episode's segment rows until the current transaction ends, so that rows
	 * referencing them (such as topic mentions) can be stored without racing a delete of
	 * the episode: the delete either waits for that transaction or has already removed
	 * the rows. Locks are taken in segment id order, as the delete takes them, so the two
	 * never deadlock. Must run inside a transaction.
	 * @return whether the episode still has segments
	 */
	boolean lockSegments(long episodeId);

}
