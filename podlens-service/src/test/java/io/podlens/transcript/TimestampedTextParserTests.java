package io.podlens.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimestampedTextParserTests {

	private static List<TranscriptSegment> parse(String content) {
		Transcript transcript = TranscriptParsers.parse(content, TranscriptFormat.TIMESTAMPED_TEXT);
		assertThat(transcript.format()).isEqualTo(TranscriptFormat.TIMESTAMPED_TEXT);
		return transcript.segments();
	}

	@Test
	void readsMinuteSecondRangesIncludingMinutesPastAnHour() {
		List<TranscriptSegment> segments = parse(
				"(00:00~00:42) 大家好 welcome\n(00:42~01:10) 今天聊 GBT-4O\n(60:35~61:02) 再見\n");
		assertThat(segments).containsExactly(new TranscriptSegment(0, 42_000, null, "大家好 welcome"),
				new TranscriptSegment(42_000, 70_000, null, "今天聊 GBT-4O"),
				new TranscriptSegment(3_635_000, 3_662_000, null, "再見"));
	}

	@Test
	void readsHourRangesAndContinuationLines() {
		List<TranscriptSegment> segments = parse("My show, episode 3\n\n(01:00:00~01:00:05) first part\n  and more\n");
		assertThat(segments).containsExactly(new TranscriptSegment(3_600_000, 3_605_000, null, "first part and more"));
	}

	@Test
	void startOnlyLinesEndAtTheNextStartAndTheLastGetsAnEstimate() {
		List<TranscriptSegment> segments = parse(
				"[00:00:01] Alice: hello there\n[00:00:04] Bob: hi\n[00:07] Alice: bye now\n");
		assertThat(segments).extracting(TranscriptSegment::speaker).containsExactly("Alice", "Bob", "Alice");
		assertThat(segments.get(0).endMs()).isEqualTo(4_000);
		assertThat(segments.get(1).endMs()).isEqualTo(7_000);
		assertThat(segments.get(2).endMs() - segments.get(2).startMs()).isGreaterThanOrEqualTo(1_000);
		assertThat(segments.get(2).text()).isEqualTo("bye now");
	}

	@Test
	void bareStartTimes() {
		List<TranscriptSegment> segments = parse("00:00:05 one two\n00:01:00 three\n");
		assertThat(segments).extracting(TranscriptSegment::startMs).containsExactly(5_000L, 60_000L);
		assertThat(segments.get(0).endMs()).isEqualTo(60_000);
	}

	@Test
	void refusesSecondsOverFiftyNineWithTheLine() {
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("(00:00~00:10) a\n(00:10~00:75) b"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2))
			.withMessageContaining("timestamped-text line 2: end time 00:75");
	}

	@Test
	void refusesEndBeforeStartWithTheLine() {
		assertThatExceptionOfType(TranscriptParseException.class).isThrownBy(() -> parse("(00:30~00:10) a"))
			.withMessage("timestamped-text line 1: end time 00:00:10.000 is before start time 00:00:30.000");
	}

	@Test
	void refusesContentWithoutTimes() {
		assertThatExceptionOfType(TranscriptParseException.class).isThrownBy(() -> parse("just some words"))
			.withMessageContaining("no timed line found");
	}

	@Test
	void sortsUnsortedLinesStably() {
		List<TranscriptSegment> segments = parse("(00:20~00:30) c\n(00:00~00:10) a\n(00:00~00:05) b\n");
		assertThat(segments).extracting(TranscriptSegment::text).containsExactly("a", "b", "c");
	}

}
