package io.podlens.analysis;

import java.util.List;

/**
 * Themes of an episode, per segment and as spans.
 *
 * @param segments one entry per segment, in order
 * @param spans runs of segments with the same theme, in order; segments without a theme
 * belong to no span
 */
public record EpisodeThemes(List<SegmentTheme> segments, List<ThemeSpan> spans) {

	public EpisodeThemes {
		segments = List.copyOf(segments);
		spans = List.copyOf(spans);
	}

}
