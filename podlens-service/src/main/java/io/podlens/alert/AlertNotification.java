package io.podlens.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The JSON body POSTed to a webhook: one per alert and episode, the same on every
 * attempt.
 *
 * @param type always {@code alert.matched}
 * @param deliveryId as the {@code X-Podlens-Delivery} header
 * @param matchedAt when the episode matched
 * @param alert the alert that fired
 * @param episode the episode that matched
 * @param matchCount number of matching segments, all of them
 * @param segments the first {@code podlens.alerts.max-segments} of them, in episode order
 */
public record AlertNotification(String type, String deliveryId, Instant matchedAt, AlertRef alert, EpisodeRef episode,
		int matchCount, List<Segment> segments) {

	static final String TYPE = "alert.matched";

	public AlertNotification {
		segments = List.copyOf(segments);
	}

	/** The alert: id and name. */
	public record AlertRef(long id, String name) {
	}

	/** The episode: where to read it, its title, podcast, language and dates. */
	public record EpisodeRef(long id, String title, @Nullable String podcast, String language,
			@Nullable OffsetDateTime publishedAt, String url) {
	}

	/**
	 * A matching segment.
	 *
	 * @param segmentIndex 0-based position in the episode
	 * @param startMs start in milliseconds
	 * @param endMs end in milliseconds
	 * @param speaker who speaks, when known
	 * @param snippet HTML: the text (or its best part) escaped, {@code <mark>} around
	 * what matched
	 * @param matchedBy every reason it matched
	 */
	public record Segment(int segmentIndex, long startMs, long endMs, @Nullable String speaker, String snippet,
			List<Match> matchedBy) {

		public Segment {
			matchedBy = List.copyOf(matchedBy);
		}

	}

	/**
	 * One reason a segment matched.
	 *
	 * @param by {@code topic} (a stored mention) or {@code query}
	 * @param topicId for a topic: the alert's topic
	 * @param mentionedTopicId for a topic: the topic mentioned, the alert's or one below
	 * it
	 * @param kind for a topic how the mention was recognised (exact, alias, fuzzy,
	 * phonetic); for the query how the segment matched (exact, passage, alias,
	 * sounds-like)
	 * @param text what matched, as written
	 */
	public record Match(String by, @Nullable String topicId, @Nullable String mentionedTopicId, String kind,
			List<String> text) {

		public Match {
			text = List.copyOf(text);
		}

	}

}
