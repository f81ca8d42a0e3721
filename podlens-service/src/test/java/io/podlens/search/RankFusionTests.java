package io.podlens.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reciprocal rank fusion: the sums, the order, the weights and the ties. */
class RankFusionTests {

	@Test
	void scoresAreSumsOfReciprocalRanks() {
		List<RankFusion.Fused> fused = new RankFusion(60, 1, 1).fuse(List.of(10, 20, 30), List.of(30, 40));
		// 20 and 40 tie at 1/62; 20 has the keyword rank.
		assertThat(fused).extracting(RankFusion.Fused::doc).containsExactly(30, 10, 20, 40);
		RankFusion.Fused both = fused.get(0);
		assertThat(both.keywordRank()).isEqualTo(3);
		assertThat(both.semanticRank()).isEqualTo(1);
		assertThat(both.score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
		assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
		assertThat(fused.get(1).semanticRank()).isNull();
		assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
		assertThat(fused.get(3).keywordRank()).isNull();
		assertThat(fused.get(3).semanticRank()).isEqualTo(2);
		assertThat(fused.get(3).score()).isCloseTo(1.0 / 62, within(1e-12));
	}

	@Test
	void aDocumentHighInBothBeatsTheTopOfOne() {
		List<RankFusion.Fused> fused = new RankFusion(60, 1, 1).fuse(List.of(1, 2, 3, 4), List.of(5, 6, 3, 7));
		assertThat(fused.get(0).doc()).isEqualTo(3);
	}

	@Test
	void equalScoresGoByTheBetterRankThenTheKeywordRank() {
		// 1 and 2 are each first once; 3 and 4 each second once.
		List<RankFusion.Fused> fused = new RankFusion(60, 1, 1).fuse(List.of(1, 3), List.of(2, 4));
		assertThat(fused).extracting(RankFusion.Fused::doc).containsExactly(1, 2, 3, 4);
	}

	@Test
	void weightsTiltTheFusion() {
		List<RankFusion.Fused> semanticHeavy = new RankFusion(60, 1, 2).fuse(List.of(1, 2), List.of(2, 3));
		assertThat(semanticHeavy.get(0).doc()).isEqualTo(2);
		assertThat(semanticHeavy.get(0).score()).isCloseTo(1.0 / 62 + 2.0 / 61, within(1e-12));
		List<RankFusion.Fused> keywordOnly = new RankFusion(60, 1, 0).fuse(List.of(1, 2), List.of(3, 2));
		assertThat(keywordOnly).extracting(RankFusion.Fused::doc).containsExactly(1, 2, 3);
		assertThat(keywordOnly.get(2).score()).isZero();
	}

	@Test
	void aSmallerKWidensTheGapBetweenRanks() {
		double top = new RankFusion(1, 1, 1).fuse(List.of(1, 2), List.of()).get(0).score();
		double next = new RankFusion(1, 1, 1).fuse(List.of(1, 2), List.of()).get(1).score();
		assertThat(top / next).isCloseTo(1.5, within(1e-12));
		assertThat(new RankFusion(60, 1, 1).fuse(List.of(), List.of())).isEmpty();
	}

}
