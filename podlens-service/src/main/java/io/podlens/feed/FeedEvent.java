package io.podlens.feed;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the event feed.
 *
 * @param cursor the position just after this event: a client that stops here passes it as
 * {@code cursor} to continue
 * @param type {@code episode.imported}, {@code episode.deleted} or {@code mentions.found}
 * @param episodeId the episode it is about
 * @param occurredAt when the transaction that wrote it committed (within milliseconds)
 * @param data what happened: the title and publication time of an imported episode, the
 * topics found with their number of mentions; empty for a deletion
 */
public record FeedEvent(@Schema(example = "ZjEuNDI") String cursor, @Schema(example = "mentions.found") String type,
		@Schema(example = "12") long episodeId, @Schema(example = "2026-05-01T08:30:00Z") Instant occurredAt,
		@Schema(example = "{\"mentions\":3,\"topics\":[{\"topicId\":\"gpt-4o\",\"mentions\":2},{\"topicId\":\"openai\",\"mentions\":1}]}") JsonNode data) {
}
