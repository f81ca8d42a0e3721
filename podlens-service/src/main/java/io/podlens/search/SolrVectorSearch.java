package io.podlens.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.embedding.Embeddings;
import io.podlens.episode.StoredSegment;
import io.podlens.text.lucene.QueryCodec;

/**
 * Semantic and hybrid search and similar segments on the Solr collection, as
 * {@link LuceneSegmentSearch} does them on the embedded index: the nearest segments by
 * the knn query parser within the keyword search's filters ({@link SolrKnnQueries}),
 * alone or fused with the keyword ranking by {@link RankFusion}; the same totals, paging
 * and {@code matchedBy}. Similar segments start from the segment's vector as the database
 * stores it.
 */
final class SolrVectorSearch {

	private final SolrSegmentSearch solr;

	private final Embeddings model;

	private final String field;

	private final QueryTranslator translator;

	private final TopicMatches topics;

	private final SemanticSearchProperties semantic;

	private final RankFusion fusion;

	private final int exactTotalUpTo;

	SolrVectorSearch(SolrSegmentSearch solr, Embeddings model, QueryTranslator translator, TopicMatches topics,
			SemanticSearchProperties semantic, int exactTotalUpTo) {
		this.solr = solr;
		this.model = model;
		this.field = SegmentDocuments.vectorField(model.modelId());
		this.translator = translator;
		this.topics = topics;
		this.semantic = semantic;
		this.fusion = new RankFusion(semantic.rrfK(), semantic.keywordWeight(), semantic.semanticWeight());
		this.exactTotalUpTo = exactTotalUpTo;
	}

	/**
	 * The configset has one vector field per model the service ships; a model without one
	 * (or of another length) stops the start rather than every write.
	 */
	void checkField(SolrApi api, String collection) {
		String field = this.field;
		Embeddings model = this.model;
		JsonNode type;
		try {
			String typeName = api.get(collection + "/schema/fields/" + field, Map.of())
				.path("field")
				.path("type")
				.asString();
			type = api.get(collection + "/schema/fieldtypes/" + typeName, Map.of()).path("fieldType");
		}
		catch (SolrRequestException ex) {
			throw new IllegalStateException("The Solr configset has no vector field " + field + " for the embedding "
					+ "model " + model.modelId() + " (podlens-solr schema.xml): " + ex.getMessage(), ex);
		}
		int dimensions = type.path("vectorDimension").asInt(-1);
		if (dimensions != model.dimensions()) {
			throw new IllegalStateException("The Solr vector field " + field + " has " + dimensions
					+ " dimensions, but the embedding model " + model.modelId() + " makes " + model.dimensions());
		}
	}

	/** The stored embeddings of the segments (those the model has embedded). */
	SegmentVectors of(Collection<StoredSegment> segments) {
		if (segments.isEmpty()) {
			return SegmentVectors.NONE;
		}
		return new SegmentVectors(this.field,
				this.model.vectorsOf(segments.stream().map(StoredSegment::segmentId).toList()));
	}

	/** A semantic or hybrid search. */
	SearchResult search(SearchQuery query) {
		String text = SemanticText.of(query.q());
		if (text.isBlank()) {
			throw InvalidInputException.forField("q", "has no words to search by meaning");
		}
		boolean hybrid = query.mode() == SearchMode.HYBRID;
		Query restriction = (query.topic() != null) ? this.topics.ofTopic(query.topic()) : null;
		Query filter = this.translator.vectorFilter(query, restriction);
		List<Tier> tiers = hybrid ? Tier.keyword(this.translator, this.topics, query, restriction) : List.of();
		int end = (query.page() + 1) * query.size();
		int depth = Math.max(hybrid ? this.semantic.fusionDepth() : this.semantic.semanticCandidates(), end);
		// The query's embedding runs beside the keyword ranking of a hybrid search; the
		// knn request follows here (not on the embedding thread, which an HTTP round
		// trip would keep from the next query's embedding).
		CompletableFuture<float[]> vector = this.model.embedQueryAsync(text);
		return hybrid ? hybrid(query, tiers, vector, filter, depth)
				: semantic(query, nearest(Futures.await(vector), depth, filter), depth);
	}

	private SearchResult semantic(SearchQuery query, List<Near> found, int k) {
		List<Near> ranked = aboveMinScore(found);
		int from = query.page() * query.size();
		List<Near> page = (from < ranked.size()) ? ranked.subList(from, Math.min(ranked.size(), from + query.size()))
				: List.of();
		Map<String, JsonNode> docs = docs(page.stream().map(Near::id).toList());
		List<SearchHit> hits = new ArrayList<>(page.size());
		for (int i = 0; i < page.size(); i++) {
			Near near = page.get(i);
			hits.add(semanticHit(docs.get(near.id())).ranked(near.cosine(), null, from + i + 1, near.cosine()));
		}
		// The k nearest are all there is to a semantic search; fewer means the filters
		// (or the minimum score) left no more.
		return new SearchResult(ranked.size(), found.size() < k || ranked.size() < found.size(), query.page(),
				query.size(), hits);
	}

	private SearchResult hybrid(SearchQuery query, List<Tier> tiers, CompletableFuture<float[]> vector,
			@Nullable Query filter, int depth) {
		KeywordRanking keyword = keywordRanking(tiers, depth);
		List<Near> near = aboveMinScore(nearest(Futures.await(vector), depth, filter));
		// Fusion works on ordinals: the documents of both rankings numbered as they come.
		Map<String, Integer> ordinals = new HashMap<>();
		List<String> ids = new ArrayList<>();
		List<Integer> keywordOrder = keyword.ids().stream().map((id) -> ordinal(id, ordinals, ids)).toList();
		Map<String, Float> cosines = new HashMap<>();
		List<Integer> semanticOrder = new ArrayList<>(near.size());
		List<String> notRanked = new ArrayList<>();
		for (Near doc : near) {
			cosines.put(doc.id(), doc.cosine());
			semanticOrder.add(ordinal(doc.id(), ordinals, ids));
			if (!keyword.tiers().containsKey(doc.id())) {
				notRanked.add(doc.id());
			}
		}
		List<RankFusion.Fused> fused = this.fusion.fuse(keywordOrder, semanticOrder);
		// Every keyword match, plus the nearest segments the keyword query does not
		// match; when the ranking holds every keyword match, the others match no tier.
		boolean rankingHoldsAll = keyword.exact() && keyword.total() <= keyword.ids().size();
		long nearAndKeyword = (near.size() - notRanked.size()) + ((rankingHoldsAll || notRanked.isEmpty()) ? 0
				: count(SolrKnnQueries.among(anyTier(tiers), notRanked)));
		long total = keyword.total() + (near.size() - nearAndKeyword);
		int from = query.page() * query.size();
		List<RankFusion.Fused> page = (from < fused.size())
				? fused.subList(from, Math.min(fused.size(), from + query.size())) : List.of();
		Map<String, JsonNode> docs = docs(page.stream().map((f) -> ids.get(f.doc())).toList());
		// Keyword hits get their tier's snippet; hits by meaning only the plain text.
		Map<String, SearchHit> built = new HashMap<>();
		for (int t = 0; t < tiers.size(); t++) {
			int tier = t;
			List<String> ofTier = page.stream()
				.map((f) -> ids.get(f.doc()))
				.filter((id) -> keyword.tiers().getOrDefault(id, -1) == tier)
				.toList();
			if (!ofTier.isEmpty()) {
				List<SearchHit> hits = this.solr.hitsOf(tiers.get(tier), ofTier.stream().map(docs::get).toList());
				for (int i = 0; i < ofTier.size(); i++) {
					built.put(ofTier.get(i), hits.get(i));
				}
			}
		}
		List<SearchHit> hits = new ArrayList<>(page.size());
		for (RankFusion.Fused entry : page) {
			String id = ids.get(entry.doc());
			Float cosine = cosines.get(id);
			SearchHit hit = built.get(id);
			if (hit == null) {
				hit = semanticHit(docs.get(id));
			}
			hits.add(hit.ranked((float) entry.score(), entry.keywordRank(), entry.semanticRank(), cosine));
		}
		return new SearchResult(total, keyword.exact(), query.page(), query.size(), hits);
	}

	private static int ordinal(String id, Map<String, Integer> ordinals, List<String> ids) {
		return ordinals.computeIfAbsent(id, (key) -> {
			ids.add(key);
			return ids.size() - 1;
		});
	}

	/**
	 * The keyword ranking to {@code depth}: the tiers in order, as keyword mode pages
	 * them.
	 */
	private KeywordRanking keywordRanking(List<Tier> tiers, int depth) {
		List<String> ids = new ArrayList<>();
		Map<String, Integer> tierOf = new HashMap<>();
		long total = 0;
		boolean exact = true;
		int threshold = Math.max(this.exactTotalUpTo, depth);
		for (int t = 0; t < tiers.size(); t++) {
			int wanted = Math.max(0, depth - ids.size());
			JsonNode response = this.solr.page(tiers.get(t).query(), 0, wanted, threshold, "id");
			total += response.path("numFound").asLong();
			exact &= response.path("numFoundExact").asBoolean(true);
			for (JsonNode doc : response.path("docs")) {
				String id = doc.path("id").asString();
				if (tierOf.putIfAbsent(id, t) == null) {
					ids.add(id);
				}
			}
		}
		return new KeywordRanking(ids, tierOf, total, exact);
	}

	/** A keyword ranking: ids in order, the tier of each, the count. */
	private record KeywordRanking(List<String> ids, Map<String, Integer> tiers, long total, boolean exact) {
	}

	private static Query anyTier(List<Tier> tiers) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		tiers.forEach((tier) -> any.add(tier.query(), Occur.SHOULD));
		return any.build();
	}

	/** Segments of other episodes nearest to the segment's stored vector. */
	SimilarSegments similar(long episodeId, int segmentIndex, int size) {
		Query episode = LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId);
		JsonNode own = this.solr.ownSegment(episodeId, segmentIndex);
		long segmentId = own.path(SegmentDocuments.SEGMENT_ID).asLong();
		float[] vector = this.model.vectorsOf(List.of(segmentId)).get(segmentId);
		if (vector == null) {
			throw new ConflictException(
					"Segment " + segmentIndex + " of episode " + episodeId
							+ " has no embedding yet: embedding runs in the background after an import "
							+ "(progress: GET /api/admin/embeddings); try again later",
					Map.of("episodeId", episodeId, "segmentIndex", segmentIndex));
		}
		List<Near> near = nearest(vector, size, SolrKnnQueries.otherEpisodes(episode));
		Map<String, JsonNode> docs = docs(near.stream().map(Near::id).toList());
		List<SearchHit> hits = new ArrayList<>(near.size());
		for (int i = 0; i < near.size(); i++) {
			float cosine = near.get(i).cosine();
			hits.add(semanticHit(docs.get(near.get(i).id())).ranked(cosine, null, i + 1, cosine));
		}
		return new SimilarSegments(episodeId, segmentIndex, own.path(SegmentDocuments.START_MS).asLong(),
				own.path(SegmentDocuments.TEXT).asString(""), hits);
	}

	/** The {@code k} nearest documents that pass the filter, best first. */
	private List<Near> nearest(float[] vector, int k, @Nullable Query filter) {
		JsonNode docs = this.solr.select(SolrKnnQueries.nearest(this.field, vector, k, filter))
			.path("response")
			.path("docs");
		List<Near> nearest = new ArrayList<>(docs.size());
		for (JsonNode doc : docs) {
			if (nearest.size() == k) {
				break;
			}
			nearest.add(
					new Near(doc.path("id").asString(), SegmentDocuments.cosine((float) doc.path("score").asDouble())));
		}
		return nearest;
	}

	/** One of the nearest documents and its cosine similarity. */
	private record Near(String id, float cosine) {
	}

	/** The nearest at or above {@code podlens.search.semantic-min-score}. */
	private List<Near> aboveMinScore(List<Near> nearest) {
		if (this.semantic.semanticMinScore() <= 0) {
			return nearest;
		}
		int kept = 0;
		while (kept < nearest.size() && nearest.get(kept).cosine() >= this.semantic.semanticMinScore()) {
			kept++;
		}
		return nearest.subList(0, kept);
	}

	/** The hit fields of the documents, by id (one request). */
	private Map<String, JsonNode> docs(Collection<String> ids) {
		Map<String, JsonNode> docs = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return docs;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(SolrKnnQueries.ids(ids)));
		params.put("fl", "id," + SolrSegmentSearch.HIT_FIELDS);
		params.put("rows", ids.size());
		for (JsonNode doc : this.solr.select(params).path("response").path("docs")) {
			docs.put(doc.path("id").asString(), doc);
		}
		return docs;
	}

	private long count(Query query) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("defType", "podlens");
		params.put("q", QueryCodec.encode(query));
		params.put("rows", 0);
		return this.solr.select(params).path("response").path("numFound").asLong();
	}

	/** Segments with a vector of the current model. */
	long vectors() {
		return count(new FieldExistsQuery(this.field));
	}

	/** A hit found by meaning only: no words to mark. */
	private static SearchHit semanticHit(JsonNode doc) {
		return SolrSegmentSearch.hit(doc, Snippets.plain(doc.path(SegmentDocuments.TEXT).asString("")),
				SearchHit.SEMANTIC);
	}

}
