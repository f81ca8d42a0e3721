package io.podlens.topic;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a mention was recognised; JSON names are lower-case. */
public enum MatchKind {

	/** The topic's display name, folded for case, width and script. */
	EXACT,
	/** One of the topic's aliases, folded the same way. */
	ALIAS,
	/** A misspelling within a length-aware edit distance of a name or alias. */
	FUZZY,
	/** Sounds like a name or alias: Latin sound key or Chinese pinyin. */
	PHONETIC;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind named {@code value}, in any case. */
	@JsonCreator
	public static MatchKind of(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
