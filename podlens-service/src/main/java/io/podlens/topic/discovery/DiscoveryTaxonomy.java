package io.podlens.topic.discovery;

import java.util.List;

import io.podlens.topic.Topic;
import io.podlens.topic.TopicRequest;

/**
 * What discovery needs of the taxonomy, implemented by the topic package: the topics, and
 * the two changes an accepted candidate makes. Both changes are ordinary taxonomy edits:
 * validated like a request to {@code /api/topics}, and followed by the re-analysis of the
 * stored episodes.
 */
public interface DiscoveryTaxonomy {

	/** Changes whenever the taxonomy does. */
	long version();

	List<Topic> topics();

	/** Creates a topic as {@code POST /api/topics} does (400 and 409 alike). */
	Topic create(TopicRequest request);

	/**
	 * Adds names to an existing topic, as a {@code PUT} that keeps everything else.
	 * @param aliases Latin-script names
	 * @param zhHant Chinese names in Traditional script
	 * @param zhHans Chinese names in Simplified script
	 */
	Topic addNames(String topicId, List<String> aliases, List<String> zhHant, List<String> zhHans);

}
