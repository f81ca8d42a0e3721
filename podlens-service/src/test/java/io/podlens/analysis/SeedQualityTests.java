package io.podlens.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.podlens.text.SharedData;
import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures theme accuracy and sponsor overlap on the seed episode against hand labels in
 * {@code labels/} (made by reading the whole seed; they hold indexes and times only).
 */
class SeedQualityTests {

	private static final String SEED = "seeds/000_95363aa04b2cdaad.txt";

	private final ThemeCatalog catalog = ThemeCatalog.bundled();

	@Test
	void themeAccuracyOnLabelledSegments() throws IOException {
		List<StoredSegment> segments = TestSegments.seed(SharedData.file(SEED), "zh-Hant");
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		EpisodeThemes themes = new ThemeClassifier(this.catalog, 2.5).classify(segments, reads);
		Map<Integer, String> labels = themeLabels();
		int labelled = 0;
		int correct = 0;
		StringBuilder misses = new StringBuilder();
		for (SegmentTheme segment : themes.segments()) {
			String label = labels.get(segment.segmentIndex());
			if (label != null && !label.isEmpty()) {
				labelled++;
				if (label.equals(segment.theme())) {
					correct++;
				}
				else {
					misses.append(' ').append(segment.segmentIndex()).append(':').append(segment.theme());
				}
			}
		}
		double accuracy = (double) correct / labelled;
		System.out.printf("seed theme accuracy: %d/%d = %.3f; misses:%s%n", correct, labelled, accuracy, misses);
		themes.spans().forEach((span) -> System.out.println("  span " + span));
		assertThat(labelled).isGreaterThan(40);
		assertThat(accuracy).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void sponsorSpanOverlapsTheTrueRead() throws IOException {
		List<StoredSegment> segments = TestSegments.seed(SharedData.file(SEED), "zh-Hant");
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		long[] truth = sponsorLabel();
		double iou = bestIou(reads, truth[0], truth[1]);
		System.out.printf("seed sponsor IoU: %.3f (truth %d-%d ms, found %s)%n", iou, truth[0], truth[1], reads);
		assertThat(reads).hasSize(1);
		assertThat(reads.get(0).sponsor()).isEqualTo("AWS");
		assertThat(iou).isGreaterThanOrEqualTo(0.85);
	}

	@Test
	void seedChaptersAreValidAndInChinese() {
		List<StoredSegment> segments = TestSegments.seed(SharedData.file(SEED), "zh-Hant");
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		ChaptersDocument document = new ChapterBuilder(this.catalog).build(segments,
				new ThemeClassifier(this.catalog, 2.5).classify(segments, reads), reads);
		document.chapters().forEach((chapter) -> System.out.println("  chapter " + chapter));
		assertThat(document.version()).isEqualTo("1.2.0");
		assertThat(document.chapters().get(0).startTime()).isZero();
		assertThat(document.chapters()).extracting(Chapter::title).contains("贊助", "第一階段：模型以文字協作", "第三階段：早期融合", "聽眾留言");
		for (int i = 1; i < document.chapters().size(); i++) {
			assertThat(document.chapters().get(i).startTime())
				.isGreaterThan(document.chapters().get(i - 1).startTime());
		}
	}

	@Test
	void englishCorpusSponsorReadIsPlausible() {
		List<StoredSegment> segments = TestSegments
			.vtt(SharedData.file("corpus/en/data-engineering-podcast_zenlytic-ai-agents.vtt.txt"), "en");
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		System.out.println("english corpus sponsor reads: " + reads);
		// The pre-roll promotes another podcast for about 45 s after the welcome line.
		assertThat(reads).singleElement().satisfies((read) -> {
			assertThat(read.sponsor()).isEqualTo("Code Comments");
			assertThat(read.startMs()).isBetween(15_000L, 20_000L);
			assertThat(read.endMs()).isBetween(55_000L, 65_000L);
		});
		EpisodeThemes themes = new ThemeClassifier(this.catalog, 2.5).classify(segments, reads);
		assertThat(themes.spans()).filteredOn((span) -> span.theme().equals("sponsor"))
			.singleElement()
			.satisfies((span) -> assertThat(span.startMs()).isLessThan(30_000));
	}

	static double bestIou(List<SponsorRead> reads, long start, long end) {
		double best = 0;
		for (SponsorRead read : reads) {
			long intersection = Math.max(0, Math.min(end, read.endMs()) - Math.max(start, read.startMs()));
			long union = Math.max(end, read.endMs()) - Math.min(start, read.startMs());
			best = Math.max(best, (double) intersection / union);
		}
		return best;
	}

	private static Map<Integer, String> themeLabels() throws IOException {
		Map<Integer, String> labels = new LinkedHashMap<>();
		for (String line : resourceLines("/labels/seed-themes.tsv")) {
			if (!line.startsWith("#") && !line.isBlank()) {
				String[] cells = line.split("\t", -1);
				labels.put(Integer.parseInt(cells[0].strip()), (cells.length > 1) ? cells[1].strip() : "");
			}
		}
		return labels;
	}

	private static long[] sponsorLabel() throws IOException {
		for (String line : resourceLines("/labels/seed-sponsor.tsv")) {
			if (!line.startsWith("#") && !line.isBlank()) {
				String[] cells = line.split("\t");
				return new long[] { Long.parseLong(cells[0].strip()), Long.parseLong(cells[1].strip()) };
			}
		}
		throw new IllegalStateException("no sponsor label");
	}

	private static List<String> resourceLines(String name) throws IOException {
		try (InputStream in = SeedQualityTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
