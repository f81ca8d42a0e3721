package io.podlens.episode;

import java.util.List;

import io.podlens.transcript.TranscriptSegment;
import org.jspecify.annotations.Nullable;

/** An episode request that passed {@link EpisodeImports#validate}, ready to store. */
public final class ValidatedEpisode {

	private final EpisodeFields fields;

	private final List<TranscriptSegment> segments;

	ValidatedEpisode(EpisodeFields fields, List<TranscriptSegment> segments) {
		this.fields = fields;
		this.segments = List.copyOf(segments);
	}

	/**
	 * What makes the episode unique besides its id: its podcast (as matched, ignoring
	 * case and spacing) and externalId; {@code null} without an externalId.
	 */
	public @Nullable String uniqueKey() {
		return (this.fields.externalId() != null)
				? Episode.podcastKey(this.fields.podcast()) + "\u0000" + this.fields.externalId() : null;
	}

	/** The externalId, or {@code null}. */
	public @Nullable String externalId() {
		return this.fields.externalId();
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
