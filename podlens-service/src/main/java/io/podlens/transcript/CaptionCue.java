package io.podlens.transcript;

import java.util.List;

/**
 * A cue of SRT or WebVTT with its text still in lines, so rolling captions can be
 * recognised line by line.
 *
 * @param line 1-based line of the timing line
 * @param startMs start
 * @param endMs end
 * @param voice speaker from a {@code <v>} span or {@code null}
 * @param lines cleaned, non-blank text lines
 */
record CaptionCue(int line, long startMs, long endMs, String voice, List<String> lines) {

	CaptionCue {
		lines = List.copyOf(lines);
	}

}
