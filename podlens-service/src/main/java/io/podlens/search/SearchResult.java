package io.podlens.search;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One page of search hits.
 *
 * @param total number of matching segments; exact when {@code totalExact}, otherwise a
 * lower bound (see {@code podlens.search.exact-total-up-to})
 * @param totalExact whether {@code total} is exact
 * @param page 0-based page number
 * @param size requested page size
 * @param hits the hits of this page, best first
 * @param mode the mode the search ran in (with mode=auto, the one it chose)
 */
public record SearchResult(@Schema(example = "42") long total, @Schema(example = "true") boolean totalExact,
		@Schema(example = "0") int page, @Schema(example = "20") int size, List<SearchHit> hits,
		@Schema(example = "hybrid", allowableValues = {
				"keyword", "semantic", "hybrid" }) @Nullable String mode){

	public SearchResult {
		hits = List.copyOf(hits);
	}

	/** A page whose mode the caller adds ({@link #inMode}). */
	public SearchResult(long total, boolean totalExact, int page, int size, List<SearchHit> hits) {
		this(total, totalExact, page, size, hits, null);
	}

	/** This page, saying which mode produced it. */
	public SearchResult inMode(SearchMode mode) {
		return new SearchResult(this.total, this.totalExact, this.page, this.size, this.hits, mode.value());
	}

}
