package io.podlens.search;

import java.util.List;

/**
 * One page of search hits.
 *
 * @param total number of matching segments (exact)
 * @param page 0-based page number
 * @param size requested page size
 * @param hits the hits of this page, best first
 */
public record SearchResult(long total, int page, int size, List<SearchHit> hits) {

	public SearchResult {
		hits = List.copyOf(hits);
	}

}
