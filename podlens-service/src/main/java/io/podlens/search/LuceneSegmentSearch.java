package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.embedding.Embeddings;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** {@link SegmentSearch} on the embedded Lucene index. */
@Service
@ConditionalOnProperty(name = SearchBackend.PROPERTY, havingValue = "lucene", matchIfMissing = true)
class LuceneSegmentSearch implements SegmentSearch, IndexMaintenance {

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

	/** Segments read per query to find the episodes that got embeddings. */
	static final int REINDEX_SEGMENTS = 1000;

	private final Optional<Embeddings> embeddings;

	private final SemanticSearchProperties semantic;

	private final RankFusion fusion;

	/** Without embeddings: keyword search only (tests, the benchmark). */
	LuceneSegmentSearch(LuceneIndex index, QueryTranslator translator, SegmentSource source, TopicMatches topics,
			SearchProperties properties) {
		this(index, translator, source, topics, properties, Optional.empty(), SemanticSearchProperties.defaults());
	}

	/**
	 * @param embeddings the embedding model and the stored vectors, absent when
	 * {@code podlens.embedding.enabled} is false
	 */
	@Autowired
	LuceneSegmentSearch(LuceneIndex index, QueryTranslator translator, SegmentSource source, TopicMatches topics,
			SearchProperties properties, Optional<Embeddings> embeddings, SemanticSearchProperties semantic) {
		if (embeddings.isEmpty()
				&& (semantic.defaultMode() == SearchMode.SEMANTIC || semantic.defaultMode() == SearchMode.HYBRID)) {
			throw new IllegalStateException("podlens.search.default-mode=" + semantic.defaultMode().value()
					+ " needs embeddings, but podlens.embedding.enabled is false");
		}
		this.embeddings = embeddings;
		this.semantic = semantic;
		this.fusion = new RankFusion(semantic.rrfK(), semantic.keywordWeight(), semantic.semanticWeight());
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

	/** Written now, committed by a later commit (see {@link LuceneIndex}). */
	@Override
	public CompletableFuture<Void> indexBatch(Collection<StoredSegment> segments) {
		if (segments.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		return this.index.durable(writeWithTopics(List.copyOf(segments)));
	}

	@Override
	public void flush() {
		this.index.flush();
	}

	/**
	 * Writes the documents of the segments' episodes again with the embeddings stored for
	 * them now: whole episodes, since a segment's context comes from the segments after
	 * it in the same write.
	 */
	@Override
	public Set<Long> reindexSegments(Collection<Long> segmentIds) {
		List<Long> ids = List.copyOf(segmentIds);
		Set<Long> episodeIds = new LinkedHashSet<>();
		for (int from = 0; from < ids.size(); from += REINDEX_SEGMENTS) {
			// Segments deleted meanwhile are not read; their episode's delete removes
			// them.
			this.source.segmentsById(ids.subList(from, Math.min(ids.size(), from + REINDEX_SEGMENTS)))
				.forEach((segment) -> episodeIds.add(segment.episodeId()));
		}
		reindexEpisodes(episodeIds);
		return episodeIds;
	}

	/** The stored embeddings of the segments, read with their topics under the lock. */
	private SegmentVectors vectorsOf(Collection<StoredSegment> segments) {
		if (this.embeddings.isEmpty()) {
			return SegmentVectors.NONE;
		}
		Embeddings model = this.embeddings.get();
		return new SegmentVectors(SegmentDocuments.vectorField(model.modelId()),
				model.vectorsOf(segments.stream().map(StoredSegment::segmentId).toList()));
	}

	/**
	 * Writes the episodes' documents again with the topics their segments mention now
	 * (their mentions were replaced or a topic was deleted): one index write per
	 * {@value #REINDEX_EPISODES} episodes.
	 */
	@Override
	public void reindexEpisodes(Collection<Long> episodeIds) {
		List<Long> ids = List.copyOf(episodeIds);
		for (int from = 0; from < ids.size(); from += REINDEX_EPISODES) {
			LuceneIndex.Generation written = rewrite(ids.subList(from, Math.min(ids.size(), from + REINDEX_EPISODES)));
			if (written != null) {
				durableAndSearchable(written);
			}
		}
	}

	/**
	 * Reads the episodes' segments and writes their documents under the write lock, which
	 * an episode's delete takes too: a delete that committed first leaves nothing to
	 * read, one that commits after the read removes the documents after this write, so a
	 * rewrite never puts a deleted episode back, not even for a moment.
	 * @return the write, or {@code null} when none of the episodes has segments
	 */
	private LuceneIndex.@Nullable Generation rewrite(List<Long> episodeIds) {
		this.topicWrites.lock();
		try {
			List<StoredSegment> segments = this.source.segmentsOf(episodeIds);
			return segments.isEmpty() ? null
					: this.index.update(segments, this.topics.of(segments), vectorsOf(segments));
		}
		finally {
			this.topicWrites.unlock();
		}
	}

	/**
	 * Mentions and embeddings are read and the documents written under one lock, so a
	 * write never stores older topics or fewer vectors than the one before it; the commit
	 * and the wait for the reopen happen outside it, so that concurrent writers overlap
	 * their flushes.
	 */
	private LuceneIndex.Generation writeWithTopics(List<StoredSegment> segments) {
		this.topicWrites.lock();
		try {
			return this.index.update(segments, this.topics.of(segments), vectorsOf(segments));
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
	@Override
	public Set<Long> episodesMentioning(String topicId) {
		return this.index.search((searcher) -> IndexTopicCounts.episodesOf(searcher, topicId));
	}

	@Override
	public void deleteEpisode(long episodeId) {
		LuceneIndex.Generation deleted;
		// under the rewrites' lock: see rewrite
		this.topicWrites.lock();
		try {
			deleted = this.index.deleteEpisode(episodeId);
		}
		finally {
			this.topicWrites.unlock();
		}
		durableAndSearchable(deleted);
	}

	@Override
	public SearchResult search(SearchQuery query) {
		if (query.mode() != SearchMode.KEYWORD) {
			return searchByMeaning(query);
		}
		Query restriction = (query.topic() != null) ? this.topics.ofTopic(query.topic()) : null;
		List<Tier> tiers = tiers(query, restriction);
		int from = query.page() * query.size();
		try {
			return this.index.search((searcher) -> tiered(searcher, query, tiers, from));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw QueryTranslator.tooManyClauses();
		}
	}

	@Override
	public boolean searchesByMeaning() {
		return this.embeddings.isPresent();
	}

	@Override
	public boolean holdsEpisode(long episodeId) {
		return this.index
			.search((searcher) -> searcher.count(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)) > 0);
	}

	@Override
	public void validate(SearchQuery query) {
		if (query.mode() != SearchMode.KEYWORD && this.embeddings.isEmpty()) {
			throw InvalidInputException.forField("mode", query.mode().value()
					+ " search is not available: embeddings are disabled (podlens.embedding.enabled=false)");
		}
		this.translator.check(query);
	}

	/** The keyword tiers: exact, then (sounds-like) alias and sound. */
	private List<Tier> tiers(SearchQuery query, Query restriction) {
		return Tier.keyword(this.translator, this.topics, query, restriction);
	}

	/**
	 * Semantic and hybrid search: the segments whose embeddings are nearest to the
	 * query's (HNSW, restricted to the query's filters), alone or fused with the keyword
	 * ranking by reciprocal rank. Paging applies to that list; segments not embedded yet
	 * are found by the keyword ranking only.
	 */
	private SearchResult searchByMeaning(SearchQuery query) {
		Embeddings model = this.embeddings.orElseThrow(() -> InvalidInputException.forField("mode", query.mode().value()
				+ " search is not available: embeddings are disabled (podlens.embedding.enabled=false)"));
		String text = SemanticText.of(query.q());
		if (text.isBlank()) {
			throw InvalidInputException.forField("q", "has no words to search by meaning");
		}
		Query restriction = (query.topic() != null) ? this.topics.ofTopic(query.topic()) : null;
		Query filter = this.translator.vectorFilter(query, restriction);
		// The query's embedding runs beside the keyword ranking of a hybrid search.
		CompletableFuture<float[]> vector = model.embedQueryAsync(text);
		List<Tier> tiers = (query.mode() == SearchMode.HYBRID) ? tiers(query, restriction) : List.of();
		int end = (query.page() + 1) * query.size();
		// Hybrid fuses only fusion-depth nearest segments: finding more costs time for
		// nothing.
		int depth = Math.max(
				(query.mode() == SearchMode.HYBRID) ? this.semantic.fusionDepth() : this.semantic.semanticCandidates(),
				end);
		Function<float[], KnnFloatVectorQuery> nearest = (queryVector) -> new KnnFloatVectorQuery(
				SegmentDocuments.vectorField(model.modelId()), queryVector, depth, filter);
		try {
			return this.index.search(
					(searcher) -> (query.mode() == SearchMode.HYBRID)
							? hybrid(searcher, query, tiers,
									vector.thenApply((v) -> nearest(searcher, nearest.apply(v))), depth)
							: semantic(searcher, query, nearest.apply(Futures.await(vector))));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw QueryTranslator.tooManyClauses();
		}
	}

	private SearchResult semantic(IndexSearcher searcher, SearchQuery query, KnnFloatVectorQuery nearest)
			throws IOException {
		int k = nearest.getK();
		ScoreDoc[] found = searcher.search(nearest, k).scoreDocs;
		ScoreDoc[] ranked = aboveMinScore(found);
		int from = query.page() * query.size();
		List<SearchHit> hits = new ArrayList<>();
		StoredFields stored = searcher.storedFields();
		for (int i = from; i < Math.min(ranked.length, from + query.size()); i++) {
			float cosine = SegmentDocuments.cosine(ranked[i].score);
			hits.add(semanticHit(stored.document(ranked[i].doc), cosine).ranked(cosine, null, i + 1, cosine));
		}
		// The k nearest are all there is to a semantic search; fewer means the filters
		// (or the minimum score) left no more.
		return new SearchResult(ranked.length, found.length < k || ranked.length < found.length, query.page(),
				query.size(), hits);
	}

	/** The nearest segments, best first (the HNSW search is in the rewrite). */
	private static ScoreDoc[] nearest(IndexSearcher searcher, KnnFloatVectorQuery nearest) {
		try {
			return searcher.search(searcher.rewrite(nearest), nearest.getK()).scoreDocs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param nearestDocs the vector search, which runs where the query's vector is
	 * computed as soon as it is there (beside the keyword ranking, which runs here)
	 */
	private SearchResult hybrid(IndexSearcher searcher, SearchQuery query, List<Tier> tiers,
			CompletableFuture<ScoreDoc[]> nearestDocs, int depth) throws IOException {
		KeywordRanking keyword;
		try {
			keyword = keywordRanking(searcher, tiers, depth);
		}
		catch (IOException | RuntimeException ex) {
			// The vector search reads this searcher: it ends before the searcher is
			// released.
			try {
				nearestDocs.join();
			}
			catch (RuntimeException ignored) {
				// the keyword ranking's failure is the one to report
			}
			throw ex;
		}
		ScoreDoc[] near = aboveMinScore(Futures.await(nearestDocs));
		Map<Integer, Float> cosines = new HashMap<>();
		List<Integer> semanticOrder = new ArrayList<>(near.length);
		for (ScoreDoc doc : near) {
			cosines.put(doc.doc, SegmentDocuments.cosine(doc.score));
			semanticOrder.add(doc.doc);
		}
		List<RankFusion.Fused> fused = this.fusion.fuse(keyword.docs(), semanticOrder);
		// Every keyword match, plus the nearest segments the keyword query does not
		// match.
		// Those in the keyword ranking match; only the others are looked up.
		ScoreDoc[] notRanked = Arrays.stream(near)
			.filter((doc) -> keyword.scoreDoc(doc.doc) == null)
			.toArray(ScoreDoc[]::new);
		// When the ranking holds every keyword match, the others match no tier.
		boolean rankingHoldsAll = keyword.exact() && keyword.total() <= keyword.docs().size();
		long nearAndKeyword = (near.length - notRanked.length)
				+ (rankingHoldsAll ? 0 : countMatching(searcher, anyTier(tiers), notRanked));
		long total = keyword.total() + (near.length - nearAndKeyword);
		int from = query.page() * query.size();
		List<RankFusion.Fused> page = (from < fused.size())
				? fused.subList(from, Math.min(fused.size(), from + query.size())) : List.of();
		// Keyword hits get their tier's snippet; hits by meaning only the plain text.
		Map<Integer, SearchHit> built = new HashMap<>();
		buildHits(searcher, tiers, keyword,
				page.stream().filter((f) -> f.keywordRank() != null).map(RankFusion.Fused::doc).toList(), built);
		StoredFields stored = searcher.storedFields();
		List<SearchHit> hits = new ArrayList<>(page.size());
		for (RankFusion.Fused entry : page) {
			Float cosine = cosines.get(entry.doc());
			SearchHit hit = built.get(entry.doc());
			if (hit == null) {
				hit = semanticHit(stored.document(entry.doc()), (cosine != null) ? cosine : 0);
			}
			hits.add(hit.ranked((float) entry.score(), entry.keywordRank(), entry.semanticRank(), cosine));
		}
		return new SearchResult(total, keyword.exact(), query.page(), query.size(), hits);
	}

	/**
	 * Builds the hits of keyword-ranked documents, one batch per tier, into
	 * {@code built}.
	 */
	private void buildHits(IndexSearcher searcher, List<Tier> tiers, KeywordRanking keyword, List<Integer> docs,
			Map<Integer, SearchHit> built) throws IOException {
		for (int t = 0; t < tiers.size() && !docs.isEmpty(); t++) {
			int tier = t;
			ScoreDoc[] ofTier = docs.stream()
				.filter((doc) -> keyword.tierOf(doc) == tier)
				.map(keyword::scoreDoc)
				.toArray(ScoreDoc[]::new);
			if (ofTier.length > 0) {
				List<SearchHit> hits = hitsOf(searcher, tiers.get(tier), ofTier);
				for (int i = 0; i < ofTier.length; i++) {
					built.put(ofTier[i].doc, hits.get(i));
				}
			}
		}
	}

	private static Query anyTier(List<Tier> tiers) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		tiers.forEach((tier) -> any.add(tier.query(), Occur.SHOULD));
		return any.build();
	}

	/** The nearest segments at or above {@code podlens.search.semantic-min-score}. */
	private ScoreDoc[] aboveMinScore(ScoreDoc[] nearest) {
		if (this.semantic.semanticMinScore() <= 0) {
			return nearest;
		}
		// Ranked by score: the first one below the floor ends the list.
		int kept = 0;
		while (kept < nearest.length
				&& SegmentDocuments.cosine(nearest[kept].score) >= this.semantic.semanticMinScore()) {
			kept++;
		}
		return (kept == nearest.length) ? nearest : Arrays.copyOf(nearest, kept);
	}

	/**
	 * How many of {@code docs} the query matches (each looked up, not the whole index).
	 */
	private static long countMatching(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
		if (docs.length == 0) {
			return 0;
		}
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		int[] sorted = Arrays.stream(docs).mapToInt((d) -> d.doc).sorted().toArray();
		long matched = 0;
		int leafIndex = -1;
		DocIdSetIterator iterator = null;
		for (int doc : sorted) {
			int leaf = ReaderUtil.subIndex(doc, leaves);
			if (leaf != leafIndex) {
				leafIndex = leaf;
				Scorer scorer = weight.scorer(leaves.get(leaf));
				iterator = (scorer != null) ? scorer.iterator() : null;
			}
			int target = doc - leaves.get(leaf).docBase;
			if (iterator != null && iterator.docID() <= target
					&& (iterator.docID() == target || iterator.advance(target) == target)) {
				matched++;
			}
		}
		return matched;
	}

	/**
	 * The keyword ranking to {@code depth}: the tiers in order, as keyword mode pages
	 * them.
	 */
	private KeywordRanking keywordRanking(IndexSearcher searcher, List<Tier> tiers, int depth) throws IOException {
		List<Integer> docs = new ArrayList<>();
		Map<Integer, ScoreDoc> scoreDocs = new HashMap<>();
		Map<Integer, Integer> tierOf = new HashMap<>();
		long total = 0;
		boolean exact = true;
		int threshold = Math.max(this.exactTotalUpTo, depth);
		for (int t = 0; t < tiers.size(); t++) {
			int wanted = depth - docs.size();
			TopFieldDocs top = searcher.search(tiers.get(t).query(),
					new TopFieldCollectorManager(ORDER, Math.max(1, wanted), null, threshold, false));
			total += top.totalHits.value;
			exact &= top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
			for (int i = 0; i < top.scoreDocs.length && wanted > 0; i++, wanted--) {
				ScoreDoc doc = top.scoreDocs[i];
				docs.add(doc.doc);
				scoreDocs.put(doc.doc, doc);
				tierOf.put(doc.doc, t);
			}
		}
		return new KeywordRanking(docs, scoreDocs, tierOf, total, exact);
	}

	/** A keyword ranking: documents in order, their sort values and tiers, the count. */
	private record KeywordRanking(List<Integer> docs, Map<Integer, ScoreDoc> scoreDocs, Map<Integer, Integer> tiers,
			long total, boolean exact) {

		int tierOf(int doc) {
			return this.tiers.getOrDefault(doc, -1);
		}

		ScoreDoc scoreDoc(int doc) {
			return this.scoreDocs.get(doc);
		}

	}

	/** A hit found by meaning only: no words to mark. */
	private static SearchHit semanticHit(Document doc, float cosine) {
		String text = doc.get(SegmentDocuments.TEXT);
		return SegmentDocuments.toHit(doc, Snippets.plain((text != null) ? text : ""), cosine, SearchHit.SEMANTIC);
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
		hits.addAll(hitsOf(searcher, tier, pageDocs));
		return top.totalHits;
	}

	/**
	 * The hits of documents one tier matched, in the given order.
	 * @param pageDocs documents sorted by {@link #ORDER} (their first sort value is the
	 * score)
	 */
	private List<SearchHit> hitsOf(IndexSearcher searcher, Tier tier, ScoreDoc[] pageDocs) throws IOException {
		float[] scores = new float[pageDocs.length];
		for (int i = 0; i < pageDocs.length; i++) {
			scores[i] = (Float) ((FieldDoc) pageDocs[i]).fields[0];
		}
		return TierHits.of(searcher, tier, pageDocs, scores, this.topics);
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
			// Stored embeddings go into the new index as they are: nothing is embedded
			// again.
			count = this.index.rebuild((sink) -> this.source.forEachBatch(this.rebuildBatchSize,
					(batch) -> sink.accept(batch, this.topics.of(batch), vectorsOf(batch))));
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
		IndexStats stats = this.index.stats();
		if (this.embeddings.isEmpty()) {
			return stats;
		}
		Query embedded = new FieldExistsQuery(SegmentDocuments.vectorField(this.embeddings.get().modelId()));
		return new IndexStats(stats.documents(), stats.maxSegmentId(),
				this.index.search((searcher) -> (long) searcher.count(embedded)));
	}

	@Override
	public SimilarSegments similar(long episodeId, int segmentIndex, int size) {
		Query episode = LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId);
		return this.index.search((searcher) -> {
			TopDocs own = searcher.search(SegmentDocuments.segment(episodeId, segmentIndex), 1);
			if (own.scoreDocs.length == 0) {
				if (searcher.count(episode) == 0) {
					throw new NotFoundException("Episode", episodeId);
				}
				throw new NotFoundException("Segment", segmentIndex + " of episode " + episodeId);
			}
			Embeddings model = this.embeddings.orElseThrow(() -> new ConflictException(
					"Similar segments need embeddings, which are disabled (podlens.embedding.enabled=false)",
					Map.of("episodeId", episodeId, "segmentIndex", segmentIndex)));
			String field = SegmentDocuments.vectorField(model.modelId());
			int doc = own.scoreDocs[0].doc;
			float[] vector = vectorOf(searcher, doc, field);
			if (vector == null) {
				throw new ConflictException(
						"Segment " + segmentIndex + " of episode " + episodeId
								+ " has no embedding yet: embedding runs in the background after an import "
								+ "(progress: GET /api/admin/embeddings); try again later",
						Map.of("episodeId", episodeId, "segmentIndex", segmentIndex));
			}
			Query others = new BooleanQuery.Builder().add(new FieldExistsQuery(field), Occur.FILTER)
				.add(episode, Occur.MUST_NOT)
				.build();
			ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(field, vector, size, others), size).scoreDocs;
			StoredFields stored = searcher.storedFields();
			List<SearchHit> hits = new ArrayList<>(near.length);
			for (int i = 0; i < near.length; i++) {
				float cosine = SegmentDocuments.cosine(near[i].score);
				hits.add(semanticHit(stored.document(near[i].doc), cosine).ranked(cosine, null, i + 1, cosine));
			}
			Document source = stored.document(doc);
			return new SimilarSegments(episodeId, segmentIndex,
					source.getField(SegmentDocuments.START_MS).numericValue().longValue(),
					source.get(SegmentDocuments.TEXT), hits);
		});
	}

	/** The vector a document has in {@code field}, or {@code null}. */
	private static float @Nullable [] vectorOf(IndexSearcher searcher, int doc, String field) throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
		int target = doc - leaf.docBase;
		if (values == null || values.advance(target) != target) {
			return null;
		}
		return values.vectorValue().clone();
	}

	/**
	 * Whether the index holds vectors of another embedding model than the current one
	 * (the model was changed): a rebuild drops them, the current model's come from the
	 * database.
	 */
	private boolean hasForeignVectors() {
		if (this.embeddings.isEmpty()) {
			return false;
		}
		String current = SegmentDocuments.vectorField(this.embeddings.get().modelId());
		return this.index.search((searcher) -> {
			for (FieldInfo info : FieldInfos.getMergedFieldInfos(searcher.getIndexReader())) {
				if (info.name.startsWith(SegmentDocuments.VECTOR_PREFIX) && !info.name.equals(current)) {
					return true;
				}
			}
			return false;
		});
	}

	/**
	 * Rebuilds when the index misses segments the database has, holds segments it lacks,
	 * was written by another schema version, or holds vectors of another model.
	 * @return whether a rebuild ran
	 */
	@Override
	public boolean rebuildIfStale() {
		IndexStats stats = stats();
		long dbCount = this.source.segmentCount();
		long dbMax = this.source.maxSegmentId();
		boolean stale = stats.documents() != dbCount || stats.maxSegmentId() < dbMax || !this.index.schemaCurrent()
				|| hasForeignVectors();
		if (stale) {
			log.info("Search index is stale ({} documents, max segment id {}; database {} segments, max id {})",
					stats.documents(), stats.maxSegmentId(), dbCount, dbMax);
			rebuild();
		}
		return stale;
	}

}
