package io.podlens.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.podlens.common.InvalidInputException;

/**
 * How a search matches: by the words of the query ({@code keyword}), by meaning
 * ({@code semantic}: the segments whose embedding is nearest to the query's), or both,
 * fused by reciprocal rank ({@code hybrid}); {@code auto} picks one of them per query
 * ({@link #resolve}).
 */
public enum SearchMode {

	KEYWORD, SEMANTIC, HYBRID, AUTO;

	/**
	 * The mode a search runs in: {@code auto} is hybrid for words or a question (no query
	 * syntax, no sounds-like) when embeddings are on, and keyword otherwise, because
	 * syntax asks for boolean matches and sounds-like for spellings, which meaning does
	 * not give; every other mode is itself.
	 * @param q the query as typed, if any
	 * @param soundsLike whether misheard spellings are asked for
	 * @param embeddings whether the service has an embedding model
	 */
	public SearchMode resolve(@Nullable String q, boolean soundsLike, boolean embeddings) {
		if (this != AUTO) {
			return this;
		}
		boolean words = q != null && !q.isBlank() && PlainQuery.isPlain(q);
		return (embeddings && words && !soundsLike) ? HYBRID : KEYWORD;
	}

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
