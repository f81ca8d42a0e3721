package io.podlens.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.search.}.
 *
 * @param exactTotalUpTo a search counts its matches exactly up to this many (and always
 * up to the end of the requested page); beyond, {@code total} is a lower bound and
 * {@code totalExact} is false, which keeps frequent words fast in large indexes
 */
@ConfigurationProperties("podlens.search")
public record SearchProperties(@DefaultValue("10000") int exactTotalUpTo) {

	static final SearchProperties DEFAULTS = new SearchProperties(10_000);

	public SearchProperties {
		if (exactTotalUpTo < 1) {
			throw new IllegalArgumentException("podlens.search.exact-total-up-to must be at least 1");
		}
	}

}
