package io.podlens.transcript;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FormatDetectionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "(00:00~00:05) hi|TIMESTAMPED_TEXT", "[00:00:01] hi|TIMESTAMPED_TEXT",
					"[01:02] hi|TIMESTAMPED_TEXT", "00:00:01 hi|TIMESTAMPED_TEXT",
					"1\\n00:00:01,000 --> 00:00:02,000\\nhi|SRT", "WEBVTT\\n\\n00:01.000 --> 00:02.000\\nhi|WEBVTT",
					"{\"segments\":[{\"startTime\":1,\"endTime\":2,\"body\":\"hi\"}]}|PODCAST_JSON",
					"[{\"start\":1,\"end\":2,\"text\":\"hi\"}]|WHISPER_JSON", "<time>0:01</time><p>hi</p>|HTML" })
	void detectsFromContent(String content, TranscriptFormat expected) {
		String text = content.replace("\\n", "\n");
		assertThat(FormatDetector.detect(text)).isEqualTo(expected);
		assertThat(TranscriptParsers.parse(text, TranscriptFormat.AUTO).segments().get(0).text()).isEqualTo("hi");
	}

	@Test
	void unknownContentNamesTheAcceptedFormats() {
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse("this is not a valid vtt file", TranscriptFormat.AUTO))
			.withMessageContaining("accepted: timestamped-text")
			.withMessageContaining("srt, webvtt, podcast-json, whisper-json or html");
	}

	@Test
	void emptyContentIsRefused() {
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse(new byte[0], TranscriptFormat.AUTO))
			.withMessage("auto: the content is empty");
		assertThatExceptionOfType(TranscriptParseException.class)
			.isThrownBy(() -> TranscriptParsers.parse(" \n ", TranscriptFormat.SRT))
			.withMessage("srt: the content is empty");
	}

}
