package io.podlens.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-lingual keyword expansion of queries typed as words or questions
 * ({@link CrossLingualExpansion}), under {@code podlens.search.expansion.}; see
 * docs/search.md.
 *
 * @param enabled whether English words also search their Chinese equivalents (and Chinese
 * words their English ones, with {@code reverse})
 * @param boost weight of the expanded query against 1 for the query's own words; below 1
 * so that segments saying the query's own words keep their order
 * @param reverse whether Chinese words are expanded to English too
 */
@ConfigurationProperties("podlens.search.expansion")
public record ExpansionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.3") float boost,
		@DefaultValue("true") boolean reverse) {

	public ExpansionProperties {
		if (!(boost >= 0 && boost <= 1)) {
			throw new IllegalArgumentException("podlens.search.expansion.boost must be between 0 and 1");
		}
	}

	/** The defaults, as configuration binds them. */
	public static ExpansionProperties defaults() {
		return new ExpansionProperties(true, 0.3f, true);
	}

}
