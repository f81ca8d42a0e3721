package io.podlens.episode;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Published once per transaction that stored episodes (one import, or one batch of a bulk
 * import). It carries ids only: the event publication registry stores every event in the
 * publishing transaction, so it must stay small; listeners read the segments back through
 * {@link SegmentSource#segmentsOf(java.util.Collection)}.
 *
 * @param episodeIds ids of the new episodes, in the order they were stored
 * @param bulk stored by a batch of a bulk import, which makes all its batches durable and
 * searchable together through {@link BulkIndexing#flush()} before its job reports done:
 * the index need not commit and reopen for each batch
 */
public record EpisodesStored(List<Long> episodeIds, boolean bulk) {

	public EpisodesStored {
		episodeIds = List.copyOf(episodeIds);
	}

	/**
	 * Reads a stored publication: one written before {@code bulk} existed lacks it and
	 * stands for a single import.
	 */
	@JsonCreator
	static EpisodesStored read(@JsonProperty("episodeIds") List<Long> episodeIds,
			@JsonProperty("bulk") @Nullable Boolean bulk) {
		return new EpisodesStored(episodeIds, Boolean.TRUE.equals(bulk));
	}

	/** Episodes stored by one request, searchable when it answers. */
	public EpisodesStored(List<Long> episodeIds) {
		this(episodeIds, false);
	}

	public static EpisodesStored of(long... episodeIds) {
		return new EpisodesStored(Arrays.stream(episodeIds).boxed().toList());
	}

}
