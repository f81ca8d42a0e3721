package io.podlens.transcript;

import java.util.regex.Pattern;

/** Recognises the transcript format from the content. */
final class FormatDetector {

	static final String ACCEPTED = "timestamped-text ('(MM:SS~MM:SS) text' or '[HH:MM:SS] text' lines), "
			+ "srt, webvtt, podcast-json, whisper-json or html (Podcasting 2.0 <cite>/<time>/<p>)";

	private static final Pattern TIMING_LINE = Pattern.compile("(?m)^\\s*\\d[\\d:.,]*\\s*-->\\s*\\d");

	private static final Pattern JSON_ARRAY = Pattern.compile("\\[\\s*[{\\]]");

	private static final Pattern HTML = Pattern.compile("(?i)<(?:html|body|cite|time|p)[\\s>]");

	private static final Pattern PODCAST_KEYS = Pattern.compile("\"(?:startTime|endTime|body)\"\\s*:");

	private static final Pattern WHISPER_KEYS = Pattern.compile("\"(?:start|end|text|chunks|timestamp)\"\\s*:");

	private FormatDetector() {
	}

	/** The format of the content, or a parse exception naming the accepted formats. */
	static TranscriptFormat detect(String content) {
		String head = content.substring(0, Math.min(content.length(), 64 * 1024));
		String trimmed = head.stripLeading();
		if (trimmed.startsWith("{") || JSON_ARRAY.matcher(trimmed).lookingAt()) {
			if (PODCAST_KEYS.matcher(head).find()) {
				return TranscriptFormat.PODCAST_JSON;
			}
			if (WHISPER_KEYS.matcher(head).find()) {
				return TranscriptFormat.WHISPER_JSON;
			}
			return TranscriptFormat.PODCAST_JSON;
		}
		if (trimmed.regionMatches(true, 0, "WEBVTT", 0, 6)) {
			return TranscriptFormat.WEBVTT;
		}
		if (TIMING_LINE.matcher(head).find()) {
			return TranscriptFormat.SRT;
		}
		if (HTML.matcher(head).find()) {
			return TranscriptFormat.HTML;
		}
		if (TimestampedTextParser.looksLikeIt(Lines.of(head))) {
			return TranscriptFormat.TIMESTAMPED_TEXT;
		}
		throw new TranscriptParseException(TranscriptFormat.AUTO, 0, content.isBlank() ? "the content is empty"
				: "could not recognise the transcript format; accepted: " + ACCEPTED);
	}

	static boolean isJson(TranscriptFormat format) {
		return format == TranscriptFormat.PODCAST_JSON || format == TranscriptFormat.WHISPER_JSON;
	}

}
