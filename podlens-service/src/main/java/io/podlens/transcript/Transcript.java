package io.podlens.transcript;

import java.util.List;

/**
 * A parsed transcript.
 *
 * @param format the format that was read (never {@link TranscriptFormat#AUTO})
 * @param segments the segments in time order
 */
public record Transcript(TranscriptFormat format, List<TranscriptSegment> segments) {

	public Transcript {
		segments = List.copyOf(segments);
	}

}
