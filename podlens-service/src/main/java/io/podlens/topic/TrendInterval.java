package io.podlens.topic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.podlens.common.InvalidInputException;

/**
 * The width of one bucket of a trend, in UTC: a calendar day, an ISO week (Monday to
 * Sunday) or a calendar month.
 */
public enum TrendInterval {

	DAY(30), WEEK(26), MONTH(12);

	private final int defaultCount;

	TrendInterval(int defaultCount) {
		this.defaultCount = defaultCount;
	}

	/** The name in the API: {@code day}, {@code week} or {@code month}. */
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** How many intervals a trend covers when the client gives no {@code from}. */
	public int defaultCount() {
		return this.defaultCount;
	}

	/** The first day of the interval that contains {@code day}. */
	public LocalDate floor(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	/**
	 * The first day {@code count} intervals after (or, negative, before) {@code start}.
	 */
	public LocalDate plus(LocalDate start, long count) {
		return switch (this) {
			case DAY -> start.plusDays(count);
			case WEEK -> start.plusWeeks(count);
			case MONTH -> start.plusMonths(count);
		};
	}

	/**
	 * The interval named {@code value} (any case).
	 * @throws InvalidInputException naming {@code field} and the accepted values
	 */
	public static TrendInterval of(String field, String value) {
		String wanted = (value != null) ? value.strip() : "";
		for (TrendInterval interval : values()) {
			if (interval.json().equalsIgnoreCase(wanted)) {
				return interval;
			}
		}
		throw InvalidInputException.forField(field, "'" + abbreviate(wanted) + "' is not one of "
				+ Arrays.stream(values()).map(TrendInterval::json).collect(Collectors.joining(", ")));
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
