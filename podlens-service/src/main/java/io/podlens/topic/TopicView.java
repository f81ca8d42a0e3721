package io.podlens.topic;

import java.util.List;

/**
 * A topic of the taxonomy with how often stored episodes mention it.
 *
 * @param id stable id such as {@code gpt-4o}
 * @param name display name
 * @param category what kind of thing it is
 * @param aliases other names in any script
 * @param contextCues words that show an ambiguous form is about this topic
 * @param episodeCount number of episodes that mention it
 * @param mentionCount number of mentions over all episodes
 */
public record TopicView(String id, String name, TopicCategory category, List<String> aliases, List<String> contextCues,
		long episodeCount, long mentionCount) {

	static TopicView of(Topic topic, long episodeCount, long mentionCount) {
		return new TopicView(topic.id(), topic.name(), topic.category(), topic.aliases(), topic.contextCues(),
				episodeCount, mentionCount);
	}

}
