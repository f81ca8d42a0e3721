package io.podlens.transcript;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebVttParserTests {

	private static List<TranscriptSegment> parse(String content) {
		return TranscriptParsers.parse(content, TranscriptFormat.WEBVTT).segments();
	}

	@Test
	void readsHeaderBlocksIdentifiersSettingsVoicesTagsAndEntities() {
		String content = """
				WEBVTT - my show
				Kind: captions

				STYLE
				::cue { color: white }

				REGION
				id:left width:40%

				NOTE written by hand
				over two lines

				intro-1
				00:00:01.000 --> 00:00:03.500 align:start position:10%
				<v.loud Ann Lee>Tom &amp; Jerry&nbsp;&lt;3</v>

				00:00:04.000 --> 00:00:05.000
				<c.yellow>plain</c> <i>text</i><00:00:04.500> here
				""";
		assertThat(parse(content)).containsExactly(new TranscriptSegment(1_000, 3_500, "Ann Lee", "Tom & Jerry <3"),
				new TranscriptSegment(4_000, 5_000, null, "plain text here"));
	}

	@Test
	void acceptsByteOrderMarkShortAndLongTimes() {
		byte[] bytes = "\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\na\n\n120:00:00.000 --> 120:00:01.000\nb\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(TranscriptParsers.parse(bytes, TranscriptFormat.WEBVTT).segments())
			.extracting(TranscriptSegment::startMs)
			.containsExactly(1_000L, 432_000_000L);
	}

	@Test
	void acceptsTimesWithoutHoursOrMinutesAsPodcastToolsWriteThem() {
		assertThat(parse("WEBVTT\n\n0.860 --> 7.380\nx\n\n56.440 --> 1:01.080\ny\n"))
			.extracting(TranscriptSegment::endMs)
			.containsExactly(7_380L, 61_080L);
	}

	@Test
	void refusesMissingOrLateHeader() {
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("00:00:01.000 --> 00:00:02.000\nx\n"))
			.withMessageStartingWith("webvtt line 1: missing WEBVTT header");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("\nWEBVTT\n\n00:01.000 --> 00:02.000\nx\n"))
			.withMessageContaining("blank line before the WEBVTT header");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("WEBVTT\n00:01.000 --> 00:02.000\nx\n"))
			.withMessageStartingWith("webvtt line 2: cue timing inside the header");
	}

	@Test
	void refusesBadTimesAndBlocksWithoutTiming() {
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("WEBVTT\n\n00.00.000 --> 00:02.000\nx\n"))
			.withMessage("webvtt line 3: start time 00.00.000 is not a time (expected HH:MM:SS.mmm or MM:SS.mmm)");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n\njust text\n"))
			.withMessageStartingWith("webvtt line 6: block without a cue timing line");
		assertThatExceptionOfType(TranscriptParseException.class).isThrownBy(() -> parse("WEBVTT\n"))
			.withMessage("webvtt: no segment with text found");
	}

	@Test
	void keepsYoutubeRollingCaptionsOnce() {
		String content = """
				WEBVTT
				Kind: captions
				Language: en

				00:00:00.080 --> 00:00:01.870 align:start position:0%
				\s
				we<00:00:00.500><c> talk</c><00:00:01.000><c> about</c>

				00:00:01.870 --> 00:00:01.880 align:start position:0%
				we talk about
				\s

				00:00:01.880 --> 00:00:04.000 align:start position:0%
				we talk about
				large<00:00:02.500><c> models</c>

				00:00:04.000 --> 00:00:04.010 align:start position:0%
				large models
				\s

				00:00:04.010 --> 00:00:06.000 align:start position:0%
				large models
				today
				""";
		assertThat(parse(content)).containsExactly(new TranscriptSegment(80, 1_870, null, "we talk about"),
				new TranscriptSegment(1_880, 4_000, null, "large models"),
				new TranscriptSegment(4_010, 6_000, null, "today"));
	}

	@Test
	void timingLineInsideCueTextStartsANewCue() {
		assertThat(parse("WEBVTT\n\n00:01.000 --> 00:02.000\na\n00:02.000 --> 00:03.000\nb\n"))
			.extracting(TranscriptSegment::text)
			.containsExactly("a", "b");
	}

	@Test
	void readsCrlf() {
		assertThat(parse("WEBVTT\r\n\r\n00:00:00.000 --> 00:00:02.760\r\n<v Sarah>Hi\r\n"))
			.containsExactly(new TranscriptSegment(0, 2_760, "Sarah", "Hi"));
	}

}
