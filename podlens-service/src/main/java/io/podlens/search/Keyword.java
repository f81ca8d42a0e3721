package io.podlens.search;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A word that characterises an episode against the whole corpus.
 *
 * @param term the word as it is most often written in the episode
 * @param score weight of the word (higher is more characteristic)
 */
@Schema(name = "Keyword")
public record Keyword(@Schema(example = "多模態") String term, @Schema(example = "12.7") double score) {
}
