package io.podlens.search;

import io.podlens.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What to search for: a query string in the syntax described in docs/search.md, optional
 * filters and a page. Construction validates everything that does not need the index, so
 * an instance is always a well-formed request.
 * <p>
 * Prefer {@link #of(String)} and the {@code with…} methods over the canonical
 * constructor: filters added later (topic, sounds-like) will get their own {@code with…}
 * method and leave existing callers untouched.
 *
 * @param q the query string, required
 * @param episodeId only segments of this episode, or {@code null}
 * @param podcast only segments of this podcast (exact name), or {@code null}
 * @param fromMs only segments that end at or after this time, or {@code null}
 * @param toMs only segments that start at or before this time, or {@code null}
 * @param page 0-based page number
 * @param size hits per page, 1 to {@value #MAX_SIZE}
 * @param soundsLike whether misheard and homophone spellings also match (ranked after
 * exact hits)
 * @param topic only segments that mention this topic (id), or {@code null}; with a topic
 * the query string may be empty (in keyword mode)
 * @param language only segments of episodes in this language: a BCP 47 tag as stored
 * ({@code zh-Hant}), or its primary subtag for all of them ({@code zh}); or {@code null}
 * @param mode how segments match: by the words, by meaning, or both fused; the semantic
 * modes need a query string
 */
public record SearchQuery(@Nullable String q, @Nullable Long episodeId, @Nullable String podcast, @Nullable Long fromMs,
		@Nullable Long toMs, int page, int size, boolean soundsLike, @Nullable String topic, @Nullable String language,
		SearchMode mode) {

	private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern
		.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Deepest hit a client may page to; deeper paging costs memory for little use. */
	public static final int MAX_WINDOW = 10_000;

	public SearchQuery {
		if (topic != null && topic.isBlank()) {
			topic = null;
		}
		if (q != null && q.isBlank()) {
			q = null;
		}
		if (q == null && topic == null) {
			throw InvalidInputException.forField("q", "is required (at least one word) unless a topic is given");
		}
		if (mode == SearchMode.AUTO) {
			throw new IllegalArgumentException("resolve mode auto (SearchMode.resolve) before building the query");
		}
		if (q == null && mode != SearchMode.KEYWORD) {
			throw InvalidInputException.forField("q", "is required in " + mode.value() + " mode");
		}
		if (language != null && language.isBlank()) {
			language = null;
		}
		if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
			throw InvalidInputException.forField("language", "must be a language tag such as zh, zh-Hant or en, was '"
					+ ((language.length() > 40) ? language.substring(0, 40) + "…" : language) + "'");
		}
		if (podcast != null && podcast.isBlank()) {
			podcast = null;
		}
		requireNonNegative("fromMs", fromMs);
		requireNonNegative("toMs", toMs);
		if (fromMs != null && toMs != null && fromMs > toMs) {
			throw InvalidInputException.forField("fromMs",
					"must not be greater than toMs (" + fromMs + " > " + toMs + ")");
		}
		if (page < 0) {
			throw InvalidInputException.forField("page", "must be 0 or greater, was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInputException.forField("size", "must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		if ((long) (page + 1) * size > MAX_WINDOW) {
			throw InvalidInputException.forField("page", "page " + page + " of size " + size + " lies beyond the first "
					+ MAX_WINDOW + " hits; narrow the query instead");
		}
	}

	/** A keyword query without the language filter. */
	public SearchQuery(@Nullable String q, @Nullable Long episodeId, @Nullable String podcast, @Nullable Long fromMs,
			@Nullable Long toMs, int page, int size, boolean soundsLike, @Nullable String topic) {
		this(q, episodeId, podcast, fromMs, toMs, page, size, soundsLike, topic, null, SearchMode.KEYWORD);
	}

	/** A keyword query without the sounds-like, topic and language options. */
	public SearchQuery(@Nullable String q, @Nullable Long episodeId, @Nullable String podcast, @Nullable Long fromMs,
			@Nullable Long toMs, int page, int size) {
		this(q, episodeId, podcast, fromMs, toMs, page, size, false, null);
	}

	/** A query for the first page of {@value #DEFAULT_SIZE} hits, without filters. */
	public static SearchQuery of(String q) {
		return new SearchQuery(q, null, null, null, null, 0, DEFAULT_SIZE);
	}

	public SearchQuery withEpisode(@Nullable Long episodeId) {
		return new SearchQuery(this.q, episodeId, this.podcast, this.fromMs, this.toMs, this.page, this.size,
				this.soundsLike, this.topic, this.language, this.mode);
	}

	public SearchQuery withPodcast(@Nullable String podcast) {
		return new SearchQuery(this.q, this.episodeId, podcast, this.fromMs, this.toMs, this.page, this.size,
				this.soundsLike, this.topic, this.language, this.mode);
	}

	/** Keeps segments overlapping {@code [fromMs, toMs]}; either bound may be null. */
	public SearchQuery withTime(@Nullable Long fromMs, @Nullable Long toMs) {
		return new SearchQuery(this.q, this.episodeId, this.podcast, fromMs, toMs, this.page, this.size,
				this.soundsLike, this.topic, this.language, this.mode);
	}

	public SearchQuery withPage(int page, int size) {
		return new SearchQuery(this.q, this.episodeId, this.podcast, this.fromMs, this.toMs, page, size,
				this.soundsLike, this.topic, this.language, this.mode);
	}

	public SearchQuery withSoundsLike(boolean soundsLike) {
		return new SearchQuery(this.q, this.episodeId, this.podcast, this.fromMs, this.toMs, this.page, this.size,
				soundsLike, this.topic, this.language, this.mode);
	}

	public SearchQuery withTopic(@Nullable String topic) {
		return new SearchQuery(this.q, this.episodeId, this.podcast, this.fromMs, this.toMs, this.page, this.size,
				this.soundsLike, topic, this.language, this.mode);
	}

	public SearchQuery withLanguage(@Nullable String language) {
		return new SearchQuery(this.q, this.episodeId, this.podcast, this.fromMs, this.toMs, this.page, this.size,
				this.soundsLike, this.topic, language, this.mode);
	}

	public SearchQuery withMode(SearchMode mode) {
		return new SearchQuery(this.q, this.episodeId, this.podcast, this.fromMs, this.toMs, this.page, this.size,
				this.soundsLike, this.topic, this.language, mode);
	}

	private static void requireNonNegative(String field, @Nullable Long value) {
		if (value != null && value < 0) {
			throw InvalidInputException.forField(field, "must be 0 or greater, was " + value);
		}
	}

}
