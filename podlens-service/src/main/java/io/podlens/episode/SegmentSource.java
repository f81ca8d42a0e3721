package io.podlens.episode;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Read access to every stored segment, for features that derive data from the database
 * (the search index is rebuilt from it).
 */
public interface SegmentSource {

	/** Number of stored segments. */
	long segmentCount();

	/** Highest segment id stored, 0 when there is none. */
	long maxSegmentId();

	/**
	 * Streams all segments in episode order (ascending episode id, then segment index),
	 * in batches of at most {@code batchSize}, so that a rebuild never holds the whole
	 * database in memory and sees each segment's neighbours next to it.
	 */
	void forEachBatch(int batchSize, Consumer<List<StoredSegment>> batch);

	/** The segments of one episode in order; empty when the episode does not exist. */
	List<StoredSegment> segmentsOf(long episodeId);

	/**
	 * The segments of several episodes in one read, in ascending segment id order;
	 * episodes that do not exist (deleted meanwhile) contribute none.
	 */
	List<StoredSegment> segmentsOf(Collection<Long> episodeIds);

	/**
	 * The segments with these ids, in ascending id order; ids of deleted segments
	 * contribute none.
	 */
	List<StoredSegment> segmentsById(Collection<Long> segmentIds);

}
