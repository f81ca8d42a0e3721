package io.podlens.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The semantic and hybrid search settings under {@code podlens.search.} (beside
 * {@link SearchProperties}).
 *
 * @param defaultMode the mode of a search that names none: {@code auto} (hybrid for words
 * or a question when embeddings are on, keyword for query syntax, sounds-like, a topic
 * alone or without embeddings; see {@link SearchMode#resolve}), {@code keyword},
 * {@code semantic} or {@code hybrid}
 * @param rrfK the constant of reciprocal rank fusion: a hit at rank r of a ranking adds
 * {@code weight / (rrfK + r)}; larger values flatten the difference between ranks
 * @param fusionDepth hits taken from each ranking before they are fused (at least to the
 * end of the requested page)
 * @param semanticCandidates nearest segments a semantic search considers (at least to the
 * end of the requested page)
 * @param keywordWeight weight of the keyword ranking in the fusion
 * @param semanticWeight weight of the semantic ranking in the fusion
 * @param semanticMinScore cosine similarity below which a segment is not a semantic hit
 * (0 keeps every one of the nearest); in hybrid mode such segments can still be keyword
 * hits
 */
@ConfigurationProperties("podlens.search")
public record SemanticSearchProperties(@DefaultValue("auto") SearchMode defaultMode, @DefaultValue("60") int rrfK,
		@DefaultValue("100") int fusionDepth, @DefaultValue("100") int semanticCandidates,
		@DefaultValue("1.0") double keywordWeight, @DefaultValue("1.0") double semanticWeight,
		@DefaultValue("0") double semanticMinScore) {

	public SemanticSearchProperties {
		if (rrfK < 0) {
			throw new IllegalArgumentException("podlens.search.rrf-k must not be negative");
		}
		if (fusionDepth < 1 || fusionDepth > SearchQuery.MAX_WINDOW) {
			throw new IllegalArgumentException(
					"podlens.search.fusion-depth must be between 1 and " + SearchQuery.MAX_WINDOW);
		}
		if (semanticCandidates < 1 || semanticCandidates > SearchQuery.MAX_WINDOW) {
			throw new IllegalArgumentException(
					"podlens.search.semantic-candidates must be between 1 and " + SearchQuery.MAX_WINDOW);
		}
		if (!(keywordWeight >= 0) || !(semanticWeight >= 0) || keywordWeight + semanticWeight == 0) {
			throw new IllegalArgumentException(
					"podlens.search.keyword-weight and semantic-weight must not be negative, and not both 0");
		}
		if (!(semanticMinScore >= 0) || semanticMinScore >= 1) {
			throw new IllegalArgumentException(
					"podlens.search.semantic-min-score must be a cosine similarity from 0 (no minimum) to below 1");
		}
	}

	/** The defaults, for components built by hand (tests, the benchmark). */
	static SemanticSearchProperties defaults() {
		return new SemanticSearchProperties(SearchMode.AUTO, 60, 100, 100, 1.0, 1.0, 0);
	}

}
