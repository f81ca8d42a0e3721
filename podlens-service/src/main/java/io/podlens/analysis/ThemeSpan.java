package io.podlens.analysis;

/**
 * Consecutive segments that share a theme.
 *
 * @param theme theme id
 * @param startMs start of the first segment
 * @param endMs end of the last segment
 * @param fromSegment index of the first segment
 * @param toSegment index of the last segment (inclusive)
 */
public record ThemeSpan(String theme, long startMs, long endMs, int fromSegment, int toSegment) {
}
