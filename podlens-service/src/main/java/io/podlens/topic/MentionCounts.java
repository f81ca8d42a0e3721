package io.podlens.topic;

import java.util.Map;

/**
 * How often each topic is mentioned across stored episodes. The topic feature answers
 * {@code GET /api/topics} with it but does not count itself: the feature that indexes
 * mentions with their segments (search) implements it, so counts cost the same however
 * popular a topic is.
 */
public interface MentionCounts {

	/** Counts of every mentioned topic; a topic without mentions is absent. */
	Map<String, Counts> all();

	/** Counts of one topic, zeros when it has no mentions. */
	Counts of(String topicId);

	/**
	 * @param episodes number of episodes that mention the topic
	 * @param mentions number of mentions
	 */
	record Counts(long episodes, long mentions) {

		public static final Counts NONE = new Counts(0, 0);

	}

}
