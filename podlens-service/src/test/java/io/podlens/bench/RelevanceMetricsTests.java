package io.podlens.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RelevanceMetricsTests {

	private static final double LOG2_3 = Math.log(3) / Math.log(2);

	@Test
	void ndcgIsOneForTheIdealOrderAndScalesByDiscountedGain() {
		List<Integer> judged = List.of(3, 2, 1);
		assertThat(RelevanceMetrics.ndcg(List.of(3, 2, 1), judged, 10)).isEqualTo(1.0);
		// ideal DCG = 3 + 2/log2(3) + 1/2; ranked 0, 3: DCG = 3/log2(3)
		double ideal = 3 + 2 / LOG2_3 + 0.5;
		assertThat(RelevanceMetrics.ndcg(List.of(0, 3), judged, 10)).isCloseTo((3 / LOG2_3) / ideal, within(1e-12));
		assertThat(RelevanceMetrics.ndcg(List.of(1, 2, 3), judged, 10)).isCloseTo((1 + 2 / LOG2_3 + 3 / 2.0) / ideal,
				within(1e-12));
		assertThat(RelevanceMetrics.ndcg(List.of(), judged, 10)).isZero();
	}

	@Test
	void ndcgCountsOnlyTheFirstKRanksOnBothSides() {
		// 12 judged segments of grade 3: the ideal top 10 are all 3s
		List<Integer> judged = Arrays.asList(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
		List<Integer> ranked = Arrays.asList(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3);
		assertThat(RelevanceMetrics.ndcg(ranked, judged, 10)).isZero();
		assertThat(RelevanceMetrics.ndcg(judged, judged, 10)).isEqualTo(1.0);
		assertThat(RelevanceMetrics.ndcg(List.of(3), judged, 1)).isEqualTo(1.0);
	}

	@Test
	void ndcgIsUndefinedWithoutJudgments() {
		assertThat(RelevanceMetrics.ndcg(List.of(0, 0), List.of(), 10)).isNaN();
		assertThat(RelevanceMetrics.recall(List.of(0, 0), 0, 20)).isNaN();
	}

	@Test
	void recallCapsTheDenominatorAtK() {
		assertThat(RelevanceMetrics.recall(List.of(2, 0, 1, 0), 4, 20)).isEqualTo(0.5);
		// 30 judged, 20 of them found in the first 20: a perfect page
		List<Integer> full = java.util.Collections.nCopies(20, 1);
		assertThat(RelevanceMetrics.recall(full, 30, 20)).isEqualTo(1.0);
		// hits beyond k do not count
		List<Integer> late = new java.util.ArrayList<>(java.util.Collections.nCopies(20, 0));
		late.add(3);
		assertThat(RelevanceMetrics.recall(late, 1, 20)).isZero();
	}

	@Test
	void aSegmentEarnsItsGradeOnceAtItsFirstRank() {
		Map<String, Integer> judged = Map.of("1:5", 3, "1:6", 1);
		assertThat(RelevanceMetrics.gains(Arrays.asList("1:5", "2:5", null, "1:5", "1:6"), judged)).containsExactly(3,
				0, 0, 0, 1);
	}

	@Test
	void judgedStartsFindTheNearestSegmentWithinOneSecond() {
		long[] starts = { 0, 2_560, 3_000, 9_480, 9_480, 20_000 };
		assertThat(RelevanceMetrics.nearest(starts, 2_560)).isEqualTo(1);
		assertThat(RelevanceMetrics.nearest(starts, 2_900)).isEqualTo(2);
		assertThat(RelevanceMetrics.nearest(starts, 2_700)).isEqualTo(1);
		assertThat(RelevanceMetrics.nearest(starts, 9_480)).isEqualTo(3);
		assertThat(RelevanceMetrics.nearest(starts, 10_480)).isEqualTo(3);
		assertThat(RelevanceMetrics.nearest(starts, 10_481)).isEqualTo(-1);
		assertThat(RelevanceMetrics.nearest(starts, 19_000)).isEqualTo(5);
		assertThat(RelevanceMetrics.nearest(starts, 25_000)).isEqualTo(-1);
		assertThat(RelevanceMetrics.nearest(new long[0], 0)).isEqualTo(-1);
	}

	@Test
	void progressDocumentsSayWhetherWorkIsPending() {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(Relevance.pending(json.readTree("{\"status\":\"idle\",\"episodesQueued\":0}"))).isFalse();
		assertThat(Relevance.pending(json.readTree("{\"status\":\"idle\",\"episodesQueued\":3}"))).isTrue();
		assertThat(Relevance.pending(json.readTree("{\"status\":\"running\",\"episodesQueued\":0}"))).isTrue();
		assertThat(Relevance.pending(json.readTree("{\"embeddings\":{\"pendingSegments\":12}}"))).isTrue();
		assertThat(Relevance.pending(json.readTree("{\"total\":10,\"embedded\":7}"))).isTrue();
		assertThat(Relevance.pending(json.readTree("{\"total\":10,\"embedded\":10,\"model\":\"bge\"}"))).isFalse();
		assertThat(Relevance.pending(json.readTree("[{\"state\":\"done\"},{\"state\":\"queued\"}]"))).isTrue();
	}

}
