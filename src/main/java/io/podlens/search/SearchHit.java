package io.podlens.search;

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
 * @param snippet HTML: the segment text (or its best passage when long) escaped, with
 * {@code <mark>} around matches
 * @param score relevance, higher is better; only comparable within one result
 */
public record SearchHit(long episodeId, String episodeTitle, int segmentIndex, long startMs, long endMs, String speaker,
		String text, String snippet, float score) {
}
