package io.podlens.transcript;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The transcript formats Podlens reads; {@link #AUTO} detects one from the content. */
public enum TranscriptFormat {

	AUTO("auto"), TIMESTAMPED_TEXT("timestamped-text"), SRT("srt"), WEBVTT("webvtt"), PODCAST_JSON("podcast-json"),
	WHISPER_JSON("whisper-json"), HTML("html");

	private final String id;

	TranscriptFormat(String id) {
		this.id = id;
	}

	/** The name used in the API, such as {@code podcast-json}. */
	public String id() {
		return this.id;
	}

	/**
	 * The format with the given API name (case-insensitive; {@code vtt} and {@code json}
	 * are accepted as synonyms of {@code webvtt} and {@code podcast-json}).
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static TranscriptFormat fromId(String id) {
		String wanted = id.trim().toLowerCase(Locale.ROOT);
		if (wanted.equals("vtt")) {
			return WEBVTT;
		}
		if (wanted.equals("json")) {
			return PODCAST_JSON;
		}
		return Arrays.stream(values())
			.filter((format) -> format.id.equals(wanted) || format.name().equalsIgnoreCase(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown transcript format '" + id + "'; expected one of "
					+ Arrays.stream(values()).map(TranscriptFormat::id).collect(Collectors.joining(", "))));
	}

}
