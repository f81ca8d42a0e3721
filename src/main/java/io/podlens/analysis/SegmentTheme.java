package io.podlens.analysis;

/**
 * The dominant theme of one segment.
 *
 * @param segmentIndex 0-based position of the segment in the episode
 * @param startMs segment start
 * @param endMs segment end
 * @param theme theme id, {@code null} when no theme is clear
 * @param confidence 0..1, the chosen theme's share of the smoothed cue evidence
 */
public record SegmentTheme(int segmentIndex, long startMs, long endMs, String theme, double confidence) {
}
