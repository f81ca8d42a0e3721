package io.podlens.search;

import java.time.Duration;

/** Search settings for tests, with the defaults of application configuration. */
final class SearchSettings {

	private SearchSettings() {
	}

	static SearchProperties defaults() {
		return withExactTotalUpTo(10_000);
	}

	static SearchProperties withExactTotalUpTo(int exactTotalUpTo) {
		return new SearchProperties(exactTotalUpTo, Duration.ofSeconds(1), Duration.ofMillis(5), 500, 0, 256,
				Duration.ZERO);
	}

}
