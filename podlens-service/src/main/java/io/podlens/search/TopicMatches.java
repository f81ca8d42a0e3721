package io.podlens.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import io.podlens.common.InvalidInputException;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicLookup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What search takes from the topic feature: the topic ids to index with each segment, the
 * topics a query names (the alias tier of sounds-like search) and the stored spans of the
 * mentions on a page of hits. Filters are term queries on the indexed topic ids, so their
 * cost does not grow with a topic's popularity. Works without the topic feature (tests of
 * search alone): then no segment has topics, there are no alias matches and a topic
 * filter is refused.
 */
@Component
class TopicMatches {

	private final ObjectProvider<TopicLookup> topics;

	TopicMatches(ObjectProvider<TopicLookup> topics) {
		this.topics = topics;
	}

	/**
	 * Matches the segments that mention the topic.
	 * @throws InvalidInputException naming field {@code topic} when the topic is unknown
	 */
	Query ofTopic(String topicId) {
		TopicLookup lookup = this.topics.getIfAvailable();
		if (lookup == null || lookup.topic(topicId).isEmpty()) {
			throw InvalidInputException.forField("topic",
					"there is no topic '" + topicId + "' (GET /api/topics lists them)");
		}
		return mentioning(List.of(topicId));
	}

	/** Ids of the topics whose name or alias is the query text. */
	Set<String> namedBy(String q) {
		TopicLookup lookup = this.topics.getIfAvailable();
		if (lookup == null) {
			return Set.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		lookup.named(q.replace("\"", " ").strip()).stream().map(Topic::id).forEach(ids::add);
		return ids;
	}

	/**
	 * Matches the segments that mention any of the topics, all with the same score (how
	 * often does not matter).
	 */
	static Query mentioning(Collection<String> topicIds) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		topicIds.forEach((id) -> any.add(new TermQuery(new Term(SegmentDocuments.TOPIC, id)), Occur.SHOULD));
		return new ConstantScoreQuery(any.build());
	}

	/**
	 * Mentions of these topics in these segments (the hits of one page), by segment id.
	 */
	Map<Long, List<Mention>> mentionsIn(Collection<Long> segmentIds, Set<String> topicIds) {
		TopicLookup lookup = this.topics.getIfAvailable();
		Map<Long, List<Mention>> grouped = new LinkedHashMap<>();
		if (lookup == null || segmentIds.isEmpty()) {
			return grouped;
		}
		for (Mention mention : lookup.mentionsInSegments(segmentIds)) {
			if (topicIds.contains(mention.topicId())) {
				grouped.computeIfAbsent(mention.segmentId(), (id) -> new ArrayList<>()).add(mention);
			}
		}
		return grouped;
	}

	/**
	 * The topics the segments mention, as stored now. Read by episode: a write holds
	 * whole episodes or a rebuild's run of consecutive segments, and a query per segment
	 * id costs more than the few mentions outside the segments that it also reads.
	 */
	SegmentTopics of(Collection<StoredSegment> segments) {
		TopicLookup lookup = this.topics.getIfAvailable();
		if (lookup == null || segments.isEmpty()) {
			return SegmentTopics.NONE;
		}
		Set<Long> segmentIds = new HashSet<>();
		Set<Long> episodeIds = new LinkedHashSet<>();
		for (StoredSegment segment : segments) {
			segmentIds.add(segment.segmentId());
			episodeIds.add(segment.episodeId());
		}
		return SegmentTopics.of(lookup.mentionsInEpisodes(episodeIds)
			.stream()
			.filter((mention) -> segmentIds.contains(mention.segmentId()))
			.toList());
	}

}
