package io.podlens.search;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Segments of other episodes that talk about what one segment talks about: the nearest by
 * embedding, best first.
 *
 * @param episodeId the episode of the segment asked about
 * @param segmentIndex its 0-based position in the episode
 * @param startMs where it starts
 * @param text what it says
 * @param hits the nearest segments of other episodes ({@code matchedBy} is
 * {@code semantic}, {@code score} and {@code semanticScore} their cosine similarity)
 */
public record SimilarSegments(@Schema(example = "1") long episodeId, @Schema(example = "12") int segmentIndex,
		@Schema(example = "187000") long startMs, @Schema(example = "GPT-4o 是原生的多模態模型") String text,
		List<SearchHit> hits) {

	public SimilarSegments {
		hits = List.copyOf(hits);
	}

}
