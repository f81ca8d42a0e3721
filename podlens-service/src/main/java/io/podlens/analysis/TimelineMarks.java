package io.podlens.analysis;

import java.util.List;

/**
 * Source of topic marks for the timeline picture: where in an episode a topic is
 * mentioned. Analysis implements it over the topic feature's stored mentions; every
 * implementation present is asked, none means no marks.
 */
public interface TimelineMarks {

	/** Mentions in one episode, in any order; empty when there are none. */
	List<Mark> marksFor(long episodeId);

	/**
	 * One mention of a topic.
	 *
	 * @param label topic label as shown in the timeline
	 * @param timeMs time of the mention, milliseconds from the start of the episode
	 */
	record Mark(String label, long timeMs) {
	}

}
