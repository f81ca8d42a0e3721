package io.podlens.topic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.podlens.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Mentions over time: the trend of one topic and the topics that rose most. Counted in
 * the database per episode, an episode placed by its publication date or, without one, by
 * its import time.
 */
public interface TopicTrends {

	/** Earliest time parameter accepted. */
	Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** Latest time parameter accepted. */
	Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

	/** Most intervals one trend may have. */
	int MAX_INTERVALS = 366;

	/**
	 * The trend of a topic from the interval containing {@code from} to the one
	 * containing the instant before {@code to}. Without {@code to} it ends with the
	 * current interval; without {@code from} it covers
	 * {@link TrendInterval#defaultCount()} intervals.
	 * @throws io.podlens.common.NotFoundException when there is no such topic
	 * @throws InvalidInputException when {@code from} is not before {@code to} or the
	 * range has more than {@value #MAX_INTERVALS} intervals
	 */
	TopicTrend trend(String topicId, TrendInterval interval, @Nullable Instant from, @Nullable Instant to,
			boolean includeChildren);

	/** The topics that rose most (see {@link TrendQuery}). */
	RisingTopics rising(TrendQuery query);

	/**
	 * A time parameter: a date ({@code 2025-03-01}, its start in UTC) or an instant with
	 * an offset ({@code 2025-03-01T12:00:00Z}, {@code 2025-03-01T20:00:00+08:00}); null
	 * for null or blank.
	 * @throws InvalidInputException naming {@code field} for anything else
	 */
	static @Nullable Instant time(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		Instant instant;
		try {
			instant = (value.length() <= 10) ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.forField(field,
					"'" + ((value.length() > 40) ? value.substring(0, 40) + "…" : value)
							+ "' is neither a date (2025-03-01) nor an instant with offset (2025-03-01T12:00:00Z)");
		}
		// interval arithmetic near the ends of the calendar would overflow
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			throw InvalidInputException.forField(field, "must lie between the years 1 and 9999, was '"
					+ ((value.length() > 40) ? value.substring(0, 40) + "…" : value) + "'");
		}
		return instant;
	}

}
