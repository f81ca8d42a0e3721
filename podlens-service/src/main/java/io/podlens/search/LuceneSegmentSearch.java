package io.podlens.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;

import org.springframework.stereotype.Service;

/** {@link SegmentSearch} on the embedded Lucene index. */
@Service
class LuceneSegmentSearch implements SegmentSearch {

	private static final Logger log = LoggerFactory.getLogger(LuceneSegmentSearch.class);

	/** Relevance first; equal scores in a stable, readable order. */
	private static final Sort ORDER = new Sort(SortField.FIELD_SCORE,
			new SortField(SegmentDocuments.EPISODE_ID, SortField.Type.LONG),
			new SortField(SegmentDocuments.START_MS, SortField.Type.LONG));

	private final LuceneIndex index;

	private final QueryTranslator translator;

	private final SegmentSource source;

	private final EpisodeKeywords keywords = new EpisodeKeywords();

	private final TopicMatches topics;

	private final int exactTotalUpTo;

	private final int rebuildBatchSize;

	/**
	 * Serializes every write that reads mentions with the write itself, so that the last
	 * write of a segment carries its latest mentions.
	 */
	private final ReentrantLock topicWrites = new ReentrantLock();

	/** Episodes rewritten per index write when their topics change. */
	static final int REINDEX_EPISODES = 200;

	LuceneSegmentSearch(LuceneIndex index, QueryTranslator translator, SegmentSource source, TopicMatches topics,
			SearchProperties properties) {
		this.exactTotalUpTo = properties.exactTotalUpTo();
		this.rebuildBatchSize = properties.rebuildBatchSize();
		this.index = index;
		this.topics = topics;
		this.translator = translator;
		this.source = source;
	}

	@Override
	public void index(Collection<StoredSegment> segments) {
		if (!segments.isEmpty()) {
			durableAndSearchable(writeWithTopics(List.copyOf(segments)));
		}
	}

	/**
	 * Writes the episodes' documents again with the topics their segments mention now
	 * (their mentions were replaced or a topic was deleted): one index write per
	 * {@value #REINDEX_EPISODES} episodes.
	 */
	void reindexEpisodes(Collection<Long> episodeIds) {
		List<Long> ids = List.copyOf(episodeIds);
		for (int from = 0; from < ids.size(); from += REINDEX_EPISODES) {
			// Episodes deleted meanwhile have no segments; their delete event removes
			// the documents.
			List<StoredSegment> segments = this.source
				.segmentsOf(ids.subList(from, Math.min(ids.size(), from + REINDEX_EPISODES)));
			if (segments.isEmpty()) {
				continue;
			}
			durableAndSearchable(writeWithTopics(segments));
		}
	}

	/**
	 * Mentions are read and the documents written under one lock, so a write never stores
	 * older topics than the one before it; the commit and the wait for the reopen happen
	 * outside it, so that concurrent writers overlap their flushes.
	 */
	private LuceneIndex.Generation writeWithTopics(List<StoredSegment> segments) {
		this.topicWrites.lock();
		try {
			return this.index.update(segments, this.topics.of(segments));
		}
		finally {
			this.topicWrites.unlock();
		}
	}

	private void durableAndSearchable(LuceneIndex.Generation generation) {
		this.index.commit(generation);
		this.index.awaitSearchable(generation);
	}

	/** Episodes whose documents carry the topic. */
	Set<Long> episodesMentioning(String topicId) {
		return this.index.search((searcher) -> IndexTopicCounts.episodesOf(searcher, topicId));
	}

	@Override
	public void deleteEpisode(long episodeId) {
		durableAndSearchable(this.index.deleteEpisode(episodeId));
	}

	@Override
	public SearchResult search(SearchQuery query) {
		Query restriction = (query.topic() != null) ? this.topics.ofTopic(query.topic()) : null;
		List<Tier> tiers = new ArrayList<>();
		Query exact = this.translator.translate(query, restriction);
		tiers.add((query.q() != null) ? Tier.exact(exact, this.translator.highlight(query.q()))
				: Tier.mentions(exact, Set.of(query.topic()), false));
		if (query.soundsLike() && query.q() != null) {
			Set<String> named = this.topics.namedBy(query.q());
			Query mentioning = named.isEmpty() ? null : TopicMatches.mentioning(named);
			if (mentioning != null) {
				tiers.add(Tier.mentions(this.translator.translateAlias(query, restriction, mentioning), named, true));
			}
			Query sound = this.translator.translateSoundsLike(query, restriction, mentioning);
			if (sound != null) {
				tiers.add(Tier.sound(sound));
			}
		}
		int from = query.page() * query.size();
		try {
			return this.index.search((searcher) -> tiered(searcher, query, tiers, from));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw QueryTranslator.tooManyClauses();
		}
	}

	/**
	 * Exact hits first, then alias hits, then sounds-like hits; a page may span tiers, so
	 * each tier is paged with the offset left over from the ones before.
	 */
	private SearchResult tiered(IndexSearcher searcher, SearchQuery query, List<Tier> tiers, int from)
			throws IOException {
		List<SearchHit> hits = new ArrayList<>(query.size());
		long total = 0;
		boolean exact = true;
		for (Tier tier : tiers) {
			if (!exact && hits.size() == query.size()) {
				// The total is a lower bound already; counting later tiers changes
				// nothing.
				break;
			}
			int tierFrom = (int) Math.max(0, from - total);
			TotalHits tierTotal = collect(searcher, tier, tierFrom, query.size() - hits.size(), hits);
			total += tierTotal.value;
			exact &= tierTotal.relation == TotalHits.Relation.EQUAL_TO;
		}
		return new SearchResult(total, exact, query.page(), query.size(), hits);
	}

	/**
	 * Adds up to {@code count} hits of the tier from position {@code from} to
	 * {@code hits}.
	 * @return the number of matches of the tier: exact up to the counting threshold (and
	 * always up to the end of the page), a lower bound beyond it
	 */
	private TotalHits collect(IndexSearcher searcher, Tier tier, int from, int count, List<SearchHit> hits)
			throws IOException {
		// Counting every match of a frequent word in a large index costs more than
		// finding the best page; past the threshold Lucene may skip non-competitive
		// documents and the total becomes a lower bound.
		int threshold = (int) Math.min(Integer.MAX_VALUE, Math.max(this.exactTotalUpTo, (long) from + count));
		TopFieldDocs top = searcher.search(tier.query(),
				new TopFieldCollectorManager(ORDER, (count <= 0) ? 1 : from + count, null, threshold, false));
		if (count <= 0) {
			return top.totalHits;
		}
		ScoreDoc[] pageDocs = (from < top.scoreDocs.length)
				? Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length) : new ScoreDoc[0];
		if (pageDocs.length == 0) {
			return top.totalHits;
		}
		TopDocs page = new TopDocs(top.totalHits, pageDocs);
		StoredFields stored = searcher.storedFields();
		Document[] docs = new Document[pageDocs.length];
		for (int i = 0; i < pageDocs.length; i++) {
			docs[i] = stored.document(pageDocs[i].doc);
		}
		String[] snippets = switch (tier.kind()) {
			// A ranked query marks its words and phrase, not the span of its proximity
			// boost.
			case EXACT ->
				Snippets.of(searcher, (tier.highlight() != null) ? tier.highlight() : tier.query(), page, docs);
			case SOUND -> Snippets.soundsLike(soundPart(tier.query()), page, docs);
			case MENTIONS -> null;
		};
		String[] matchedBy = new String[pageDocs.length];
		if (tier.kind() == Tier.Kind.EXACT) {
			for (int i = 0; i < pageDocs.length; i++) {
				matchedBy[i] = SearchHit.EXACT;
				if (snippets[i] == null) {
					// Nothing in the segment's own text: the words are in its context.
					String passage = (tier.highlight() != null) ? Snippets.passage(searcher, docs[i], tier.highlight())
							: null;
					snippets[i] = (passage != null) ? passage : Snippets.plain(docs[i]);
					matchedBy[i] = (passage != null) ? SearchHit.PASSAGE : SearchHit.EXACT;
				}
			}
		}
		// Only the hits of this page need their stored spans.
		Map<Long, List<Mention>> mentionsOnPage = (tier.kind() == Tier.Kind.MENTIONS) ? this.topics.mentionsIn(
				Arrays.stream(docs).map((doc) -> Long.parseLong(doc.get(SegmentDocuments.SEGMENT_ID))).toList(),
				tier.topicIds()) : Map.of();
		for (int i = 0; i < pageDocs.length; i++) {
			Document doc = docs[i];
			// The score is the first sort value.
			float score = (Float) ((FieldDoc) pageDocs[i]).fields[0];
			if (tier.kind() == Tier.Kind.MENTIONS) {
				List<Mention> mentions = mentionsOnPage
					.getOrDefault(Long.parseLong(doc.get(SegmentDocuments.SEGMENT_ID)), List.of());
				String text = doc.get(SegmentDocuments.TEXT);
				String snippet = Snippets.marked((text != null) ? text : "",
						mentions.stream().map((m) -> new int[] { m.start(), m.end() }).toList());
				hits.add(SegmentDocuments.toHit(doc, snippet, score, tier.matchedBy(mentions)));
			}
			else {
				hits.add(SegmentDocuments.toHit(doc, snippets[i], score,
						(tier.kind() == Tier.Kind.EXACT) ? matchedBy[i] : SearchHit.SOUNDS_LIKE));
			}
		}
		return top.totalHits;
	}

	/** The positive sound clause of a sounds-like query (its first clause). */
	private static Query soundPart(Query soundsLike) {
		return ((BooleanQuery) soundsLike).clauses().get(0).getQuery();
	}

	/**
	 * One ranked group of hits. Mention tiers take the spans to mark from the stored
	 * mentions of their topics; through an alias (the query named the topic another way)
	 * an exact mention still counts as an alias match. The exact tier marks passages
	 * (hits matched in their context only) with {@code highlight}, when it has one.
	 */
	private record Tier(Kind kind, Query query, Set<String> topicIds, boolean viaAlias, @Nullable Query highlight) {

		enum Kind {

			EXACT, MENTIONS, SOUND

		}

		static Tier exact(Query query, @Nullable Query highlight) {
			return new Tier(Kind.EXACT, query, Set.of(), false, highlight);
		}

		static Tier mentions(Query query, Set<String> topicIds, boolean viaAlias) {
			return new Tier(Kind.MENTIONS, query, topicIds, viaAlias, null);
		}

		static Tier sound(Query query) {
			return new Tier(Kind.SOUND, query, Set.of(), false, null);
		}

		/** The closest way any of the segment's mentions matched. */
		String matchedBy(List<Mention> mentions) {
			MatchKind best = mentions.stream()
				.map(Mention::matchedBy)
				.min(Comparator.naturalOrder())
				.orElse(MatchKind.ALIAS);
			return switch (best) {
				case EXACT -> this.viaAlias ? SearchHit.ALIAS : SearchHit.EXACT;
				case ALIAS -> SearchHit.ALIAS;
				case FUZZY, PHONETIC -> SearchHit.SOUNDS_LIKE;
			};
		}

	}

	@Override
	public Optional<List<Keyword>> keywords(long episodeId, int limit) {
		List<Keyword> found = this.index.search((searcher) -> this.keywords.of(searcher, episodeId, limit));
		return (found.isEmpty() && !this.index.search((searcher) -> hasEpisode(searcher, episodeId))) ? Optional.empty()
				: Optional.of(found);
	}

	private static boolean hasEpisode(IndexSearcher searcher, long episodeId) throws IOException {
		return searcher.count(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)) > 0;
	}

	@Override
	public RebuildReport rebuild() {
		long started = System.nanoTime();
		long count;
		this.topicWrites.lock();
		try {
			count = this.index.rebuild((sink) -> this.source.forEachBatch(this.rebuildBatchSize,
					(batch) -> sink.accept(batch, this.topics.of(batch))));
		}
		finally {
			this.topicWrites.unlock();
		}
		RebuildReport report = new RebuildReport(count, (System.nanoTime() - started) / 1_000_000);
		log.info("Rebuilt the search index: {} segments in {} ms", report.segments(), report.tookMs());
		return report;
	}

	@Override
	public IndexStats stats() {
		return this.index.stats();
	}

	/**
	 * Rebuilds when the index misses segments the database has, holds segments it lacks,
	 * or was written by another schema version.
	 * @return whether a rebuild ran
	 */
	boolean rebuildIfStale() {
		IndexStats stats = stats();
		long dbCount = this.source.segmentCount();
		long dbMax = this.source.maxSegmentId();
		boolean stale = stats.documents() != dbCount || stats.maxSegmentId() < dbMax || !this.index.schemaCurrent();
		if (stale) {
			log.info("Search index is stale ({} documents, max segment id {}; database {} segments, max id {})",
					stats.documents(), stats.maxSegmentId(), dbCount, dbMax);
			rebuild();
		}
		return stale;
	}

}
