package io.podlens.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.podlens.common.InvalidInputException;

/**
 * How a search matches: by the words of the query ({@code keyword}), by meaning
 * ({@code semantic}: the segments whose embedding is nearest to the query's), or both,
 * fused by reciprocal rank ({@code hybrid}).
 */
public enum SearchMode {

	KEYWORD, SEMANTIC, HYBRID;

	/** The lower-case name used in requests and settings. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException naming field {@code mode} when the value is none of
	 * the modes
	 */
	public static SearchMode parse(String value) {
		for (SearchMode mode : values()) {
			if (mode.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return mode;
			}
		}
		throw InvalidInputException.forField("mode",
				"must be one of " + Arrays.stream(values()).map(SearchMode::value).collect(Collectors.joining(", "))
						+ "; was '" + ((value.length() > 40) ? value.substring(0, 40) + "…" : value) + "'");
	}

}
