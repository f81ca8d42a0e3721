package io.podlens.topic;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What other features may ask of the topic feature: the current taxonomy and the stored
 * mentions, always for a bounded set of segments. Search uses it to index the topics of
 * segments and to mark mentions in snippets; analysis for the timeline marks.
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

	/**
	 * Whether the episode's stored mentions are those of the current taxonomy
	 * ({@code ready}), not there yet or about to be replaced ({@code pending}), or their
	 * extraction failed; a pending episode's mentions may be none or older ones.
	 */
	TopicState stateOf(long episodeId);

	/** Every stored mention in the episode, in segment order. */
	List<Mention> mentionsInEpisode(long episodeId);

	/**
	 * Every stored mention in these episodes (read in bounded chunks), in segment order
	 * within an episode. Cheaper than {@link #mentionsInSegments} for whole episodes.
	 */
	List<Mention> mentionsInEpisodes(Collection<Long> episodeIds);

	/**
	 * The stored mentions in these segments (read in bounded chunks), in segment order
	 * within an episode.
	 */
	List<Mention> mentionsInSegments(Collection<Long> segmentIds);

}
