package io.podlens.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A segment that matched a query.
 *
 * @param episodeId id of the episode
 * @param episodeTitle title of the episode
 * @param segmentIndex 0-based position of the segment in the episode
 * @param startMs start time in milliseconds
 * @param endMs end time in milliseconds
 * @param speaker speaker name, may be {@code null}
 * @param text the segment text, unescaped
 * @param snippet HTML: the segment text (or its best part when long) escaped, with
 * {@code <mark>} around matches; for a {@code passage} hit the segment text followed by
 * its context, where the matches are
 * @param score relevance, higher is better: BM25 in keyword mode (only comparable within
 * one tier of {@code matchedBy}), the cosine similarity in semantic mode, the fused
 * reciprocal-rank score in hybrid mode
 * @param matchedBy how the segment matched: {@code exact} (the words as queried, folded
 * for script, case and width, or their equivalents in the other language by cross-lingual
 * expansion: an English query's Chinese terms), {@code passage} (the same, but only in
 * the segments that follow within the context window: the passage starting here says it),
 * {@code alias} (another name of a topic the query names), {@code sounds-like} (a
 * misheard or homophone spelling) or {@code semantic} (only by meaning: its embedding is
 * near the query's)
 * @param matchedTerms the text that matched, as written (for a hit through cross-lingual
 * expansion the equivalents, such as 推理 for inference)
 * @param keywordRank 1-based rank of the segment in the keyword ranking of a hybrid
 * search, {@code null} when the keyword query did not rank it (or in the other modes)
 * @param semanticRank 1-based rank among the segments nearest to the query (semantic and
 * hybrid mode), {@code null} when it is not among them
 * @param semanticScore cosine similarity of the segment's and the query's embedding, when
 * ranked semantically
 */
public record SearchHit(long episodeId, String episodeTitle, int segmentIndex, long startMs, long endMs,
		@Nullable String speaker, String text, String snippet, float score, String matchedBy, List<String> matchedTerms,
		@Nullable Integer keywordRank, @Nullable Integer semanticRank, @Nullable Float semanticScore) {

	public static final String EXACT = "exact";

	public static final String PASSAGE = "passage";

	public static final String ALIAS = "alias";

	public static final String SOUNDS_LIKE = "sounds-like";

	public static final String SEMANTIC = "semantic";

	public SearchHit {
		matchedTerms = List.copyOf(matchedTerms);
	}

	/** A keyword hit. */
	public SearchHit(long episodeId, String episodeTitle, int segmentIndex, long startMs, long endMs,
			@Nullable String speaker, String text, String snippet, float score, String matchedBy,
			List<String> matchedTerms) {
		this(episodeId, episodeTitle, segmentIndex, startMs, endMs, speaker, text, snippet, score, matchedBy,
				matchedTerms, null, null, null);
	}

	/** This hit with its score and ranks in a semantic or hybrid search. */
	SearchHit ranked(float score, @Nullable Integer keywordRank, @Nullable Integer semanticRank,
			@Nullable Float semanticScore) {
		return new SearchHit(this.episodeId, this.episodeTitle, this.segmentIndex, this.startMs, this.endMs,
				this.speaker, this.text, this.snippet, score, this.matchedBy, this.matchedTerms, keywordRank,
				semanticRank, semanticScore);
	}

}
