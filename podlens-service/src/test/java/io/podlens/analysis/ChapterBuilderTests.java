package io.podlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.podlens.text.SharedData;
import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChapterBuilderTests {

	private final ThemeCatalog catalog = ThemeCatalog.bundled();

	private final ChapterBuilder builder = new ChapterBuilder(this.catalog);

	private ChaptersDocument build(List<StoredSegment> segments) {
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		return this.builder.build(segments, new ThemeClassifier(this.catalog, 2.5).classify(segments, reads), reads);
	}

	@Test
	void documentHasVersionAscendingStartsFromZeroAndLocalizedTitles() {
		List<StoredSegment> segments = TestSegments.evenly("zh-Hans", 60_000, "欢迎收听 我是主持人 今天的主题是多模态模型",
				"本期节目由某某云赞助播出 现在报名有早鸟优惠 本集业配就到这边结束", "第一阶段 两个模型在协作 图片转述成文字", "第一阶段的做法 caption 交给纯文字模型",
				"第一阶段 就是模型之间以文字协作", "第二阶段 vision encoder 黏在一起 linear projection", "第二阶段 再进行微调 投射到同一个维度",
				"未来 机器人 人型机器人 关节 动作");
		ChaptersDocument document = build(segments);
		assertThat(document.version()).isEqualTo("1.2.0");
		assertThat(document.chapters()).isNotEmpty();
		assertThat(document.chapters().get(0).startTime()).isZero();
		for (int i = 1; i < document.chapters().size(); i++) {
			assertThat(document.chapters().get(i).startTime())
				.isGreaterThan(document.chapters().get(i - 1).startTime());
		}
		assertThat(document.chapters()).allSatisfy((chapter) -> assertThat(chapter.title()).isNotBlank());
		assertThat(document.chapters()).extracting(Chapter::title).contains("赞助", "第一阶段：模型以文字协作", "第二阶段：视觉编码器接上语言模型");
		Chapter sponsor = document.chapters().stream().filter((c) -> c.title().equals("赞助")).findFirst().orElseThrow();
		assertThat(sponsor.startTime()).isEqualTo(60.0);
		assertThat(sponsor.endTime()).isEqualTo(120.0);
	}

	@Test
	void englishTitlesAndEpisodeTitleWhenNothingIsRecognised() {
		List<StoredSegment> segments = TestSegments.evenly("en-US", 60_000, "We talked about the weather.",
				"It rained.");
		ChaptersDocument document = build(segments);
		assertThat(document.chapters()).singleElement().satisfies((chapter) -> {
			assertThat(chapter.startTime()).isZero();
			assertThat(chapter.endTime()).isEqualTo(120.0);
			assertThat(chapter.title()).isEqualTo("Test episode");
		});
	}

	@Test
	void bareZhPicksTheScriptFromTheText() {
		List<StoredSegment> segments = TestSegments.evenly("zh", 60_000, "本期節目由某某雲贊助播出 現在報名有早鳥優惠 本集業配就到這邊結束 謝謝某某雲的贊助",
				"第二階段 vision encoder 黏在一起 linear projection 微調", "第二階段 投射 矩陣 維度");
		assertThat(build(segments).chapters()).extracting(Chapter::title).contains("贊助", "第二階段：視覺編碼器接上語言模型");
	}

	@Test
	void shortSubjectSpansJoinTheChapterBefore() {
		List<StoredSegment> segments = TestSegments.evenly("en", 120_000,
				"The vision encoder turns patches into embeddings and a linear projection maps them.",
				"Fine-tuning after the projection of the vision transformer output.",
				"Robots, humanoid robots and the future of video and audio.");
		List<StoredSegment> withShortLast = new java.util.ArrayList<>(segments);
		withShortLast.set(2, TestSegments.segment(2, 240_000, 250_000, segments.get(2).text(), "en"));
		ChaptersDocument document = build(withShortLast);
		assertThat(document.chapters()).singleElement()
			.satisfies((chapter) -> assertThat(chapter.endTime()).isEqualTo(250.0));
	}

	@Test
	void sponsorChapterEndsWhereTheReadEnds() {
		List<StoredSegment> segments = TestSegments
			.vtt(SharedData.file("corpus/en/data-engineering-podcast_zenlytic-ai-agents.vtt.txt"), "en");
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		ChaptersDocument document = build(segments);
		document.chapters().forEach((chapter) -> System.out.println("  data engineering chapter " + chapter));
		assertThat(reads).singleElement();
		Chapter sponsor = document.chapters()
			.stream()
			.filter((c) -> c.title().equals("Sponsor"))
			.findFirst()
			.orElseThrow();
		assertThat(sponsor.startTime()).isCloseTo(reads.get(0).startMs() / 1000.0, within(1.0));
		assertThat(sponsor.endTime()).isCloseTo(reads.get(0).endMs() / 1000.0, within(1.0));
		assertDistinctTitlesAndContiguous(document);
	}

	@Test
	void longEpisodeWithoutThemesGetsPartsWithDistinctTitles() {
		List<StoredSegment> segments = TestSegments
			.vtt(SharedData.file("corpus/en/lex-fridman-416_yann-lecun_youtube-auto.en.srt"), "en");
		ChaptersDocument document = build(segments);
		document.chapters().forEach((chapter) -> System.out.println("  lex chapter " + chapter));
		assertThat(document.chapters()).hasSizeGreaterThanOrEqualTo(6);
		assertThat(document.chapters()).allSatisfy(
				(chapter) -> assertThat(chapter.endTime() - chapter.startTime()).isLessThanOrEqualTo(20 * 60.0));
		assertDistinctTitlesAndContiguous(document);
	}

	static void assertDistinctTitlesAndContiguous(ChaptersDocument document) {
		List<Chapter> chapters = document.chapters();
		assertThat(chapters).extracting(Chapter::title).doesNotHaveDuplicates();
		assertThat(chapters.get(0).startTime()).isZero();
		for (int i = 1; i < chapters.size(); i++) {
			assertThat(chapters.get(i).startTime()).isEqualTo(chapters.get(i - 1).endTime());
		}
	}

	@Test
	void anUnthemedStretchIsItsOwnChapterTitledByItsWords() {
		String garden = "Tomatoes need sun. Tomatoes and compost, compost and tomatoes, mulch for the tomatoes, "
				+ "garden compost for tomato plants, tomato plants in garden compost.";
		String[] texts = {
				"This episode is sponsored by Acme. Use promo code ACME for a discount. Now back to the show.", garden,
				garden, garden, "Thanks for listening, see you next time." };
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000, texts);
		ChaptersDocument document = build(segments);
		assertThat(document.chapters()).extracting(Chapter::title)
			.containsExactly("Sponsor", "Garden compost and tomato plants", "Outro");
		Chapter sponsor = document.chapters().get(0);
		assertThat(sponsor.endTime()).isEqualTo(new SponsorDetector().detect(segments).get(0).endMs() / 1000.0);
		assertThat(document.chapters().get(1).startTime()).isEqualTo(sponsor.endTime());
		assertDistinctTitlesAndContiguous(document);
	}

	@Test
	void chineseStretchTitlesUseWholeWords() {
		String talk = "我們今天去爬山 爬山的時候看到很多楓葉 楓葉真的很漂亮 山頂的風景也很棒 爬山";
		List<StoredSegment> segments = TestSegments.evenly("zh-Hant", 60_000, "本期節目由好喝咖啡贊助播出 謝謝好喝咖啡的贊助", talk, talk);
		ChaptersDocument document = build(segments);
		assertThat(document.chapters()).extracting(Chapter::title).contains("贊助");
		assertThat(document.chapters().get(document.chapters().size() - 1).title()).isEqualTo("爬山與楓葉");
	}

	@Test
	void repeatedTitlesAreNumbered() {
		List<Chapter> chapters = List.of(new Chapter(0, 1, "Intro"), new Chapter(1, 2, "Sponsor"),
				new Chapter(2, 3, "Intro"), new Chapter(3, 4, "Intro (2)"));
		assertThat(ChapterBuilder.distinctTitles(chapters, false)).extracting(Chapter::title)
			.containsExactly("Intro", "Sponsor", "Intro (2)", "Intro (2) (2)");
		assertThat(ChapterBuilder.distinctTitles(List.of(new Chapter(0, 1, "結尾"), new Chapter(1, 2, "結尾")), true))
			.extracting(Chapter::title)
			.containsExactly("結尾", "結尾（2）");
	}

	@Test
	void chineseNumbers() {
		assertThat(PartTitles.chineseNumber(3)).isEqualTo("三");
		assertThat(PartTitles.chineseNumber(10)).isEqualTo("十");
		assertThat(PartTitles.chineseNumber(14)).isEqualTo("十四");
		assertThat(PartTitles.chineseNumber(40)).isEqualTo("四十");
		assertThat(PartTitles.title(2, true)).isEqualTo("第二部分");
		assertThat(PartTitles.title(2, false)).isEqualTo("Part 2");
	}

}
