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
		return new SearchProperties(exactTotalUpTo, Duration.ofSeconds(10), Duration.ofMillis(5), Duration.ofSeconds(5),
				500, 0, 256, Duration.ZERO, Duration.ofSeconds(30), SearchProperties.Ranking.defaults());
	}

	/** The defaults with another context window ({@link Duration#ZERO}: none). */
	static SearchProperties withContextWindow(Duration contextWindow) {
		return new SearchProperties(10_000, Duration.ofSeconds(10), Duration.ofMillis(5), Duration.ofSeconds(5), 500, 0,
				256, Duration.ZERO, contextWindow, SearchProperties.Ranking.defaults());
	}

	/** The defaults with other ranking settings. */
	static SearchProperties withRanking(SearchProperties.Ranking ranking) {
		return new SearchProperties(10_000, Duration.ofSeconds(10), Duration.ofMillis(5), Duration.ofSeconds(5), 500, 0,
				256, Duration.ZERO, Duration.ofSeconds(30), ranking);
	}

}
