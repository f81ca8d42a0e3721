package io.podlens.topic;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an episode's topics can be read yet. JSON names are lower-case. */
public enum TopicStatus {

	/**
	 * Extraction has not run since the import, or runs again after a taxonomy change (the
	 * mentions shown, if any, are those of the previous taxonomy).
	 */
	PENDING,

	/** The mentions are those of the current taxonomy; an empty list means none. */
	READY,

	/** The last extraction failed; it is retried in the background. */
	FAILED;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
