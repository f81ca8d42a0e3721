package io.podlens.topic;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/episodes/{id}/topics}: the episode's topics and whether
 * they are ready, so that an empty list always means "none".
 *
 * @param episodeId the episode
 * @param status {@code pending} (extraction queued or under way, also again after a
 * taxonomy change), {@code ready} or {@code failed}
 * @param analysedAt when the listed mentions were extracted; {@code null} before the
 * first extraction
 * @param detail what a pending or failed status means for this episode, for people;
 * {@code null} when ready
 * @param topics the topics with their mentions, most mentioned first: while pending again
 * after a taxonomy change those of the previous taxonomy, else those of the last
 * extraction ({@code []} while the first is pending)
 * @param newNames names in no taxonomy that the same extraction found the episode
 * introducing (people named in full, then by the first name), unreviewed candidates, most
 * said first
 */
public record EpisodeTopics(long episodeId, TopicStatus status, @Nullable Instant analysedAt, @Nullable String detail,
		List<EpisodeTopic> topics, List<EpisodeNewName> newNames) {

	static final String QUEUED = "Topic extraction is queued or under way; ask again in a few seconds.";

	static final String REANALYSING = "The taxonomy changed: the episode is being analysed again; "
			+ "until then the topics are those of the previous taxonomy.";

	static final String FAILED = "The last topic extraction failed; POST /api/episodes/{id}/analysis runs it again "
			+ "(a failed first extraction is also retried in the background).";

	public EpisodeTopics {
		topics = List.copyOf(topics);
		newNames = List.copyOf(newNames);
	}

	static EpisodeTopics of(long episodeId, TopicState state, List<EpisodeTopic> topics) {
		return of(episodeId, state, topics, List.of());
	}

	static EpisodeTopics of(long episodeId, TopicState state, List<EpisodeTopic> topics,
			List<EpisodeNewName> newNames) {
		String detail = switch (state.status()) {
			case READY -> null;
			case FAILED -> FAILED.replace("{id}", Long.toString(episodeId));
			case PENDING -> state.reanalysing() ? REANALYSING : QUEUED;
		};
		return new EpisodeTopics(episodeId, state.status(), state.analysedAt(), detail, topics, newNames);
	}

}
