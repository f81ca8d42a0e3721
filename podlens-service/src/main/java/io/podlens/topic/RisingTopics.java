package io.podlens.topic;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The topics that rose most in the last full interval against the intervals before it
 * (for {@code GET /api/trends}); see {@link TrendQuery} for the rule.
 *
 * @param interval {@code day}, {@code week} or {@code month} (UTC; weeks start on Monday)
 * @param currentFrom start of the interval compared
 * @param currentTo its end (exclusive)
 * @param baselineFrom start of the intervals it is compared against (they end at
 * {@code currentFrom})
 * @param baselineIntervals how many intervals the baseline has
 * @param minMentions mentions a topic needs in the interval compared
 * @param minEpisodes episodes with a mention a topic needs in the interval compared
 * @param includeChildren whether a topic counts the mentions of the topics below it
 * @param episodesByImportTime episodes of the whole window without a publication date,
 * placed by their import time
 * @param topics the risers, most first
 */
public record RisingTopics(@Schema(example = "week") String interval, Instant currentFrom, Instant currentTo,
		Instant baselineFrom, @Schema(example = "4") int baselineIntervals, @Schema(example = "3") int minMentions,
		@Schema(example = "1") int minEpisodes, boolean includeChildren,
		@Schema(example = "0") long episodesByImportTime, List<RisingTopic> topics) {

	public RisingTopics {
		topics = List.copyOf(topics);
	}

	/**
	 * A topic that rose.
	 *
	 * @param id topic id
	 * @param name display name
	 * @param category what kind of thing it is
	 * @param mentions mentions in the interval compared
	 * @param episodes episodes with a mention in the interval compared
	 * @param baselineMentions mean mentions per baseline interval
	 * @param baselineEpisodes mean episodes with a mention per baseline interval
	 * @param change {@code mentions - baselineMentions}
	 * @param ratio {@code (mentions + 1) / (baselineMentions + 1)}, what the list is
	 * ranked by
	 */
	public record RisingTopic(@Schema(example = "deepseek-r1") String id, @Schema(example = "DeepSeek-R1") String name,
			TopicCategory category, @Schema(example = "14") long mentions, @Schema(example = "4") long episodes,
			@Schema(example = "0.5") double baselineMentions, @Schema(example = "0.25") double baselineEpisodes,
			@Schema(example = "13.5") double change, @Schema(example = "10.0") double ratio) {
	}

}
