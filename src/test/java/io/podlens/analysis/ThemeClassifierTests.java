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

}
