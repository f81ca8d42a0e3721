package io.podlens.search;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of search hits.
 *
 * @param total number of matching segments; exact when {@code totalExact}, otherwise a
 * lower bound (see {@code podlens.search.exact-total-up-to})
 * @param totalExact whether {@code total} is exact
 * @param page 0-based page number
 * @param size requested page size
 * @param hits the hits of this page, best first
 */
public record SearchResult(@Schema(example = "42") long total, @Schema(example = "true") boolean totalExact,
		@Schema(example = "0") int page, @Schema(example = "20") int size, List<SearchHit> hits) {

	public SearchResult {
		hits = List.copyOf(hits);
	}

}
