package io.podlens.episode;

import java.util.List;

/**
 * Published after an episode and its segments were stored; listeners act once the
 * transaction has committed.
 *
 * @param episodeId id of the new episode
 * @param segments its segments in order
 */
public record EpisodeStored(long episodeId, List<StoredSegment> segments) {

	public EpisodeStored {
		segments = List.copyOf(segments);
	}

}
