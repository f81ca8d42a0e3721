package io.podlens.search;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.podlens.episode.StoredSegment;

/**
 * Full-text search over transcript segments: the one entry point other features use. The
 * index is derived data; the database stays the source of truth and {@link #rebuild()}
 * recreates the index from it.
 */
public interface SegmentSearch {

	/**
	 * Adds or replaces the given segments (keyed by segment id) and makes them visible to
	 * searches before returning.
	 */
	void index(Collection<StoredSegment> segments);

	/**
	 * Adds or replaces the segments of a bulk-import batch, which need be neither durable
	 * nor searchable before {@link #flush()}: the embedded index commits them with a
	 * later write. The default indexes them as {@link #index} does.
	 * @return completed once the write is durable (its event publication is complete
	 * then); failed if it was lost before that, for the write to be retried
	 */
	default CompletableFuture<Void> indexBatch(Collection<StoredSegment> segments) {
		index(segments);
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Makes every write that returned before the call durable and visible to searches;
	 * nothing to do where every write already is.
	 */
	default void flush() {
	}

	/** Removes every segment of the episode; visible to searches before returning. */
	void deleteEpisode(long episodeId);

	/**
	 * Runs a query.
	 * @throws io.podlens.common.InvalidInputException when the query string is malformed
	 * or too long, or the mode is not available
	 */
	SearchResult search(SearchQuery query);

	/**
	 * Checks a query as {@link #search} would (syntax, length, words to search, mode
	 * available) without running it, for features that store a query to run later.
	 * @throws io.podlens.common.InvalidInputException naming field {@code q} (or
	 * {@code mode}) when {@link #search} would refuse it
	 */
	void validate(SearchQuery query);

	/**
	 * The words that characterise an episode against the whole corpus, best first.
	 * @return empty when the index holds no segment of the episode
	 */
	java.util.Optional<List<Keyword>> keywords(long episodeId, int limit);

	/**
	 * Segments of other episodes nearest by embedding to one segment.
	 * @throws io.podlens.common.NotFoundException when the episode or the segment does
	 * not exist
	 * @throws io.podlens.common.ConflictException when the segment has no embedding yet
	 * (or embeddings are disabled)
	 */
	SimilarSegments similar(long episodeId, int segmentIndex, int size);

	/**
	 * Whether this backend finds segments by meaning (semantic and hybrid modes): the
	 * embedded index or Solr, with embeddings on.
	 */
	boolean searchesByMeaning();

	/**
	 * Whether the index holds segments of the episode: false until its first index write
	 * succeeded (a failed one is retried), and after its deletion.
	 */
	boolean holdsEpisode(long episodeId);

	/** Replaces the whole index with the segments in the database. */
	RebuildReport rebuild();

	/** Document count and highest indexed segment id. */
	IndexStats stats();

}
