package io.podlens.transcript;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonParserTests {

	@Test
	void readsPodcastJsonWithNumbersAndNumericStrings() {
		String content = """
				{"version": "1.0.0", "segments": [
				  {"speaker": "Ann", "startTime": 0.5, "endTime": "2.25", "body": "Hello and welcome to the show."},
				  {"startTime": 3, "endTime": 5.0, "body": "  "},
				  {"speaker": "Bo", "startTime": 6.0005, "endTime": 9.9994, "body": "Thanks\\u0000 for having me."}
				]}
				""";
		Transcript transcript = TranscriptParsers.parse(content, TranscriptFormat.AUTO);
		assertThat(transcript.format()).isEqualTo(TranscriptFormat.PODCAST_JSON);
		assertThat(transcript.segments()).containsExactly(
				new TranscriptSegment(500, 2_250, "Ann", "Hello and welcome to the show."),
				new TranscriptSegment(6_001, 9_999, "Bo", "Thanks for having me."));
	}

	@Test
	void readsWhisperJson() {
		String content = """
				{"text": "all", "segments": [
				  {"start": "1", "end": "12", "speaker": "SPEAKER 1", "text": " Hi  there."},
				  {"start": 12.5, "end": 14, "text": " Bye."}
				]}
				""";
		Transcript transcript = TranscriptParsers.parse(content, TranscriptFormat.AUTO);
		assertThat(transcript.format()).isEqualTo(TranscriptFormat.WHISPER_JSON);
		assertThat(transcript.segments()).containsExactly(
				new TranscriptSegment(1_000, 12_000, "SPEAKER 1", "Hi there."),
				new TranscriptSegment(12_500, 14_000, null, "Bye."));
	}

	@Test
	void reportsProblemsWithTheSegmentLine() {
		String content = "{\"segments\": [\n{\"startTime\": 1, \"endTime\": 2, \"body\": \"a\"},\n{\"startTime\": -1, \"endTime\": 2, \"body\": \"b\"}]}";
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse(content, TranscriptFormat.PODCAST_JSON))
			.withMessage("podcast-json line 3: segment 2: startTime -1 is negative");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse("{\"segments\": [{\"startTime\": 1, \"body\": \"a\"}]}",
					TranscriptFormat.PODCAST_JSON))
			.withMessageContaining("segment 1 has no endTime");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse("{\"segments\": [{\"start\": 3, \"end\": 1, \"text\": \"a\"}]}",
					TranscriptFormat.WHISPER_JSON))
			.withMessageContaining("end time 00:00:01.000 is before start time 00:00:03.000");
	}

	@Test
	void refusesBrokenJsonAndMissingSegments() {
		assertThatExceptionOfType(TranscriptParseException.class).isThrownBy(
				() -> TranscriptParsers.parse("{\"segments\": [\n{\"startTime\": 1,,}", TranscriptFormat.PODCAST_JSON))
			.withMessageStartingWith("podcast-json line 2: invalid JSON");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse("{\"version\": \"1.0.0\"}", TranscriptFormat.PODCAST_JSON))
			.withMessageContaining("no \"segments\" array");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse("{\"segments\": []}", TranscriptFormat.PODCAST_JSON))
			.withMessageContaining("no segment with text");
	}

	@Test
	void deepNestingIsRefusedWithoutStackOverflow() {
		String deep = "{\"segments\": [{\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse(deep, TranscriptFormat.AUTO))
			.withMessageContaining("invalid JSON")
			.withMessageContaining("nesting");
	}

	@Test
	void invalidUtf8InJsonIsAnError() {
		byte[] start = "{\"segments\": [\n{\"startTime\": 1, \"endTime\": 2, \"body\": \"caf"
			.getBytes(StandardCharsets.UTF_8);
		byte[] end = "\"}]}".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[start.length + 1 + end.length];
		System.arraycopy(start, 0, bytes, 0, start.length);
		bytes[start.length] = (byte) 0xE9;
		System.arraycopy(end, 0, bytes, start.length + 1, end.length);
		for (TranscriptFormat format : List.of(TranscriptFormat.AUTO, TranscriptFormat.PODCAST_JSON)) {
			assertThatExceptionOfType(TranscriptParseException.class)
				.isThrownBy(() -> TranscriptParsers.parse(bytes, format))
				.withMessage("podcast-json line 2: content is not valid UTF-8 (byte 0xE9 at offset %d)", start.length);
		}
	}

	@Test
	void largeInputParses() {
		StringBuilder json = new StringBuilder("{\"segments\":[");
		for (int i = 0; i < 50_000; i++) {
			json.append(i > 0 ? "," : "")
				.append("{\"startTime\":")
				.append(i * 2)
				.append(",\"endTime\":")
				.append(i * 2 + 1.5)
				.append(",\"body\":\"sentence number ")
				.append(i)
				.append(" is here.\"}");
		}
		assertThat(TranscriptParsers.parse(json.append("]}").toString(), TranscriptFormat.AUTO).segments())
			.hasSize(50_000);
	}

}
