package io.podlens.analysis;

import java.util.List;

/**
 * A stored topic mention as chapter titles use it.
 *
 * @param segmentId the segment it is in
 * @param topicId the topic
 * @param title the topic's name in the episode's language
 * @param named whether the topic is a named thing (model, organisation, person, product)
 * rather than an idea
 * @param confidence how sure the match is, 0 to 1
 * @param names the topic's names and aliases, folded: a key phrase that is one of them is
 * the topic
 */
record ChapterTopic(long segmentId, String topicId, String title, boolean named, double confidence,
		List<String> names) {

	ChapterTopic {
		names = List.copyOf(names);
	}

}
