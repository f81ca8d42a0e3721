package io.podlens.analysis;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A sponsor read found in an episode.
 *
 * @param startMs estimated start of the read, inside a segment when a cue marks it
 * @param endMs estimated end of the read
 * @param sponsor sponsor name as said, {@code null} when no cue names it
 * @param confidence 0..1 (3 decimals); higher when both a start and an end cue were found
 * @param evidence the cue phrases found, in order
 */
public record SponsorRead(long startMs, long endMs, @Nullable String sponsor, double confidence,
		List<String> evidence) {

	public SponsorRead {
		evidence = List.copyOf(evidence);
		confidence = Rounding.confidence(confidence);
	}

}
