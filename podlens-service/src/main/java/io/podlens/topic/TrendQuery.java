package io.podlens.topic;

import java.time.Instant;

import io.podlens.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/trends} compares. A topic <em>rose</em> when, in the last full
 * interval before {@code to} (the current interval, which has not ended, never counts),
 * it has at least {@code minMentions} mentions in at least {@code minEpisodes} episodes
 * and more mentions than its mean over the {@code baseline} intervals before. Risers are
 * ranked by {@code (mentions + 1) / (baseline mean + 1)}: the added one keeps a topic new
 * in this interval finite and keeps a jump from 0 to 3 below one from 10 to 60; ties by
 * more mentions, then by id.
 *
 * @param interval width of the intervals
 * @param baseline number of intervals before the compared one that form the baseline
 * @param minMentions mentions a topic needs in the compared interval
 * @param minEpisodes episodes with a mention a topic needs in the compared interval
 * @param limit most topics answered
 * @param includeChildren whether a topic counts the mentions of the topics below it (so a
 * parent rises with its children)
 * @param to the compared interval is the last that ends at or before this instant; now
 * when null
 */
public record TrendQuery(TrendInterval interval, int baseline, int minMentions, int minEpisodes, int limit,
		boolean includeChildren, @Nullable Instant to) {

	public static final int MAX_BASELINE = 12;

	public static final int MAX_LIMIT = 100;

	public TrendQuery {
		range("baseline", baseline, 1, MAX_BASELINE);
		range("minMentions", minMentions, 1, 1_000_000);
		range("minEpisodes", minEpisodes, 1, 1_000_000);
		range("limit", limit, 1, MAX_LIMIT);
	}

	/** The defaults: 4 intervals of baseline, 3 mentions, 1 episode, 10 topics, now. */
	public static TrendQuery of(TrendInterval interval) {
		return new TrendQuery(interval, 4, 3, 1, 10, false, null);
	}

	private static void range(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw InvalidInputException.forField(field, "must be between " + min + " and " + max + ", was " + value);
		}
	}

}
