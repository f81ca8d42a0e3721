package io.podlens.topic;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

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
	 * Counts of each topic together with the topics below it, in one pass: a mention of
	 * topic {@code t} counts for every id in {@code countsFor.apply(t)} (the topic itself
	 * and its ancestors); an episode counts once per id however many of its topics roll
	 * up to it. A topic without mentions (of its own or below it) is absent.
	 */
	Map<String, Counts> rolledUp(Function<String, ? extends Collection<String>> countsFor);

	/**
	 * Counts of a group of topics (a topic and those below it): mentions of any of them,
	 * episodes that mention any of them, each once.
	 */
	Counts ofAny(Collection<String> topicIds);

	/**
	 * @param episodes number of episodes that mention the topic
	 * @param mentions number of mentions
	 */
	record Counts(long episodes, long mentions) {

		public static final Counts NONE = new Counts(0, 0);

	}

}
