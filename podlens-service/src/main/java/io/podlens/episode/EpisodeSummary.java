package io.podlens.episode;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The facts of an episode that other features show beside their own data.
 *
 * @param id id of the episode
 * @param title title of the episode
 * @param publishedAt when the episode was published, may be {@code null}
 * @param createdAt when it was imported
 */
public record EpisodeSummary(long id, String title, OffsetDateTime publishedAt, Instant createdAt) {
}
