package io.podlens.search;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.podlens.text.Folding;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisWarmUpTests {

	@Test
	void theSampleMixesChineseInBothScriptsAndEnglish() {
		assertThat(AnalysisWarmUp.sample()).hasSizeGreaterThan(10)
			.anyMatch((line) -> line.codePoints().anyMatch(Folding::isHan))
			.anyMatch((line) -> line.chars().allMatch((c) -> c < 0x80))
			.noneMatch((line) -> line.startsWith("#"));
	}

	@Test
	void analysesDocumentsUntilTheBudgetIsUsedUp() {
		assertThat(AnalysisWarmUp.run(Duration.ofMillis(300), Duration.ofSeconds(30))).isBetween(1,
				AnalysisWarmUp.MAX_DOCUMENTS + AnalysisWarmUp.sample().size());
	}

	@Test
	void aZeroBudgetAnalysesNothing() {
		assertThat(AnalysisWarmUp.run(Duration.ZERO, Duration.ofSeconds(30))).isZero();
	}

}
