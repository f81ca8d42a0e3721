package io.podlens.embedding;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How far embedding of the stored segments is.
 *
 * @param model the model that embeds segments and queries
 * @param dimensions length of its vectors
 * @param segments stored segments
 * @param embedded segments with a vector of this model in the database (they are
 * searchable semantically once their documents are rewritten, right after)
 * @param pending segments still to embed
 * @param episodesQueued episodes queued for the worker or under way
 * @param distinctTexts vectors stored: identical passages share one
 */
public record EmbeddingProgress(@Schema(example = "bge-small-zh-v1.5-q") String model,
		@Schema(example = "512") int dimensions, @Schema(example = "12000") long segments,
		@Schema(example = "11500") long embedded, @Schema(example = "500") long pending,
		@Schema(example = "2") int episodesQueued, @Schema(example = "11200") long distinctTexts) {
}
