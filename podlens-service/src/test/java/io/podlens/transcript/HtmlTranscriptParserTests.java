package io.podlens.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HtmlTranscriptParserTests {

	@Test
	void readsCiteTimeAndParagraphs() {
		String content = """
				<html><body>
				<cite>Mia:</cite>
				<time>0:00</time>
				<p>Welcome, it&#39;s <b>great</b> &amp; fun.</p>
				<cite>Leo:</cite>
				<time>1:05</time>
				<p>Thanks.</p>
				<p>Really.</p>
				<cite>Mia:</cite>
				<time>1:02:03</time>
				<p class="x">Bye.</p>
				</body></html>
				""";
		Transcript transcript = TranscriptParsers.parse(content, TranscriptFormat.AUTO);
		assertThat(transcript.format()).isEqualTo(TranscriptFormat.HTML);
		List<TranscriptSegment> segments = transcript.segments();
		assertThat(segments).hasSize(3);
		assertThat(segments.get(0)).isEqualTo(new TranscriptSegment(0, 65_000, "Mia", "Welcome, it's great & fun."));
		assertThat(segments.get(1)).isEqualTo(new TranscriptSegment(65_000, 3_723_000, "Leo", "Thanks. Really."));
		assertThat(segments.get(2).startMs()).isEqualTo(3_723_000);
		assertThat(segments.get(2).endMs()).isGreaterThanOrEqualTo(3_724_000);
	}

	@Test
	void reportsBadTimesAndUnclosedElements() {
		assertThatExceptionOfType(TranscriptParseException.class).isThrownBy(
				() -> TranscriptParsers.parse("<cite>A:</cite>\n<time>1:7x</time>\n<p>x</p>", TranscriptFormat.HTML))
			.withMessage("html line 2: <time>1:7x</time> is not a time (expected M:SS, MM:SS or H:MM:SS)");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse("<time>0:01</time>\n<p>never closed", TranscriptFormat.HTML))
			.withMessage("html line 2: <p> is never closed");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse("<p>no time</p>", TranscriptFormat.HTML))
			.withMessageContaining("<p> before any <time>");
	}

}
