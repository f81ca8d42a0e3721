package io.podlens.search;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MinimumShouldMatchTests {

	@Test
	void theDefaultRequiresFewWordsAllAndManyMost() {
		MinimumShouldMatch rule = MinimumShouldMatch.parse(SearchProperties.Ranking.defaults().minimumShouldMatch());
		assertThat(IntStream.rangeClosed(1, 10).map(rule::of).toArray()).containsExactly(1, 2, 2, 2, 3, 3, 4, 4, 5, 6);
	}

	@Test
	void solrSyntax() {
		assertThat(MinimumShouldMatch.parse("3").of(5)).isEqualTo(3);
		assertThat(MinimumShouldMatch.parse("3").of(2)).isEqualTo(2);
		assertThat(MinimumShouldMatch.parse("-1").of(4)).isEqualTo(3);
		assertThat(MinimumShouldMatch.parse("-1").of(1)).isEqualTo(1);
		assertThat(MinimumShouldMatch.parse("75%").of(4)).isEqualTo(3);
		assertThat(MinimumShouldMatch.parse("75%").of(3)).isEqualTo(2);
		assertThat(MinimumShouldMatch.parse("-25%").of(3)).isEqualTo(3);
		assertThat(MinimumShouldMatch.parse("100%").of(7)).isEqualTo(7);
		assertThat(MinimumShouldMatch.parse("0").of(7)).isEqualTo(1);
		MinimumShouldMatch conditional = MinimumShouldMatch.parse("3<90%");
		assertThat(conditional.of(3)).isEqualTo(3);
		assertThat(conditional.of(10)).isEqualTo(9);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "many", "2<", "<50%", "4<50% 2<-1", "2<-1 x", "99999999999", "50%%" })
	void malformedRulesAreRejectedNamingTheSetting(String spec) {
		assertThatIllegalArgumentException().isThrownBy(() -> MinimumShouldMatch.parse(spec))
			.withMessageContaining("podlens.search.ranking.minimum-should-match");
	}

}
