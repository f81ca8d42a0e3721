package io.podlens.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.podlens.common.InvalidInputException;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicLookup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The stored topic mentions search uses: for {@code topic=} filters, and for the alias
 * tier of sounds-like search (segments that mention a topic the query names, however the
 * transcript spells it). Works without the topic feature (tests of search alone): then
 * there are no alias matches and a topic filter is refused.
 */
@Component
class TopicMatches {

	private final Supplier<TopicLookup> topics;

	@Autowired
	TopicMatches(ObjectProvider<TopicLookup> topics) {
		this(topics::getIfAvailable);
	}

	/** For tests: the lookup to use, or a supplier of {@code null} for none. */
	TopicMatches(Supplier<TopicLookup> topics) {
		this.topics = topics;
	}

	/**
	 * Mentions of the topic by segment id.
	 * @throws InvalidInputException naming field {@code topic} when the topic is unknown
	 */
	Map<Long, List<Mention>> ofTopic(String topicId) {
		TopicLookup lookup = this.topics.get();
		if (lookup == null || lookup.topic(topicId).isEmpty()) {
			throw InvalidInputException.forField("topic",
					"there is no topic '" + topicId + "' (GET /api/topics lists them)");
		}
		return bySegment(lookup.mentionsOfTopic(topicId));
	}

	/** Mentions, by segment id, of the topics whose name or alias is the query text. */
	Map<Long, List<Mention>> namedBy(String q) {
		TopicLookup lookup = this.topics.get();
		if (lookup == null) {
			return Map.of();
		}
		String words = q.replace("\"", " ").strip();
		Map<Long, List<Mention>> mentions = new LinkedHashMap<>();
		for (Topic topic : lookup.named(words)) {
			bySegment(lookup.mentionsOfTopic(topic.id())).forEach((segment, found) -> mentions.merge(segment, found,
					(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
		}
		return mentions;
	}

	private static Map<Long, List<Mention>> bySegment(List<Mention> mentions) {
		Map<Long, List<Mention>> grouped = new LinkedHashMap<>();
		for (Mention mention : mentions) {
			grouped.computeIfAbsent(mention.segmentId(), (id) -> new java.util.ArrayList<>()).add(mention);
		}
		return grouped;
	}

}
