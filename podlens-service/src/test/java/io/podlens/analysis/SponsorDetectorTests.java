package io.podlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

class SponsorDetectorTests {

	private final SponsorDetector detector = new SponsorDetector();

	@Test
	void chineseReadStartsAndEndsInsideSegments() {
		// 10 characters of greeting, then the opening cue; the read ends mid-segment too.
		String first = "大家好歡迎收聽本節目" + "本集節目由好喝咖啡贊助播出" + "他們的咖啡豆很香";
		String second = "現在報名還有早鳥優惠" + "謝謝好喝咖啡的贊助" + "好我們回到今天的主題";
		List<StoredSegment> segments = TestSegments.evenly("zh-Hant", 100_000, first, second);
		List<SponsorRead> reads = this.detector.detect(segments);
		assertThat(reads).singleElement().satisfies((read) -> {
			assertThat(read.sponsor()).isEqualTo("好喝咖啡");
			assertThat(read.startMs()).isEqualTo(Math.round(100_000.0 * 10 / first.length()));
			assertThat(read.endMs()).isEqualTo(100_000 + Math.round(100_000.0 * 19 / second.length()));
			assertThat(read.evidence()).containsExactly("本集節目由好喝咖啡贊助播出", "謝謝好喝咖啡的贊助");
			assertThat(read.confidence()).isGreaterThan(0.8);
		});
	}

	@Test
	void simplifiedChineseCuesWork() {
		List<StoredSegment> segments = TestSegments.evenly("zh-Hans", 60_000, "本期节目由某某云赞助播出 他们有免费试用",
				"本集业配就到这边结束 我们继续");
		assertThat(this.detector.detect(segments)).singleElement()
			.satisfies((read) -> assertThat(read.sponsor()).isEqualTo("某某云"));
	}

	@Test
	void englishReadWithNameAndThanks() {
		List<StoredSegment> segments = TestSegments.evenly("en", 10_000, "Welcome to the show.",
				"This episode is brought to you by Acme Cloud, the cloud for tiny teams.",
				"Go to acme.example.com and use promo code TINY for a discount.",
				"My thanks to Acme Cloud for their support.", "Now, our guest today is an engineer.");
		List<SponsorRead> reads = this.detector.detect(segments);
		assertThat(reads).singleElement().satisfies((read) -> {
			assertThat(read.sponsor()).isEqualTo("Acme Cloud");
			assertThat(read.startMs()).isEqualTo(10_000);
			assertThat(read.endMs()).isBetween(39_000L, 40_000L);
		});
	}

	@Test
	void readWithoutEndCueFollowsTheOfferWording() {
		List<StoredSegment> segments = TestSegments.evenly("en", 10_000, "Today's sponsor is Acme.",
				"Sign up at acme.example.com for a free trial.", "Anyway, back to databases.", "Databases are fun.");
		assertThat(this.detector.detect(segments)).singleElement().satisfies((read) -> {
			assertThat(read.startMs()).isZero();
			assertThat(read.endMs()).isEqualTo(20_000);
			assertThat(read.confidence()).isLessThan(0.8);
		});
	}

	@Test
	void aClosingThankYouAloneIsNoRead() {
		List<StoredSegment> segments = TestSegments.evenly("zh-Hant", 60_000, "今天的內容就到這邊",
				"最後也感謝一下今天的贊助商某某 祝大家有個愉快的一周");
		assertThat(this.detector.detect(segments)).isEmpty();
	}

	@Test
	void twoReadsInOneEpisode() {
		List<StoredSegment> segments = TestSegments.evenly("en", 30_000, "This episode is sponsored by Alpha.",
				"Thanks to Alpha for sponsoring.", "Talk talk talk.", "Talk talk talk.", "Talk talk talk.",
				"Support for this show comes from Beta.", "Now back to the show.");
		assertThat(this.detector.detect(segments)).extracting(SponsorRead::sponsor).containsExactly("Alpha", "Beta");
	}

	@Test
	void englishNameRunsToTheEndOfThePhrase() {
		List<StoredSegment> segments = TestSegments.evenly("en", 60_000,
				"This episode is brought to you by R&D <Tools> Inc. They build test rigs. Thanks to R&D <Tools> Inc. for sponsoring.",
				"Support for this show comes from Acme Cloud, the place for servers and more. Now back to the show.");
		List<SponsorRead> reads = this.detector.detect(segments);
		assertThat(reads).extracting(SponsorRead::sponsor).containsExactly("R&D <Tools> Inc.", "Acme Cloud");
	}

	@Test
	void nameStopsAtSentenceEndAndConnectives() {
		assertThat(SponsorDetector.cleanName("Code Comments. In")).isEqualTo("Code Comments");
		assertThat(SponsorDetector.cleanName("Acme Corp. Today")).isEqualTo("Acme Corp.");
		assertThat(SponsorDetector.cleanName("AWS")).isEqualTo("AWS");
	}

	@Test
	void confidenceHasThreeDecimals() {
		List<StoredSegment> segments = TestSegments.evenly("zh-Hant", 60_000, "本期節目由好喝咖啡贊助播出 本期節目由好喝咖啡贊助播出",
				"謝謝好喝咖啡的贊助");
		assertThat(this.detector.detect(segments)).singleElement()
			.satisfies((read) -> assertThat(read.confidence()).isEqualTo(0.95));
		assertThat(new SponsorRead(0, 1, null, 0.8 + 0.1 + 0.05, List.of()).confidence()).isEqualTo(0.95);
	}

}
