package io.podlens.search;

import java.util.List;

import io.podlens.episode.StoredSegment;

/**
 * Keyword queries over the segments of one episode alone, for a feature that runs many
 * stored queries against every new episode (alerts). The episode's segments are indexed
 * once, in memory, into the documents the search index holds (same analysis, context and
 * topics), and each query is built as keyword search builds it (parser, ranking words,
 * minimum-should-match, sounds-like tiers, filters) and runs there instead of over the
 * whole index. The answer depends only on the episode's segments and mentions, so it is
 * the same whichever backend ({@code podlens.search.backend}) serves searches.
 */
public interface EpisodeQueries {

	/**
	 * Indexes the segments of one episode (all of them, so that every segment has its
	 * context), for every keyword query; close the answer when done.
	 */
	default EpisodeIndex index(List<StoredSegment> segments) {
		return index(segments, true);
	}

	/**
	 * Indexes the segments of one episode; close the answer when done.
	 * @param soundsLike whether sounds-like queries will run: without, the index is
	 * cheaper to build (no sound analysis) and refuses them
	 */
	EpisodeIndex index(List<StoredSegment> segments, boolean soundsLike);

	/** The in-memory index of one episode's segments. */
	interface EpisodeIndex extends AutoCloseable {

		/**
		 * Runs a keyword query: the segments, snippets and {@code matchedBy} of
		 * {@link SegmentSearch#search} in keyword mode restricted to the episode, but the
		 * hits in transcript order (whatever their tier) and the total always exact.
		 * Scores are BM25 within the episode.
		 * @throws io.podlens.common.InvalidInputException when
		 * {@link SegmentSearch#search} would refuse the query
		 * @throws IllegalArgumentException for a mode other than keyword
		 * @throws IllegalStateException for a sounds-like query on an index built without
		 * them
		 */
		SearchResult search(SearchQuery query);

		@Override
		void close();

	}

}
