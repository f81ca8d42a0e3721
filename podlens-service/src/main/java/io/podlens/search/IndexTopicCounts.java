package io.podlens.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import io.podlens.topic.MentionCounts;

import org.springframework.stereotype.Component;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Mention counts of topics from the index: the doc values of the segments that mention
 * topics, read for the matching documents only. Serves {@code GET /api/topics} for the
 * topic feature (which publishes {@link MentionCounts} and cannot depend on search).
 */
@Component
@ConditionalOnProperty(name = SearchBackend.PROPERTY, havingValue = "lucene", matchIfMissing = true)
class IndexTopicCounts implements MentionCounts {

	private final LuceneIndex index;

	IndexTopicCounts(LuceneIndex index) {
		this.index = index;
	}

	@Override
	public Map<String, Counts> all() {
		return this.index.search((searcher) -> count(searcher, null));
	}

	@Override
	public Counts of(String topicId) {
		return this.index.search((searcher) -> count(searcher, topicId)).getOrDefault(topicId, Counts.NONE);
	}

	@Override
	public Map<String, Counts> rolledUp(Function<String, ? extends Collection<String>> countsFor) {
		return this.index.search((searcher) -> {
			Map<String, long[]> mentions = new HashMap<>();
			Map<String, Set<Long>> episodes = new HashMap<>();
			Map<String, Collection<String>> targets = new HashMap<>();
			forEachDocument(searcher, new FieldExistsQuery(SegmentDocuments.TOPIC_MENTIONS),
					(leaf, doc, episodeId, topics) -> {
						for (int i = 0; i < topics.docValueCount(); i++) {
							var value = topics.lookupOrd(topics.nextOrd());
							String topic = SegmentDocuments.topicOf(value);
							long count = SegmentDocuments.countOf(value);
							for (String target : targets.computeIfAbsent(topic, countsFor)) {
								mentions.computeIfAbsent(target, (t) -> new long[1])[0] += count;
								episodes.computeIfAbsent(target, (t) -> new HashSet<>()).add(episodeId);
							}
						}
					});
			return counts(mentions, episodes);
		});
	}

	@Override
	public Counts ofAny(Collection<String> topicIds) {
		if (topicIds.isEmpty()) {
			return Counts.NONE;
		}
		Set<String> wanted = Set.copyOf(topicIds);
		return this.index.search((searcher) -> {
			long[] mentions = new long[1];
			Set<Long> episodes = new HashSet<>();
			Query query = new TermInSetQuery(SegmentDocuments.TOPIC, wanted.stream().map(BytesRef::new).toList());
			forEachDocument(searcher, query, (leaf, doc, episodeId, topics) -> {
				for (int i = 0; i < topics.docValueCount(); i++) {
					var value = topics.lookupOrd(topics.nextOrd());
					if (wanted.contains(SegmentDocuments.topicOf(value))) {
						mentions[0] += SegmentDocuments.countOf(value);
						episodes.add(episodeId);
					}
				}
			});
			return (mentions[0] == 0) ? Counts.NONE : new Counts(episodes.size(), mentions[0]);
		});
	}

	private static Map<String, Counts> counts(Map<String, long[]> mentions, Map<String, Set<Long>> episodes) {
		Map<String, Counts> counts = new HashMap<>();
		mentions.forEach((topic, total) -> counts.put(topic, new Counts(episodes.get(topic).size(), total[0])));
		return counts;
	}

	/** Distinct episodes whose documents carry the topic. */
	static Set<Long> episodesOf(IndexSearcher searcher, String topicId) throws IOException {
		Set<Long> episodes = new HashSet<>();
		forEachDocument(searcher, topicQuery(topicId), (leaf, doc, episodeId, topics) -> episodes.add(episodeId));
		return episodes;
	}

	/** Counts of every topic, or of only {@code topicId}. */
	private static Map<String, Counts> count(IndexSearcher searcher, String topicId) throws IOException {
		Map<String, long[]> mentions = new HashMap<>();
		Map<String, Set<Long>> episodes = new HashMap<>();
		Query query = (topicId != null) ? topicQuery(topicId) : new FieldExistsQuery(SegmentDocuments.TOPIC_MENTIONS);
		forEachDocument(searcher, query, (leaf, doc, episodeId, topics) -> {
			for (int i = 0; i < topics.docValueCount(); i++) {
				var value = topics.lookupOrd(topics.nextOrd());
				String topic = SegmentDocuments.topicOf(value);
				if (topicId == null || topicId.equals(topic)) {
					mentions.computeIfAbsent(topic, (t) -> new long[1])[0] += SegmentDocuments.countOf(value);
					episodes.computeIfAbsent(topic, (t) -> new HashSet<>()).add(episodeId);
				}
			}
		});
		return counts(mentions, episodes);
	}

	private static Query topicQuery(String topicId) {
		return new TermQuery(new Term(SegmentDocuments.TOPIC, topicId));
	}

	/**
	 * Calls {@code visitor} for every live document matching the query, with its episode
	 * id and its {@link SegmentDocuments#TOPIC_MENTIONS} positioned on it.
	 */
	private static void forEachDocument(IndexSearcher searcher, Query query, DocumentVisitor visitor)
			throws IOException {
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			Scorer scorer = weight.scorer(leaf);
			if (scorer == null) {
				continue;
			}
			Bits live = leaf.reader().getLiveDocs();
			NumericDocValues episodeIds = DocValues.getNumeric(leaf.reader(), SegmentDocuments.EPISODE_ID);
			SortedSetDocValues topics = DocValues.getSortedSet(leaf.reader(), SegmentDocuments.TOPIC_MENTIONS);
			DocIdSetIterator docs = scorer.iterator();
			for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
				if ((live != null && !live.get(doc)) || !episodeIds.advanceExact(doc) || !topics.advanceExact(doc)) {
					continue;
				}
				visitor.visit(leaf, doc, episodeIds.longValue(), topics);
			}
		}
	}

	@FunctionalInterface
	private interface DocumentVisitor {

		void visit(LeafReaderContext leaf, int doc, long episodeId, SortedSetDocValues topics) throws IOException;

	}

}
