package io.podlens.topic;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One topic of an episode with its mentions there (for {@code GET
 * /api/episodes/{id}/topics}).
 *
 * @param topic the topic
 * @param count number of mentions
 * @param mentions the mentions in segment order
 */
public record EpisodeTopic(TopicRef topic, int count, List<EpisodeMention> mentions) {

	public EpisodeTopic {
		mentions = List.copyOf(mentions);
	}

	/**
	 * A topic named briefly.
	 *
	 * @param id topic id
	 * @param name display name
	 * @param category what kind of thing it is
	 * @param kind the finer kind within the category
	 * @param parent id of the topic it rolls up to, or null (a client can add the counts
	 * of an episode's topics up to their parents)
	 */
	public record TopicRef(String id, String name, TopicCategory category, TopicKind kind, @Nullable String parent) {

		static TopicRef of(Topic topic, @Nullable String parent) {
			return new TopicRef(topic.id(), topic.name(), topic.category(), topic.kind(), parent);
		}

	}

	/**
	 * Where in the episode the topic is mentioned.
	 *
	 * @param segmentIndex 0-based position of the segment
	 * @param startMs start of the segment, milliseconds from the start of the episode
	 * @param endMs end of the segment
	 * @param charStart first character of the mention in the segment text
	 * @param charEnd character after the mention
	 * @param surface the mention exactly as written
	 * @param matchedBy how it was recognised
	 * @param confidence between 0 and 1
	 */
	public record EpisodeMention(int segmentIndex, long startMs, long endMs, int charStart, int charEnd, String surface,
			MatchKind matchedBy, double confidence) {

	}

}
