package io.podlens.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

import io.podlens.text.lucene.QueryCodec;
import io.podlens.topic.MentionCounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Mention counts of topics from the Solr collection: one term facet over {@value #FIELD},
 * whose values {@code topicId U+001F episodeId U+001F count} say per segment which topic
 * it mentions how often in which episode. A field facet with no limit is complete over
 * all shards, so episode and mention counts are exact.
 */
@Component
@ConditionalOnProperty(name = SearchBackend.PROPERTY, havingValue = "solr")
class SolrTopicCounts implements MentionCounts {

	static final String FIELD = "topicEpisodeMentions";

	private final SolrSegmentSearch search;

	SolrTopicCounts(SolrSegmentSearch search) {
		this.search = search;
	}

	@Override
	public Map<String, Counts> all() {
		return count(new MatchAllDocsQuery(), null, (topic) -> Set.of(topic));
	}

	@Override
	public Counts of(String topicId) {
		return count(new TermQuery(new Term(SegmentDocuments.TOPIC, topicId)), topicId, (topic) -> Set.of(topic))
			.getOrDefault(topicId, Counts.NONE);
	}

	@Override
	public Map<String, Counts> rolledUp(Function<String, ? extends Collection<String>> countsFor) {
		return count(new MatchAllDocsQuery(), null, countsFor);
	}

	@Override
	public Counts ofAny(Collection<String> topicIds) {
		if (topicIds.isEmpty()) {
			return Counts.NONE;
		}
		Set<String> wanted = Set.copyOf(topicIds);
		String group = "\u0000group";
		Map<String, Counts> counts = count(
				new TermInSetQuery(SegmentDocuments.TOPIC, wanted.stream().map(BytesRef::new).toList()), null,
				(topic) -> wanted.contains(topic) ? Set.of(group) : Set.of());
		return counts.getOrDefault(group, Counts.NONE);
	}

	/**
	 * Counts by target: a mention of topic {@code t} counts for each id of
	 * {@code targets.apply(t)} (the topic itself, its ancestors, or a group).
	 */
	private Map<String, Counts> count(Query query, @Nullable String prefix,
			Function<String, ? extends Collection<String>> targets) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(query));
		params.put("rows", 0);
		params.put("facet", "true");
		params.put("facet.field", FIELD);
		params.put("facet.limit", -1);
		params.put("facet.mincount", 1);
		params.put("facet.sort", "index");
		if (prefix != null) {
			params.put("facet.prefix", prefix + SolrSegmentSearch.SEPARATOR);
		}
		Map<String, long[]> mentions = new HashMap<>();
		Map<String, Set<Long>> episodes = new HashMap<>();
		Map<String, Collection<String>> resolved = new HashMap<>();
		SolrSegmentSearch.forEachFacetValue(this.search.select(params), FIELD, (value, segments) -> {
			int last = value.lastIndexOf(SolrSegmentSearch.SEPARATOR);
			int middle = value.lastIndexOf(SolrSegmentSearch.SEPARATOR, last - 1);
			String topic = value.substring(0, middle);
			long episode = Long.parseLong(value.substring(middle + 1, last));
			long count = Long.parseLong(value.substring(last + 1));
			for (String target : resolved.computeIfAbsent(topic, targets)) {
				mentions.computeIfAbsent(target, (t) -> new long[1])[0] += count * segments;
				episodes.computeIfAbsent(target, (t) -> new HashSet<>()).add(episode);
			}
		});
		Map<String, Counts> counts = new HashMap<>();
		mentions.forEach((topic, total) -> counts.put(topic, new Counts(episodes.get(topic).size(), total[0])));
		return counts;
	}

}
