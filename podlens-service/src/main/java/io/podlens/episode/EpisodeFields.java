package io.podlens.episode;

import java.time.OffsetDateTime;

import io.podlens.common.InvalidInputException;

/**
 * The descriptive facts of an episode to store, already validated.
 *
 * @param language BCP 47 tag or {@code null} to detect it from the text
 */
record EpisodeFields(String title, String podcast, String externalId, String language, OffsetDateTime publishedAt) {

	static final String LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

	EpisodeFields {
		title = CleanText.clean(title).strip();
		if (title.isEmpty()) {
			throw InvalidInputException.forField("title", "has no text once control characters are removed");
		}
		podcast = blankToNull(podcast);
		externalId = blankToNull(externalId);
		language = blankToNull(language);
	}

	private static String blankToNull(String value) {
		String cleaned = CleanText.clean(value);
		return (cleaned == null || cleaned.isBlank()) ? null : cleaned.strip();
	}

}
