package io.podlens.analysis;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.podlens.text.SharedData;
import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineSvgTests {

	private static final String EVIL = "<script>alert('x')</script>";

	@Test
	void textIsEscapedAndTheDocumentIsWellFormed() throws Exception {
		ThemeDefinition evilTheme = new ThemeDefinition("evil", "subject", Map.of("en", EVIL), "", "red\"/><script>",
				List.of(new ThemeDefinition.Cue("xylophone", 3)), null);
		ThemeCatalog catalog = new ThemeCatalog(List.of(evilTheme));
		List<StoredSegment> segments = List.of(
				new StoredSegment(1, 7, "A & B <live>", null, "en", 0, 0, 90_000, null, "xylophone xylophone"),
				new StoredSegment(2, 7, "A & B <live>", null, "en", 1, 90_000, 180_000, null, "xylophone again"));
		EpisodeThemes themes = new ThemeClassifier(catalog, 2.5).classify(segments, List.of());
		List<SponsorRead> reads = List.of(new SponsorRead(10_000, 40_000, "Bad & <Co>", 0.9, List.of()));
		List<TimelineMarks.Mark> marks = List.of(new TimelineMarks.Mark(EVIL, 30_000),
				new TimelineMarks.Mark(EVIL, 120_000), new TimelineMarks.Mark("Lucene", 60_000));

		String svg = new TimelineSvg(catalog).render(segments, themes, reads, marks, List.of());

		assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;").contains("A &amp; B &lt;live&gt;");
		assertThat(svg).contains("Bad &amp; &lt;Co&gt;").doesNotContain("red\"");
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("1200");
		assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(3);
		assertThat(document.getDocumentElement().getTextContent()).contains(EVIL);
	}

	@Test
	void axisHasMmSsTicksAcrossTheEpisode() {
		ThemeCatalog catalog = ThemeCatalog.bundled();
		List<StoredSegment> segments = TestSegments.evenly("zh-Hant", 600_000, "第一段", "第二段", "第三段", "第四段", "第五段",
				"第六段");
		String svg = new TimelineSvg(catalog).render(segments, new EpisodeThemes(List.of(), List.of()), List.of(),
				List.of(), List.of());
		assertThat(svg).contains(">00:00<", ">30:00<", ">60:00<", ">時間<");
	}

	@Test
	void clockFormatsMinutesAndSeconds() {
		assertThat(TimelineSvg.clock(0)).isEqualTo("00:00");
		assertThat(TimelineSvg.clock(65_400)).isEqualTo("01:05");
		assertThat(TimelineSvg.clock(3_647_000)).isEqualTo("60:47");
	}

	@Test
	void narrowSponsorLabelsSitBesideTheBar() {
		String inside = TimelineSvg.sponsorLabel(200, 300, 113, "Sponsor: AWS");
		String beside = TimelineSvg.sponsorLabel(200, 34, 113, "贊助: AWS");
		String before = TimelineSvg.sponsorLabel(1150, 10, 113, "贊助: AWS");
		assertThat(inside).contains("x=\"204\"");
		assertThat(beside).contains("x=\"238\"");
		assertThat(before).contains("x=\"1146\"").contains("text-anchor=\"end\"");
	}

	@Test
	void seedTimelineDrawsTheSponsorFromTheReadAndChapterLines() throws Exception {
		List<StoredSegment> segments = TestSegments.seed(SharedData.file("seeds/000_95363aa04b2cdaad.txt"), "zh-Hant");
		ThemeCatalog catalog = ThemeCatalog.bundled();
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		EpisodeThemes themes = new ThemeClassifier(catalog, 2.5).classify(segments, reads);
		List<Chapter> chapters = new ChapterBuilder(catalog).build(segments, themes, reads).chapters();
		String svg = new TimelineSvg(catalog).render(segments, themes, reads, List.of(), chapters);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/timeline-seed.svg"), svg);
		// the band and the sponsor row both use the read's 00:17-02:20, not the segments'
		// 00:00-02:06
		assertThat(svg).contains("<title>贊助 00:17–02:20</title>").doesNotContain("贊助 00:00–02:06");
		assertThat(svg.split("class=\"chapter\"", -1)).hasSize(chapters.size());
	}

}
