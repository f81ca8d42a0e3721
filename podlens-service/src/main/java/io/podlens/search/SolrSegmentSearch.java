package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.UnavailableException;
import io.podlens.embedding.Embeddings;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.text.lucene.QueryCodec;
import io.podlens.topic.Mention;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * {@link SegmentSearch} on a SolrCloud collection ({@code podlens.search.backend=solr}).
 * <p>
 * <b>The same queries.</b> Queries are built here exactly as for the embedded index
 * ({@link QueryTranslator}, {@link Tier}: analysis, ranking, minimum-should-match,
 * context, sounds-like, topics, filters) and sent encoded ({@link QueryCodec}) to the
 * plugin's {@code podlens} query parser, which runs that Lucene query inside Solr;
 * documents are analysed by the configset's chains, built from the same kernel factories.
 * Hits are sorted as in Lucene (score, episode, start), term statistics are global over
 * the shards (ExactStatsCache), and totals are exact up to
 * {@code podlens.search.exact-total-up-to} ({@code minExactCount}). Snippets are made
 * here with the same highlighter and formatter from the hits' stored texts, analysed
 * again (a page is at most 100 short texts).
 * <p>
 * <b>Writes</b> are idempotent by segment id (document id {@code episodeId!segmentId},
 * routed by episode), made searchable by a soft commit before they return (the update log
 * keeps them across a crash of a node), and driven by the same event publications as the
 * Lucene backend. A rebuild fills a new collection and moves the alias
 * ({@link SolrCollections}).
 * <p>
 * <b>Vectors.</b> With embeddings on, each document carries its segment's stored
 * embedding in the model's vector field (DenseVectorField, HNSW, cosine), written with
 * the document and again when {@code SegmentsEmbedded} reindexes the episode. Semantic
 * and hybrid search and similar segments run on them as in the Lucene backend
 * ({@link SolrVectorSearch}: Solr's knn parser, the keyword filters as its pre-filter,
 * {@link RankFusion}).
 */
@Service
@ConditionalOnProperty(name = SearchBackend.PROPERTY, havingValue = "solr")
class SolrSegmentSearch implements SegmentSearch, IndexMaintenance {

	private static final Logger log = LoggerFactory.getLogger(SolrSegmentSearch.class);

	/**
	 * Bump when the documents Podlens writes change: a collection of another version gets
	 * rebuilt.
	 */
	static final int SCHEMA_VERSION = 2;

	/** Relevance first; equal scores in the embedded backend's order. */
	private static final String ORDER = "score desc,episodeId asc,startMs asc";

	static final String HIT_FIELDS = "segmentId,episodeId,episodeTitle,index,startMs,endMs,speaker,text,"
			+ "contextSegments,score";

	/**
	 * Between a topic id, an episode id and a count in the topic fields; never in an id.
	 */
	static final char SEPARATOR = '\u001f';

	/** {@code Retry-After} of a read while Solr is away. */
	private static final int UNAVAILABLE_RETRY_SECONDS = 5;

	private final SolrApi api;

	private final SolrCollections collections;

	private final QueryTranslator translator;

	private final SegmentSource source;

	private final TopicMatches topics;

	private final EpisodeKeywords keywords = new EpisodeKeywords();

	private final int exactTotalUpTo;

	private final int rebuildBatchSize;

	private final long contextWindowMs;

	private final String schema;

	/** Semantic and hybrid search and similar segments, when embeddings are on. */
	private final @Nullable SolrVectorSearch vectors;

	/**
	 * Serializes every write that reads mentions with the write itself (as in the Lucene
	 * backend), and makes writes wait while a rebuild runs.
	 */
	private final ReentrantLock writes = new ReentrantLock();

	@Autowired
	SolrSegmentSearch(SolrSearchProperties solr, QueryTranslator translator, SegmentSource source, TopicMatches topics,
			SearchProperties properties, Optional<Embeddings> embeddings, SemanticSearchProperties semantic) {
		this(new SolrApi(solr.urls(), solr.connectTimeout(), solr.requestTimeout()), solr, translator, source, topics,
				properties, embeddings, semantic);
	}

	/**
	 * @param embeddings the embedding model and the stored vectors, absent when
	 * {@code podlens.embedding.enabled} is false
	 */
	SolrSegmentSearch(SolrApi api, SolrSearchProperties solr, QueryTranslator translator, SegmentSource source,
			TopicMatches topics, SearchProperties properties, Optional<Embeddings> embeddings,
			SemanticSearchProperties semantic) {
		if (embeddings.isEmpty()
				&& (semantic.defaultMode() == SearchMode.SEMANTIC || semantic.defaultMode() == SearchMode.HYBRID)) {
			throw new IllegalStateException("podlens.search.default-mode=" + semantic.defaultMode().value()
					+ " needs embeddings, but podlens.embedding.enabled is false");
		}
		this.api = api;
		this.collections = new SolrCollections(api, solr, SolrConfigset.load());
		this.translator = translator;
		this.source = source;
		this.topics = topics;
		this.exactTotalUpTo = properties.exactTotalUpTo();
		this.rebuildBatchSize = properties.rebuildBatchSize();
		this.contextWindowMs = properties.contextWindow().toMillis();
		// Vectors of another model (or none) make the collection stale: a rebuild holds
		// only the current model's.
		this.schema = SCHEMA_VERSION + ";context=" + this.contextWindowMs
				+ embeddings.map((model) -> ";vectors=" + model.modelId()).orElse("");
		this.vectors = embeddings
			.map((model) -> new SolrVectorSearch(this, model, translator, topics, semantic, this.exactTotalUpTo))
			.orElse(null);
		this.collections.ensure(this.schema);
		if (this.vectors != null) {
			this.vectors.checkField(api, this.collections.alias());
		}
	}

	SolrCollections collections() {
		return this.collections;
	}

	SolrApi api() {
		return this.api;
	}

	// ---------------------------------------------------------------- writes

	@Override
	public void index(Collection<StoredSegment> segments) {
		if (!segments.isEmpty()) {
			writeWithTopics(List.copyOf(segments));
			softCommit(this.collections.alias());
		}
	}

	@Override
	public void reindexEpisodes(Collection<Long> episodeIds) {
		List<Long> ids = List.copyOf(episodeIds);
		for (int from = 0; from < ids.size(); from += LuceneSegmentSearch.REINDEX_EPISODES) {
			List<StoredSegment> segments = this.source
				.segmentsOf(ids.subList(from, Math.min(ids.size(), from + LuceneSegmentSearch.REINDEX_EPISODES)));
			if (!segments.isEmpty()) {
				writeWithTopics(segments);
				softCommit(this.collections.alias());
			}
		}
	}

	@Override
	public Set<Long> reindexSegments(Collection<Long> segmentIds) {
		List<Long> ids = List.copyOf(segmentIds);
		Set<Long> episodeIds = new LinkedHashSet<>();
		for (int from = 0; from < ids.size(); from += LuceneSegmentSearch.REINDEX_SEGMENTS) {
			this.source
				.segmentsById(ids.subList(from, Math.min(ids.size(), from + LuceneSegmentSearch.REINDEX_SEGMENTS)))
				.forEach((segment) -> episodeIds.add(segment.episodeId()));
		}
		reindexEpisodes(episodeIds);
		return episodeIds;
	}

	/** Mentions are read and the documents sent under one lock; the commit outside it. */
	private void writeWithTopics(List<StoredSegment> segments) {
		this.writes.lock();
		try {
			SegmentTopics mentions = this.topics.of(segments);
			send(this.collections.alias(), Passages.of(segments, this.contextWindowMs), mentions, vectorsOf(segments));
		}
		finally {
			this.writes.unlock();
		}
	}

	/** The stored embeddings of the segments, read with their topics under the lock. */
	private SegmentVectors vectorsOf(Collection<StoredSegment> segments) {
		return (this.vectors != null) ? this.vectors.of(segments) : SegmentVectors.NONE;
	}

	private void send(String collection, List<Passages.Passage> passages, SegmentTopics mentions,
			SegmentVectors vectors) {
		if (passages.isEmpty()) {
			return;
		}
		List<Map<String, Object>> docs = new ArrayList<>(passages.size());
		for (Passages.Passage passage : passages) {
			docs.add(document(passage, mentions, vectors));
		}
		this.api.post(collection + "/update", Map.of(), this.api.toJson(docs), "application/json");
	}

	/** The Solr document of a segment: the fields of the Lucene document, as values. */
	static Map<String, Object> document(Passages.Passage passage, SegmentTopics mentions, SegmentVectors vectors) {
		StoredSegment segment = passage.segment();
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("id", segment.episodeId() + "!" + segment.segmentId());
		doc.put("segmentId", segment.segmentId());
		doc.put(SegmentDocuments.EPISODE_ID, segment.episodeId());
		doc.put(SegmentDocuments.EPISODE_TITLE, segment.episodeTitle());
		if (segment.podcast() != null) {
			doc.put(SegmentDocuments.PODCAST, segment.podcast());
		}
		if (segment.language() != null) {
			doc.put(SegmentDocuments.LANGUAGE, segment.language());
		}
		if (segment.speaker() != null) {
			doc.put(SegmentDocuments.SPEAKER, segment.speaker());
		}
		doc.put(SegmentDocuments.INDEX, segment.index());
		doc.put(SegmentDocuments.START_MS, segment.startMs());
		doc.put(SegmentDocuments.END_MS, segment.endMs());
		doc.put(SegmentDocuments.TEXT, segment.text());
		if (!passage.following().isEmpty()) {
			doc.put(SegmentDocuments.CONTEXT, passage.following().stream().map(StoredSegment::text).toList());
			doc.put(SegmentDocuments.CONTEXT_SEGMENTS, passage.following().size());
		}
		Map<String, Integer> topics = mentions.of(segment.segmentId());
		if (!topics.isEmpty()) {
			List<String> ids = new ArrayList<>();
			List<String> counts = new ArrayList<>();
			List<String> byEpisode = new ArrayList<>();
			topics.forEach((topicId, count) -> {
				ids.add(topicId);
				counts.add(topicId + SEPARATOR + count);
				byEpisode.add(topicId + SEPARATOR + segment.episodeId() + SEPARATOR + count);
			});
			doc.put(SegmentDocuments.TOPIC, ids);
			doc.put(SegmentDocuments.TOPIC_MENTIONS, counts);
			doc.put(SolrTopicCounts.FIELD, byEpisode);
		}
		float[] vector = vectors.of(segment.segmentId());
		if (vector != null) {
			doc.put(vectors.field(), vector);
		}
		return doc;
	}

	/** Makes the collection's writes searchable before returning. */
	private void softCommit(String collection) {
		this.api.post(collection + "/update", Map.of("commit", "true", "softCommit", "true", "waitSearcher", "true"),
				"[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
	}

	@Override
	public void deleteEpisode(long episodeId) {
		this.writes.lock();
		try {
			byte[] delete = this.api.toJson(Map.of("delete", Map.of("query", "episodeId:" + episodeId)));
			this.api.post(this.collections.alias() + "/update", Map.of(), delete, "application/json");
		}
		finally {
			this.writes.unlock();
		}
		softCommit(this.collections.alias());
	}

	@Override
	public RebuildReport rebuild() {
		long started = System.nanoTime();
		long count = 0;
		this.writes.lock();
		try {
			String previous = this.collections.target();
			String next = this.collections.create(this.collections.nextGeneration());
			try {
				Passages.Stream passages = new Passages.Stream(this.contextWindowMs);
				long[] written = new long[1];
				this.source.forEachBatch(this.rebuildBatchSize, (batch) -> {
					// Stored embeddings go into the new collection as they are: nothing
					// is embedded again.
					Passages.Ready ready = passages.accept(batch, this.topics.of(batch), vectorsOf(batch));
					send(next, ready.passages(), ready.topics(), ready.vectors());
					written[0] += ready.passages().size();
				});
				Passages.Ready rest = passages.finish();
				send(next, rest.passages(), rest.topics(), rest.vectors());
				count = written[0] + rest.passages().size();
				this.api.post(next + "/update", Map.of("commit", "true", "waitSearcher", "true"),
						"[]".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
				this.collections.point(next, this.schema);
			}
			catch (RuntimeException ex) {
				try {
					this.collections.delete(next);
				}
				catch (RuntimeException cleanup) {
					ex.addSuppressed(cleanup);
				}
				throw ex;
			}
			if (previous != null && !previous.equals(next)) {
				this.collections.delete(previous);
			}
		}
		finally {
			this.writes.unlock();
		}
		RebuildReport report = new RebuildReport(count, (System.nanoTime() - started) / 1_000_000);
		log.info("Rebuilt the Solr collection behind {}: {} segments in {} ms", this.collections.alias(),
				report.segments(), report.tookMs());
		return report;
	}

	@Override
	public boolean rebuildIfStale() {
		IndexStats stats = stats();
		long dbCount = this.source.segmentCount();
		long dbMax = this.source.maxSegmentId();
		boolean schemaCurrent = this.schema.equals(this.collections.schema());
		boolean stale = stats.documents() != dbCount || stats.maxSegmentId() < dbMax || !schemaCurrent;
		if (stale) {
			log.info(
					"Solr collection is stale ({} documents, max segment id {}, schema {}; database {} segments, "
							+ "max id {}, schema {})",
					stats.documents(), stats.maxSegmentId(), this.collections.schema(), dbCount, dbMax, this.schema);
			rebuild();
		}
		return stale;
	}

	// ---------------------------------------------------------------- reads

	@Override
	public IndexStats stats() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(new MatchAllDocsQuery()));
		params.put("rows", 1);
		params.put("fl", "segmentId");
		params.put("sort", "segmentId desc");
		JsonNode response = select(params).path("response");
		JsonNode docs = response.path("docs");
		long max = docs.isEmpty() ? 0 : docs.get(0).path("segmentId").asLong();
		long documents = response.path("numFound").asLong();
		return (this.vectors == null) ? new IndexStats(documents, max)
				: new IndexStats(documents, max, this.vectors.vectors());
	}

	@Override
	public Set<Long> episodesMentioning(String topicId) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(new TermQuery(new Term(SegmentDocuments.TOPIC, topicId))));
		params.put("rows", 0);
		params.put("facet", "true");
		params.put("facet.field", SegmentDocuments.EPISODE_ID);
		params.put("facet.limit", -1);
		params.put("facet.mincount", 1);
		Set<Long> episodes = new HashSet<>();
		forEachFacetValue(select(params), SegmentDocuments.EPISODE_ID,
				(value, count) -> episodes.add(Long.parseLong(value)));
		return episodes;
	}

	@Override
	public SearchResult search(SearchQuery query) {
		if (query.mode() != SearchMode.KEYWORD) {
			return meaning(query).search(query);
		}
		Query restriction = (query.topic() != null) ? this.topics.ofTopic(query.topic()) : null;
		List<Tier> tiers = Tier.keyword(this.translator, this.topics, query, restriction);
		int from = query.page() * query.size();
		List<SearchHit> hits = new ArrayList<>(query.size());
		long total = 0;
		boolean exact = true;
		for (Tier tier : tiers) {
			if (!exact && hits.size() == query.size()) {
				break;
			}
			int tierFrom = (int) Math.max(0, from - total);
			int count = query.size() - hits.size();
			JsonNode response = page(tier.query(), (count <= 0) ? 0 : tierFrom, Math.max(0, count),
					(int) Math.min(Integer.MAX_VALUE, Math.max(this.exactTotalUpTo, (long) tierFrom + count)));
			total += response.path("numFound").asLong();
			exact &= response.path("numFoundExact").asBoolean(true);
			if (count > 0) {
				hits.addAll(hitsOf(tier, response.path("docs")));
			}
		}
		return new SearchResult(total, exact, query.page(), query.size(), hits);
	}

	private SolrVectorSearch meaning(SearchQuery query) {
		if (this.vectors == null) {
			throw InvalidInputException.forField("mode", query.mode().value()
					+ " search is not available: embeddings are disabled (podlens.embedding.enabled=false)");
		}
		return this.vectors;
	}

	private JsonNode page(Query query, int start, int rows, int exactUpTo) {
		return page(query, start, rows, exactUpTo, HIT_FIELDS);
	}

	/** A page of a query's hits in {@link #ORDER}: {@code response} with the fields. */
	JsonNode page(Query query, int start, int rows, int exactUpTo, String fields) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(query));
		params.put("fl", fields);
		params.put("sort", ORDER);
		params.put("start", start);
		params.put("rows", rows);
		params.put("minExactCount", exactUpTo);
		return select(params).path("response");
	}

	/**
	 * A read of the collection. When no node answers, or Solr says a shard has no live
	 * replica (503), the client gets a 503 problem with {@code Retry-After} rather than a
	 * 500: nothing is wrong with the request, and the data is safe in the database.
	 */
	JsonNode select(Map<String, Object> params) {
		try {
			return this.api.form(this.collections.alias() + "/select", params);
		}
		catch (SolrRequestException ex) {
			if (ex.getMessage().contains("maxClauseCount") || ex.getMessage().contains("too many clauses")) {
				throw QueryTranslator.tooManyClauses();
			}
			if (ex.status() == 0 || ex.status() == 503) {
				log.warn("Search index unavailable: {}", ex.getMessage());
				throw new UnavailableException(
						"The search index (Solr) is not available at the moment: no node answered, or a shard of the "
								+ "collection has no live replica. Stored episodes are safe; try again shortly.",
						UNAVAILABLE_RETRY_SECONDS, Map.of("backend", "solr"));
			}
			throw ex;
		}
	}

	/** The hits of one tier's page, with the tier's snippets and {@code matchedBy}. */
	private List<SearchHit> hitsOf(Tier tier, JsonNode docs) {
		List<JsonNode> page = new ArrayList<>();
		docs.forEach(page::add);
		return hitsOf(tier, page);
	}

	/** The hits of documents one tier matched, in the given order. */
	List<SearchHit> hitsOf(Tier tier, List<JsonNode> page) {
		String[] texts = page.stream()
			.map((doc) -> doc.path(SegmentDocuments.TEXT).asString(""))
			.toArray(String[]::new);
		List<SearchHit> hits = new ArrayList<>(page.size());
		switch (tier.kind()) {
			case EXACT -> {
				Query highlight = (tier.highlight() != null) ? tier.highlight() : tier.query();
				String[] snippets = Snippets.ofTexts(highlight, texts);
				Map<Integer, List<String>> following = (tier.highlight() != null) ? followingTexts(page, snippets)
						: Map.of();
				for (int i = 0; i < page.size(); i++) {
					String snippet = snippets[i];
					String matchedBy = SearchHit.EXACT;
					if (snippet == null) {
						String passage = following.containsKey(i)
								? passage(texts[i], following.get(i), tier.highlight()) : null;
						snippet = (passage != null) ? passage : Snippets.plain(texts[i]);
						matchedBy = (passage != null) ? SearchHit.PASSAGE : SearchHit.EXACT;
					}
					hits.add(hit(page.get(i), snippet, matchedBy));
				}
			}
			case SOUND -> {
				String[] snippets = Snippets.soundsLike(tier.soundPart(), texts);
				for (int i = 0; i < page.size(); i++) {
					hits.add(hit(page.get(i), snippets[i], SearchHit.SOUNDS_LIKE));
				}
			}
			case MENTIONS -> {
				Map<Long, List<Mention>> mentions = this.topics
					.mentionsIn(page.stream().map((doc) -> doc.path("segmentId").asLong()).toList(), tier.topicIds());
				for (int i = 0; i < page.size(); i++) {
					List<Mention> ofSegment = mentions.getOrDefault(page.get(i).path("segmentId").asLong(), List.of());
					String snippet = Snippets.marked(texts[i],
							ofSegment.stream().map((m) -> new int[] { m.start(), m.end() }).toList());
					hits.add(hit(page.get(i), snippet, tier.matchedBy(ofSegment)));
				}
			}
		}
		return hits;
	}

	private static @Nullable String passage(String text, List<String> following, Query highlight) {
		try {
			return Snippets.passage(text, following, highlight);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The texts of the contexts of the hits whose own text has no match (one request for
	 * the page), by position on the page.
	 */
	private Map<Integer, List<String>> followingTexts(List<JsonNode> page, @Nullable String[] snippets) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		Map<Integer, long[]> wanted = new LinkedHashMap<>();
		int rows = 0;
		for (int i = 0; i < page.size(); i++) {
			int following = page.get(i).path(SegmentDocuments.CONTEXT_SEGMENTS).asInt(0);
			if (snippets[i] != null || following == 0) {
				continue;
			}
			long episodeId = page.get(i).path(SegmentDocuments.EPISODE_ID).asLong();
			int index = page.get(i).path(SegmentDocuments.INDEX).asInt();
			wanted.put(i, new long[] { episodeId, index, following });
			rows += following;
			any.add(new BooleanQuery.Builder()
				.add(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId), Occur.FILTER)
				.add(IntPoint.newRangeQuery(SegmentDocuments.INDEX, index + 1, index + following), Occur.FILTER)
				.build(), Occur.SHOULD);
		}
		if (wanted.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(any.build()));
		params.put("fl", "episodeId,index,text");
		params.put("rows", rows);
		Map<Long, TreeMap<Integer, String>> texts = new HashMap<>();
		for (JsonNode doc : select(params).path("response").path("docs")) {
			texts.computeIfAbsent(doc.path(SegmentDocuments.EPISODE_ID).asLong(), (e) -> new TreeMap<>())
				.put(doc.path(SegmentDocuments.INDEX).asInt(), doc.path(SegmentDocuments.TEXT).asString(""));
		}
		Map<Integer, List<String>> byHit = new HashMap<>();
		wanted.forEach((i, hit) -> {
			TreeMap<Integer, String> ofEpisode = texts.getOrDefault(hit[0], new TreeMap<>());
			byHit.put(i, List.copyOf(ofEpisode.subMap((int) hit[1] + 1, true, (int) (hit[1] + hit[2]), true).values()));
		});
		return byHit;
	}

	static SearchHit hit(JsonNode doc, String snippet, String matchedBy) {
		JsonNode speaker = doc.get(SegmentDocuments.SPEAKER);
		return new SearchHit(doc.path(SegmentDocuments.EPISODE_ID).asLong(),
				doc.path(SegmentDocuments.EPISODE_TITLE).asString(""), doc.path(SegmentDocuments.INDEX).asInt(),
				doc.path(SegmentDocuments.START_MS).asLong(), doc.path(SegmentDocuments.END_MS).asLong(),
				(speaker != null) ? speaker.asString() : null, doc.path(SegmentDocuments.TEXT).asString(""), snippet,
				(float) doc.path("score").asDouble(), matchedBy, Snippets.markedTerms(snippet));
	}

	@Override
	public void validate(SearchQuery query) {
		if (query.mode() != SearchMode.KEYWORD) {
			meaning(query);
		}
		this.translator.check(query);
	}

	@Override
	public boolean searchesByMeaning() {
		return this.vectors != null;
	}

	@Override
	public boolean holdsEpisode(long episodeId) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)));
		params.put("rows", 0);
		return select(params).path("response").path("numFound").asLong() > 0;
	}

	@Override
	public Optional<List<Keyword>> keywords(long episodeId, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)));
		params.put("fl", "text");
		params.put("rows", 0);
		long segments = select(params).path("response").path("numFound").asLong();
		if (segments == 0) {
			return Optional.empty();
		}
		params.put("rows", segments);
		params.put("sort", "startMs asc");
		List<String> texts = new ArrayList<>();
		select(params).path("response").path("docs").forEach((doc) -> texts.add(doc.path("text").asString("")));
		long corpus = stats().documents();
		try {
			return Optional.of(this.keywords.of(texts, corpus, this::docFreqs, limit));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Segments of the whole collection containing each word: one query facet per word.
	 */
	private Map<String, Long> docFreqs(Collection<String> words) {
		Map<String, Long> frequencies = new HashMap<>();
		List<String> all = List.copyOf(words);
		for (int from = 0; from < all.size(); from += 200) {
			List<String> part = all.subList(from, Math.min(all.size(), from + 200));
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("defType", "podlens");
			params.put("q", QueryCodec.encode(new MatchAllDocsQuery()));
			params.put("rows", 0);
			Map<String, Object> facets = new LinkedHashMap<>();
			for (int i = 0; i < part.size(); i++) {
				params.put("w" + i, QueryCodec.encode(new TermQuery(new Term(SegmentDocuments.WORDS, part.get(i)))));
				facets.put("w" + i, Map.of("type", "query", "q", "{!podlens v=$w" + i + "}"));
			}
			params.put("json.facet", new String(this.api.toJson(facets), java.nio.charset.StandardCharsets.UTF_8));
			JsonNode counts = select(params).path("facets");
			for (int i = 0; i < part.size(); i++) {
				frequencies.put(part.get(i), counts.path("w" + i).path("count").asLong(0));
			}
		}
		return frequencies;
	}

	@Override
	public SimilarSegments similar(long episodeId, int segmentIndex, int size) {
		if (this.vectors == null) {
			ownSegment(episodeId, segmentIndex);
			throw new ConflictException(
					"Similar segments need embeddings, which are disabled (podlens.embedding.enabled=false)",
					Map.of("episodeId", episodeId, "segmentIndex", segmentIndex));
		}
		return this.vectors.similar(episodeId, segmentIndex, size);
	}

	/**
	 * The segment's document (segment id, start, text).
	 * @throws NotFoundException when the index holds no such episode or segment
	 */
	JsonNode ownSegment(long episodeId, int segmentIndex) {
		JsonNode own = page(SegmentDocuments.segment(episodeId, segmentIndex), 0, 1, 1, "segmentId,startMs,text");
		if (own.path("numFound").asLong() == 0) {
			if (page(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId), 0, 0, 1).path("numFound")
				.asLong() == 0) {
				throw new NotFoundException("Episode", episodeId);
			}
			throw new NotFoundException("Segment", segmentIndex + " of episode " + episodeId);
		}
		return own.path("docs").get(0);
	}

	/** Calls {@code visitor} for each value and count of a field facet. */
	static void forEachFacetValue(JsonNode response, String field,
			java.util.function.BiConsumer<String, Long> visitor) {
		JsonNode values = response.path("facet_counts").path("facet_fields").path(field);
		for (int i = 0; i + 1 < values.size(); i += 2) {
			visitor.accept(values.get(i).asString(), values.get(i + 1).asLong());
		}
	}

}
