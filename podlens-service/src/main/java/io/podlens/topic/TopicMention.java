package io.podlens.topic;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A mention of one topic, with its episode (for {@code GET /api/topics/{id}/mentions}).
 *
 * @param episodeId id of the episode
 * @param episodeTitle title of the episode
 * @param publishedAt when the episode was published, may be {@code null}
 * @param segmentIndex 0-based position of the segment in its episode
 * @param startMs start of the segment, milliseconds from the start of the episode
 * @param endMs end of the segment
 * @param surface the mention exactly as written
 * @param matchedBy how it was recognised
 * @param confidence between 0 and 1
 */
public record TopicMention(long episodeId, String episodeTitle, @Nullable OffsetDateTime publishedAt, int segmentIndex,
		long startMs, long endMs, String surface, MatchKind matchedBy, double confidence) {

}
