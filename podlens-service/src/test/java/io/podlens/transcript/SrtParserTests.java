package io.podlens.transcript;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SrtParserTests {

	private static final String SAMPLE = """
			1
			00:00:01,000 --> 00:00:02,500
			Hello <i>there</i>,
			how are you?

			2
			00:00:03.000 --> 00:00:04.250
			{\\an8}Fine, café.
			""";

	private static List<TranscriptSegment> parse(String content) {
		return TranscriptParsers.parse(content, TranscriptFormat.SRT).segments();
	}

	@Test
	void readsCuesStripsTagsAndJoinsLines() {
		assertThat(parse(SAMPLE)).containsExactly(
				new TranscriptSegment(1_000, 2_500, null, "Hello there, how are you?"),
				new TranscriptSegment(3_000, 4_250, null, "Fine, café."));
	}

	@Test
	void readsCrlfWithoutIndexesAndWithoutSpacesAroundTheArrow() {
		String content = "00:00:01,000-->00:00:02,000\r\nOne\r\n\r\n\r\n00:00:02,000-->00:00:03,000\r\nTwo\r\n";
		assertThat(parse(content)).extracting(TranscriptSegment::text).containsExactly("One", "Two");
	}

	@Test
	void decodesByteOrderMarksAndWindows1252() {
		byte[] utf8 = ("\uFEFF" + SAMPLE).getBytes(StandardCharsets.UTF_8);
		byte[] utf16le = ("\uFEFF" + SAMPLE).getBytes(StandardCharsets.UTF_16LE);
		byte[] utf16be = SAMPLE.getBytes(StandardCharsets.UTF_16); // Java writes a
																	// big-endian BOM
		byte[] legacy = SAMPLE.replace("\n", "\r\n").getBytes(TextDecoder.WINDOWS_1252);
		for (byte[] bytes : List.of(utf8, utf16le, utf16be, legacy)) {
			Transcript transcript = TranscriptParsers.parse(bytes, TranscriptFormat.AUTO);
			assertThat(transcript.format()).isEqualTo(TranscriptFormat.SRT);
			assertThat(transcript.segments().get(1).text()).isEqualTo("Fine, café.");
		}
	}

	@Test
	void reportsAnInvalidTimeWithLineAndExpectation() {
		String content = "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:07,000 --> 00:00:1d,890\nbad\n";
		assertThatExceptionOfType(TranscriptParseException.class).isThrownBy(() -> parse(content))
			.withMessage("srt line 6: end time 00:00:1d,890 is not a time (expected HH:MM:SS,mmm)");
	}

	@Test
	void refusesTimesWithoutMillisecondsAndTextBeforeTheFirstCue() {
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("1\n00:00:01 --> 00:00:10\nx\n"))
			.withMessageContaining("start time 00:00:01 is not a time");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("hello\n00:00:01,000 --> 00:00:10,000\nx\n"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(1));
		assertThatExceptionOfType(TranscriptParseException.class).isThrownBy(() -> parse("whatever"))
			.withMessage(
					"srt line 1: expected a cue number or a timing line (HH:MM:SS,mmm --> HH:MM:SS,mmm) but found text 'whatever'");
	}

	@Test
	void refusesEndBeforeStart() {
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> parse("1\n00:00:05,000 --> 00:00:04,000\nx\n"))
			.withMessage("srt line 2: end time 00:00:04.000 is before start time 00:00:05.000");
	}

	@Test
	void dropsEmptyCuesAndRemovesControlCharacters() {
		String content = "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\nbe\u0007ep\tok\n";
		assertThat(parse(content)).containsExactly(new TranscriptSegment(2_000, 3_000, null, "beep ok"));
	}

	@Test
	void removesRollingCaptionRepeatsAndSpacerCues() {
		String content = """
				1
				00:00:00,000 --> 00:00:02,000
				the first line

				2
				00:00:02,000 --> 00:00:02,010
				the first line

				3
				00:00:02,010 --> 00:00:04,000
				the first line
				the second line

				4
				00:00:04,000 --> 00:00:04,010
				the second line

				5
				00:00:04,010 --> 00:00:06,000
				the second line
				the third line
				""";
		assertThat(parse(content)).extracting(TranscriptSegment::text)
			.containsExactly("the first line", "the second line", "the third line");
	}

	@Test
	void readsRepeatedNamePrefixesAsSpeakers() {
		String content = """
				1
				00:00:01,000 --> 00:00:02,000
				Alice Smith: Hello.

				2
				00:00:02,000 --> 00:00:03,000
				Bob: Hi.

				3
				00:00:03,000 --> 00:00:04,000
				Note: this is text.

				4
				00:00:04,000 --> 00:00:05,000
				Alice Smith: Bye.

				5
				00:00:05,000 --> 00:00:06,000
				Bob: Bye.

				6
				00:00:06,000 --> 00:00:07,000
				no prefix here
				""";
		List<TranscriptSegment> segments = parse(content);
		assertThat(segments).extracting(TranscriptSegment::speaker)
			.containsExactly("Alice Smith", "Bob", "Note", "Alice Smith", "Bob", null);
		assertThat(segments.get(0).text()).isEqualTo("Hello.");
	}

	@Test
	void keepsSingleNonRepeatingPrefixInText() {
		String content = "1\n00:00:01,000 --> 00:00:02,000\nNote: keep me.\n\n2\n00:00:02,000 --> 00:00:03,000\nplain\n\n3\n00:00:03,000 --> 00:00:04,000\nplain again\n";
		assertThat(parse(content).get(0)).isEqualTo(new TranscriptSegment(1_000, 2_000, null, "Note: keep me."));
	}

}
