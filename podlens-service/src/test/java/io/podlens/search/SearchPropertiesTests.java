package io.podlens.search;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchPropertiesTests {

	@Test
	void theTestDefaultsAreTheConfigurationDefaultsBarTheWarmUp() {
		// Tests turn the start-up warm-up off (see AnalysisWarmUpTests).
		assertThat(bind(Map.of("podlens.search.warm-up", "0"))).isEqualTo(SearchSettings.defaults());
		assertThat(bind(Map.of()).warmUp()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void rankingAndContextAreSettings() {
		SearchProperties bound = bind(Map.of("podlens.search.context-window", "15s",
				"podlens.search.ranking.minimum-should-match", "75%", "podlens.search.ranking.context-boost", "0.3"));
		assertThat(bound.contextWindow()).isEqualTo(Duration.ofSeconds(15));
		assertThat(bound.ranking().minimumShouldMatch()).isEqualTo("75%");
		assertThat(bound.ranking().contextBoost()).isEqualTo(0.3f);
		assertThat(bound.ranking().phraseBoost()).isEqualTo(SearchProperties.Ranking.defaults().phraseBoost());
	}

	@Test
	void aMalformedRuleStopsTheStartNamingTheSetting() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("podlens.search.ranking.minimum-should-match", "most")))
			.havingRootCause()
			.withMessageContaining("podlens.search.ranking.minimum-should-match");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("podlens.search.ranking.context-boost", "-1")))
			.havingRootCause()
			.withMessageContaining("podlens.search.ranking.context-boost");
	}

	@Test
	void searchesRunInAutoModeUnlessConfiguredAndTheMinimumScoreIsACosine() {
		SemanticSearchProperties unset = bindSemantic(Map.of());
		assertThat(unset.defaultMode()).isEqualTo(SearchMode.AUTO);
		assertThat(unset.semanticMinScore()).isZero();
		assertThat(unset).isEqualTo(SemanticSearchProperties.defaults());
		assertThat(bindSemantic(
				Map.of("podlens.search.default-mode", "keyword", "podlens.search.semantic-min-score", "0.55")))
			.satisfies((bound) -> {
				assertThat(bound.defaultMode()).isEqualTo(SearchMode.KEYWORD);
				assertThat(bound.semanticMinScore()).isEqualTo(0.55);
			});
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bindSemantic(Map.of("podlens.search.semantic-min-score", "1.5")))
			.havingRootCause()
			.withMessageContaining("podlens.search.semantic-min-score");
	}

	private static SemanticSearchProperties bindSemantic(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("podlens.search",
				SemanticSearchProperties.class);
	}

	private static SearchProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("podlens.search",
				SearchProperties.class);
	}

}
