package io.podlens.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chunked recognisers restart their clock at 0 for every chunk; the chunks follow each
 * other.
 */
class RestartingClockTests {

	@Test
	void chunksThatRestartAtZeroContinueFromThePreviousEnd() {
		String srt = """
				1
				00:00:00,000 --> 00:00:12,000
				first chunk one

				2
				00:00:12,000 --> 00:00:29,500
				first chunk two

				3
				00:00:00,000 --> 00:00:10,000
				second chunk one

				4
				00:00:10,000 --> 00:00:28,000
				second chunk two

				5
				00:00:00,000 --> 00:00:05,000
				third chunk one
				""";
		List<TranscriptSegment> segments = TranscriptParsers.parse(srt, TranscriptFormat.SRT).segments();
		assertThat(segments).extracting(TranscriptSegment::startMs)
			.containsExactly(0L, 12_000L, 29_500L, 39_500L, 57_500L);
		assertThat(segments.get(3).endMs()).isEqualTo(57_500);
		assertThat(segments).extracting(TranscriptSegment::text)
			.containsExactly("first chunk one", "first chunk two", "second chunk one", "second chunk two",
					"third chunk one");
	}

	@Test
	void aSingleJumpBackToZeroIsSortedNotShifted() {
		String srt = """
				1
				00:00:20,000 --> 00:00:22,000
				later

				2
				00:00:00,000 --> 00:00:07,000
				earlier
				""";
		assertThat(TranscriptParsers.parse(srt, TranscriptFormat.SRT).segments()).extracting(TranscriptSegment::startMs)
			.containsExactly(0L, 20_000L);
	}

}
