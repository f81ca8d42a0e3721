package io.podlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeClassifierTests {

	private final ThemeClassifier classifier = new ThemeClassifier(ThemeCatalog.bundled(), 2.5);

	@Test
	void simplifiedTextMatchesTraditionalCues() {
		// 協作 / 轉述 are written in Traditional in themes.json
		List<StoredSegment> segments = TestSegments.evenly("zh-Hans", 60_000, "两个模型在协作 一个模型把图片转述成一串文字 再交给纯文字的模型");
		EpisodeThemes themes = this.classifier.classify(segments, List.of());
		assertThat(themes.segments().get(0).theme()).isEqualTo("multimodal-stage-1");
	}

	@Test
	void englishCuesAreCaseAndWidthFolded() {
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000,
				"The VISION ENCODER cuts the image into ｐａｔｃｈｅｓ and a Linear Projection maps them into the LLM.");
		EpisodeThemes themes = this.classifier.classify(segments, List.of());
		assertThat(themes.segments().get(0).theme()).isEqualTo("multimodal-stage-2");
		assertThat(themes.segments().get(0).confidence()).isBetween(0.5, 1.0);
	}

	@Test
	void aWeakSegmentBetweenTwoOfTheSameThemeStaysInTheSpan() {
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000,
				"The vision encoder turns patches into embeddings, a linear projection maps them.",
				"That is a fair point, I think.",
				"Then they fine-tune the model after the projection of the vision transformer output.");
		EpisodeThemes themes = this.classifier.classify(segments, List.of());
		assertThat(themes.segments()).extracting(SegmentTheme::theme).containsOnly("multimodal-stage-2");
		assertThat(themes.spans()).singleElement()
			.satisfies((span) -> assertThat(span.fromSegment()).isZero())
			.satisfies((span) -> assertThat(span.toSegment()).isEqualTo(2));
	}

	@Test
	void segmentsWithoutCuesHaveNoTheme() {
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000, "We talked about the weather.",
				"It rained all week here.");
		EpisodeThemes themes = this.classifier.classify(segments, List.of());
		assertThat(themes.segments()).extracting(SegmentTheme::theme).containsOnlyNulls();
		assertThat(themes.spans()).isEmpty();
	}

	@Test
	void outroCuesCountNearTheEndButBarelyAtTheStart() {
		String thanks = "Thanks for listening, see you next week.";
		List<StoredSegment> start = TestSegments.evenly("en", 60_000, thanks, "We talked about the weather.",
				"It rained.", "The sun came out.", "Later it snowed.", "Then spring came.", "And summer.");
		List<StoredSegment> end = TestSegments.evenly("en", 60_000, "We talked about the weather.", "It rained.",
				"The sun came out.", "Later it snowed.", "Then spring came.", "And summer.", thanks);
		assertThat(this.classifier.classify(end, List.of()).segments().get(6).theme()).isEqualTo("outro");
		assertThat(this.classifier.classify(start, List.of()).segments().get(0).confidence())
			.isLessThan(this.classifier.classify(end, List.of()).segments().get(6).confidence());
	}

	@Test
	void textInsideASponsorReadCountsOnlyForTheSponsor() {
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000,
				"This part is the ad, with a discount and a promo code for the vision encoder course.");
		SponsorRead read = new SponsorRead(0, 60_000, "Acme", 0.9, List.of("ad"));
		EpisodeThemes themes = this.classifier.classify(segments, List.of(read));
		assertThat(themes.segments().get(0).theme()).isEqualTo("sponsor");
	}

	@Test
	void emptyEpisodeGivesNothing() {
		assertThat(this.classifier.classify(List.of(), List.of()).segments()).isEmpty();
	}

	@Test
	void aSegmentAfterTheReadIsNotSponsor() {
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000,
				"This episode is sponsored by Acme. Use promo code ACME for a discount and a free trial. Now back to the show.",
				"GPT-4o answers in voice and sees the camera.", "Then we talked about the weather.");
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		assertThat(reads).singleElement();
		EpisodeThemes themes = this.classifier.classify(segments, reads);
		assertThat(themes.segments().get(0).theme()).isEqualTo("sponsor");
		assertThat(themes.segments().get(1).theme()).isNotEqualTo("sponsor");
		assertThat(themes.segments().get(2).theme()).isNotEqualTo("sponsor");
	}

	@Test
	void aSpanNeitherStartsNorEndsOnASegmentWithoutEvidence() {
		int[] path = { 0, 2, 2, 2, 2, 0 };
		double[][] scores = { { 0, 0 }, { 0, 0 }, { 0, 3 }, { 0, 0 }, { 0, 3 }, { 0, 0 } };
		ThemeClassifier.trimUnsupportedEdges(path, scores);
		assertThat(path).containsExactly(0, 0, 2, 2, 2, 0);
	}

	@Test
	void segmentsWithoutThemeHaveConfidenceZero() {
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000, "We talked about the weather.",
				"The vision encoder cuts the image into patches and a linear projection maps them.");
		EpisodeThemes themes = this.classifier.classify(segments, List.of());
		assertThat(themes.segments().get(0).theme()).isNull();
		assertThat(themes.segments().get(0).confidence()).isZero();
		assertThat(themes.segments().get(1).confidence()).isBetween(0.001, 1.0);
		assertThat(String.valueOf(themes.segments().get(1).confidence())).matches("0\\.\\d{1,3}|1\\.0");
	}

	@Test
	void englishOpeningAndClosingAreIntroAndOutro() {
		String[] texts = new String[10];
		texts[0] = "Hello and welcome to the Garden Show. I'm your host Sam, and my guest today is Kim.";
		for (int i = 1; i < 9; i++) {
			texts[i] = "We planted tomatoes number " + i + " in the raised bed.";
		}
		texts[9] = "That's all for this week. Thanks for listening, and see you next time. Take care.";
		EpisodeThemes themes = this.classifier.classify(TestSegments.evenly("en", 60_000, texts), List.of());
		assertThat(themes.segments().get(0).theme()).isEqualTo("intro");
		assertThat(themes.segments().get(9).theme()).isEqualTo("outro");
		assertThat(themes.segments().get(4).theme()).isNull();
	}

}
