package io.podlens.episode;

import java.util.Arrays;
import java.util.List;

/**
 * Published once per transaction that stored episodes (one import, or one batch of a bulk
 * import). It carries ids only: the event publication registry stores every event in the
 * publishing transaction, so it must stay small; listeners read the segments back through
 * {@link SegmentSource#segmentsOf(java.util.Collection)}.
 *
 * @param episodeIds ids of the new episodes, in the order they were stored
 */
public record EpisodesStored(List<Long> episodeIds) {

	public EpisodesStored {
		episodeIds = List.copyOf(episodeIds);
	}

	public static EpisodesStored of(long... episodeIds) {
		return new EpisodesStored(Arrays.stream(episodeIds).boxed().toList());
	}

}
