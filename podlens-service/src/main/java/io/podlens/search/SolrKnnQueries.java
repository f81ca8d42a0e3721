package io.podlens.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

import io.podlens.text.lucene.QueryCodec;

/**
 * The Solr requests of searches by meaning: Solr's {@code knn} query parser on a vector
 * field ({@code {!knn f=... topK=...}[v1,v2,...]}), with the filters Podlens builds sent
 * as {@code fq} to the plugin's {@code podlens} parser. Solr 9 uses a knn query's filter
 * queries as its pre-filter: the HNSW search looks for the {@code topK} nearest among the
 * documents that pass them, on each shard, and the shards' lists are merged by score.
 */
final class SolrKnnQueries {

	/** Nearest first; equal scores in the keyword order's tie-break. */
	static final String ORDER = "score desc,episodeId asc,startMs asc";

	private SolrKnnQueries() {
	}

	/**
	 * The {@code topK} documents nearest to the vector in the field that pass the filter,
	 * with their ids and scores ({@code (1 + cosine) / 2}), best first.
	 */
	static Map<String, Object> nearest(String field, float[] vector, int topK, @Nullable Query filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("q", knn(field, vector, topK));
		if (filter != null) {
			params.put("fq", podlens(filter));
		}
		params.put("fl", "id,score");
		params.put("sort", ORDER);
		params.put("rows", topK);
		return params;
	}

	/** The knn query parser's query. */
	static String knn(String field, float[] vector, int topK) {
		StringBuilder q = new StringBuilder(32 + vector.length * 12);
		q.append("{!knn f=").append(field).append(" topK=").append(topK).append("}[");
		for (int i = 0; i < vector.length; i++) {
			if (i > 0) {
				q.append(',');
			}
			q.append(vector[i]);
		}
		return q.append(']').toString();
	}

	/** A Lucene query as a filter query of the plugin's parser. */
	static String podlens(Query query) {
		return "{!podlens}" + QueryCodec.encode(query);
	}

	/**
	 * Every document outside the episode (a pure exclusion matches nothing in Lucene).
	 */
	static Query otherEpisodes(Query episode) {
		return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
			.add(episode, Occur.MUST_NOT)
			.build();
	}

	/** The documents with these ids ({@code episodeId!segmentId}). */
	static Query ids(Collection<String> ids) {
		return new TermInSetQuery("id", ids.stream().map(BytesRef::new).toList());
	}

	/** The documents with these ids that {@code query} matches. */
	static Query among(Query query, Collection<String> ids) {
		return new BooleanQuery.Builder().add(query, Occur.FILTER).add(ids(ids), Occur.FILTER).build();
	}

}
