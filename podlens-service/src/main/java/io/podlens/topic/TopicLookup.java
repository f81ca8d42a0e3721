package io.podlens.topic;

import java.util.List;
import java.util.Optional;

/**
 * What other features may ask of the topic feature: the current taxonomy and the stored
 * mentions. Search uses it for {@code topic=} filters and for alias and sounds-like
 * matches; analysis for the timeline marks.
 */
public interface TopicLookup {

	/** The topic with this id in the current taxonomy. */
	Optional<Topic> topic(String id);

	/**
	 * Topics whose name or one of whose aliases equals {@code words} once both are folded
	 * for case, width and Traditional/Simplified script ("gpt-4o", "ＧＰＴ－４ｏ" and "GPT 4o"
	 * name the same topic).
	 */
	List<Topic> named(String words);

	/** Every stored mention of the topic, across episodes. */
	List<Mention> mentionsOfTopic(String topicId);

	/** Every stored mention in the episode, in segment order. */
	List<Mention> mentionsInEpisode(long episodeId);

}
