package io.podlens.transcript;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TranscriptWritersTests {

	static final List<TranscriptSegment> SEGMENTS = List.of(
			new TranscriptSegment(0, 1_001, "Ann Lee", "Hello & <welcome>!"),
			new TranscriptSegment(1_001, 1_001, null, "A zero-length aside."),
			new TranscriptSegment(2_345, 65_432, "Bo", "今天聊 GBT-4O 和變色龍 --> 好"),
			new TranscriptSegment(3_723_999, 432_000_007, "Ann Lee", "The end, café."));

	@ParameterizedTest
	@EnumSource(value = TranscriptFormat.class, names = { "SRT", "WEBVTT", "PODCAST_JSON" })
	void exportsReadBackToTheSameSegments(TranscriptFormat format) {
		String written = TranscriptWriters.write(SEGMENTS, format);
		assertThat(TranscriptParsers.parse(written, format).segments()).isEqualTo(SEGMENTS);
		Transcript detected = TranscriptParsers.parse(written, TranscriptFormat.AUTO);
		assertThat(detected.format()).isEqualTo(format);
		assertThat(detected.segments()).isEqualTo(SEGMENTS);
	}

	@Test
	void writesTheDocumentedShapes() {
		assertThat(TranscriptWriters.write(SEGMENTS.subList(0, 1), TranscriptFormat.SRT))
			.isEqualTo("1\n00:00:00,000 --> 00:00:01,001\nAnn Lee: Hello & <welcome>!\n\n");
		assertThat(TranscriptWriters.write(SEGMENTS.subList(0, 1), TranscriptFormat.WEBVTT))
			.isEqualTo("WEBVTT\n\n00:00:00.000 --> 00:00:01.001\n<v Ann Lee>Hello &amp; &lt;welcome&gt;!\n\n");
		assertThat(TranscriptWriters.write(SEGMENTS.subList(0, 1), TranscriptFormat.PODCAST_JSON).replaceAll("\\s", ""))
			.isEqualTo(
					"{\"version\":\"1.0.0\",\"segments\":[{\"speaker\":\"AnnLee\",\"startTime\":0.0,\"endTime\":1.001,\"body\":\"Hello&<welcome>!\"}]}");
	}

	@Test
	void otherFormatsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptWriters.write(SEGMENTS, TranscriptFormat.HTML))
			.withMessageContaining("srt, webvtt and podcast-json");
	}

}
