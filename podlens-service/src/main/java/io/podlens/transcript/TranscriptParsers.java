package io.podlens.transcript;

import java.util.List;

/**
 * Reads transcripts in any {@link TranscriptFormat}. Segments come back validated,
 * cleaned, in time order, with word-level cues grouped into readable segments.
 */
public final class TranscriptParsers {

	private TranscriptParsers() {
	}

	/**
	 * Reads bytes: a byte order mark picks the encoding, else UTF-8, else (not for JSON)
	 * windows-1252.
	 * @param format the format, or {@link TranscriptFormat#AUTO} to detect it
	 * @throws TranscriptParseException when the content is not a transcript of the format
	 */
	public static Transcript parse(byte[] content, TranscriptFormat format) {
		if (content.length == 0) {
			throw new TranscriptParseException(format, 0, "the content is empty");
		}
		TextDecoder.Decoded decoded = TextDecoder.decode(content, format);
		TranscriptFormat actual = (format == TranscriptFormat.AUTO) ? FormatDetector.detect(decoded.text()) : format;
		if (decoded.legacy() && FormatDetector.isJson(actual)) {
			throw TextDecoder.notUtf8(content, actual);
		}
		return read(decoded.text(), actual);
	}

	/**
	 * Reads text.
	 * @param format the format, or {@link TranscriptFormat#AUTO} to detect it
	 * @throws TranscriptParseException when the content is not a transcript of the format
	 */
	public static Transcript parse(String content, TranscriptFormat format) {
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		if (text.isBlank()) {
			throw new TranscriptParseException(format, 0, "the content is empty");
		}
		TranscriptFormat actual = (format == TranscriptFormat.AUTO) ? FormatDetector.detect(text) : format;
		return read(text, actual);
	}

	private static Transcript read(String text, TranscriptFormat format) {
		if (text.isBlank()) {
			throw new TranscriptParseException(format, 0, "the content is empty");
		}
		List<RawCue> cues = switch (format) {
			case TIMESTAMPED_TEXT -> TimestampedTextParser.parse(text);
			case SRT -> SrtParser.parse(text);
			case WEBVTT -> WebVttParser.parse(text);
			case PODCAST_JSON -> PodcastJsonParser.parse(text);
			case WHISPER_JSON -> WhisperJsonParser.parse(text);
			case HTML -> HtmlTranscriptParser.parse(text);
			case AUTO -> throw new IllegalStateException("format must be detected before reading");
		};
		List<TranscriptSegment> segments = Cues.normalise(format, cues);
		if (SegmentGrouper.looksWordLevel(segments)) {
			segments = SegmentGrouper.group(segments);
		}
		return new Transcript(format, segments);
	}

}
