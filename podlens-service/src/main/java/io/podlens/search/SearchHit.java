package io.podlens.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A segment that matched a query.
 *
 * @param episodeId id of the episode
 * @param episodeTitle title of the episode
 * @param segmentIndex 0-based position of the segment in the episode
 * @param startMs start time in milliseconds
 * @param endMs end time in milliseconds
 * @param speaker speaker name, may be {@code null}
 * @param text the segment text, unescaped
 * @param snippet HTML: the segment text (or its best part when long) escaped, with
 * {@code <mark>} around matches; for a {@code passage} hit the segment text followed by
 * its context, where the matches are
 * @param score relevance, higher is better; only comparable within one tier of
 * {@code matchedBy}
 * @param matchedBy how the segment matched: {@code exact} (the words as queried, folded
 * for script, case and width), {@code passage} (the same, but only in the segments that
 * follow within the context window: the passage starting here says it), {@code alias}
 * (another name of a topic the query names) or {@code sounds-like} (a misheard or
 * homophone spelling)
 * @param matchedTerms the text that matched, as written
 */
public record SearchHit(long episodeId, String episodeTitle, int segmentIndex, long startMs, long endMs,
		@Nullable String speaker, String text, String snippet, float score, String matchedBy,
		List<String> matchedTerms) {

	public static final String EXACT = "exact";

	public static final String PASSAGE = "passage";

	public static final String ALIAS = "alias";

	public static final String SOUNDS_LIKE = "sounds-like";

	public SearchHit {
		matchedTerms = List.copyOf(matchedTerms);
	}

}
