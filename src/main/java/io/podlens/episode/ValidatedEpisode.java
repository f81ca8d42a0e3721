package io.podlens.episode;

import java.util.List;

import io.podlens.transcript.TranscriptSegment;

/** An episode request that passed {@link EpisodeImports#validate}, ready to store. */
public final class ValidatedEpisode {

	private final EpisodeFields fields;

	private final List<TranscriptSegment> segments;

	ValidatedEpisode(EpisodeFields fields, List<TranscriptSegment> segments) {
		this.fields = fields;
		this.segments = List.copyOf(segments);
	}

	/** Number of segments the episode will store. */
	public int segmentCount() {
		return this.segments.size();
	}

	EpisodeFields fields() {
		return this.fields;
	}

	List<TranscriptSegment> segments() {
		return this.segments;
	}

}
