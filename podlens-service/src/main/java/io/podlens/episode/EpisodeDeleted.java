package io.podlens.episode;

/**
 * Published when an episode and its segments were deleted.
 *
 * @param episodeId id of the deleted episode
 */
public record EpisodeDeleted(long episodeId) {
}
