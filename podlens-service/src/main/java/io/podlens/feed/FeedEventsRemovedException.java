package io.podlens.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.podlens.common.PodlensException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A cursor from before events the retention removed (410): continuing from it would skip
 * them silently.
 */
class FeedEventsRemovedException extends PodlensException {

	FeedEventsRemovedException(FeedStore.Trim trim, FeedProperties properties) {
		super("Events of the feed after this cursor were removed: every event up to "
				+ ((trim.removedUntil() != null) ? "the one of " + trim.removedUntil() : "a later position")
				+ " is deleted after podlens.feed.keep (" + readable(properties.keep())
				+ "). Start again without a cursor (at the oldest event kept) and reconcile what may have been missed.",
				properties(trim.removedUntil(), properties));
	}

	private static Map<String, Object> properties(@Nullable Instant removedUntil, FeedProperties properties) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("field", "cursor");
		if (removedUntil != null) {
			map.put("removedUntil", removedUntil.toString());
		}
		map.put("keep", readable(properties.keep()));
		return map;
	}

	/** As the setting is usually written: 30d, 12h, 90m; other values as ISO-8601. */
	static String readable(Duration duration) {
		if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return duration.toDays() + "d";
		}
		if (duration.equals(Duration.ofHours(duration.toHours()))) {
			return duration.toHours() + "h";
		}
		if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
			return duration.toMinutes() + "m";
		}
		return duration.toString();
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.GONE;
	}

	@Override
	public String title() {
		return "Events removed";
	}

}
