package io.podlens.topic;

import java.util.List;

import io.podlens.common.Paged;
import org.jspecify.annotations.Nullable;

/**
 * What the topic endpoints answer, for features that answer the same questions another
 * way (the MCP tools): the taxonomy with counts, a topic's mentions across episodes, an
 * episode's topics.
 */
public interface TopicDirectory {

	/**
	 * Topics of a category (or all) whose id, name, an alias or a Chinese name contains
	 * {@code q} folded for case, width and script (or all), by id; with the counts of
	 * their descendants when asked.
	 */
	List<TopicView> find(@Nullable TopicCategory category, @Nullable String q, boolean includeChildren);

	/**
	 * One page of the topic's mentions, newest episodes first.
	 * @throws io.podlens.common.NotFoundException when there is no such topic
	 */
	Paged<TopicMention> mentions(String topicId, int page, int size);

	/**
	 * Whether the episode's topics are ready, and its topics, most mentioned first, with
	 * their mentions.
	 * @throws io.podlens.common.NotFoundException when there is no such episode
	 */
	EpisodeTopics episodeTopics(long episodeId);

}
