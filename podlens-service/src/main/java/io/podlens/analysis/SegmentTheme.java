package io.podlens.analysis;

import org.jspecify.annotations.Nullable;

/**
 * The dominant theme of one segment.
 *
 * @param segmentIndex 0-based position of the segment in the episode
 * @param startMs segment start
 * @param endMs segment end
 * @param theme theme id, {@code null} when no theme is clear
 * @param confidence 0..1 (3 decimals), the chosen theme's share of the segment's cue
 * evidence (the "no theme" constant included); 0 when {@code theme} is {@code null}
 */
public record SegmentTheme(int segmentIndex, long startMs, long endMs, @Nullable String theme, double confidence) {

	public SegmentTheme {
		confidence = Rounding.confidence(confidence);
	}

}
