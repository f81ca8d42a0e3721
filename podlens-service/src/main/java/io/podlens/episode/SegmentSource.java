package io.podlens.episode;

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
	 * Streams all segments in ascending id order, in batches of at most
	 * {@code batchSize}, so that a rebuild never holds the whole database in memory.
	 */
	void forEachBatch(int batchSize, Consumer<List<StoredSegment>> batch);

	/** The segments of one episode in order; empty when the episode does not exist. */
	List<StoredSegment> segmentsOf(long episodeId);

}
