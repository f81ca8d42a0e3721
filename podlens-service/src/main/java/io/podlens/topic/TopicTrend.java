package io.podlens.topic;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How often a topic was mentioned per interval (for {@code GET /api/topics/{id}/trend}).
 * An episode counts in the interval of its publication date; an episode without one in
 * the interval of its import time, and {@code episodesByImportTime} says how many did.
 *
 * @param topicId the topic
 * @param name its display name
 * @param interval {@code day}, {@code week} or {@code month} (UTC; weeks start on Monday)
 * @param from start of the first interval (inclusive)
 * @param to end of the last interval (exclusive)
 * @param includeChildren whether the mentions of the topics below it count too
 * @param topicCount number of topics counted: the topic itself, and those below it when
 * {@code includeChildren}
 * @param mentions mentions over the whole range
 * @param episodes episodes with a mention over the whole range, each once
 * @param episodesByImportTime of those, the episodes without a publication date, placed
 * by their import time
 * @param series one point per interval, in time order, intervals without mentions
 * included
 */
public record TopicTrend(@Schema(example = "openai") String topicId, @Schema(example = "OpenAI") String name,
		@Schema(example = "week") String interval, Instant from, Instant to, boolean includeChildren,
		@Schema(example = "41") int topicCount, @Schema(example = "57") long mentions,
		@Schema(example = "9") long episodes, @Schema(example = "1") long episodesByImportTime, List<Point> series) {

	public TopicTrend {
		series = List.copyOf(series);
	}

	/**
	 * One interval.
	 *
	 * @param start first instant of the interval
	 * @param end first instant after it
	 * @param mentions mentions in episodes of this interval
	 * @param episodes episodes of this interval with a mention
	 * @param episodesByImportTime of those, the episodes placed by import time
	 */
	public record Point(Instant start, Instant end, @Schema(example = "12") long mentions,
			@Schema(example = "3") long episodes, @Schema(example = "0") long episodesByImportTime) {
	}

}
