package io.podlens.episode;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An episode as the API shows it. */
@Schema(name = "Episode", description = "A stored episode")
public record EpisodeView(@Schema(example = "1") long id,
		@Schema(example = "Ep. 41: Meta's forgotten multimodal model") String title,
		@Schema(example = "科技浪", nullable = true) @Nullable String podcast,
		@Schema(example = "ep41", nullable = true) @Nullable String externalId,
		@Schema(example = "zh-Hant", description = "BCP 47 tag, detected when not given") String language,
		@Schema(example = "2024-06-01T08:00:00Z", nullable = true) @Nullable OffsetDateTime publishedAt,
		@Schema(example = "61") int segmentCount, @Schema(example = "3647000") long durationMs,
		@Schema(example = "2026-11-28T20:00:00Z") Instant createdAt) {

	static EpisodeView of(Episode episode) {
		return new EpisodeView(episode.getId(), episode.getTitle(), episode.getPodcast(), episode.getExternalId(),
				episode.getLanguage(), episode.getPublishedAt(), episode.getSegmentCount(), episode.getDurationMs(),
				episode.getCreatedAt());
	}

}
