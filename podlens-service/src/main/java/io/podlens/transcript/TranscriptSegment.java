package io.podlens.transcript;

import org.jspecify.annotations.Nullable;

/**
 * One timed piece of a transcript, as parsed.
 *
 * @param startMs start in milliseconds from the start of the episode, never negative
 * @param endMs end in milliseconds, never before {@code startMs}
 * @param speaker speaker name or {@code null}
 * @param text the spoken text with markup removed, never blank
 */
public record TranscriptSegment(long startMs, long endMs, @Nullable String speaker, String text) {

	public TranscriptSegment {
		if (startMs < 0) {
			throw new IllegalArgumentException("startMs must not be negative: " + startMs);
		}
		if (endMs < startMs) {
			throw new IllegalArgumentException("endMs " + endMs + " is before startMs " + startMs);
		}
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("text must not be blank");
		}
		if (speaker != null && speaker.isBlank()) {
			speaker = null;
		}
	}

}
