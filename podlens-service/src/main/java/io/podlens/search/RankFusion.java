package io.podlens.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009) of a keyword and a
 * semantic ranking: a document at 1-based rank r of a ranking gets
 * {@code weight / (k + r)} from it, and the sum orders the fused list. Ranks, not scores,
 * are fused, so BM25 and cosine similarity need no common scale; a document near the top
 * of both rankings beats one at the top of only one. Lucene 9.12 has no fusion of its
 * own.
 */
final class RankFusion {

	private final int k;

	private final double keywordWeight;

	private final double semanticWeight;

	RankFusion(int k, double keywordWeight, double semanticWeight) {
		this.k = k;
		this.keywordWeight = keywordWeight;
		this.semanticWeight = semanticWeight;
	}

	/**
	 * The fused list, best first. Equal fused scores are ordered by the better of the two
	 * ranks, then by the keyword rank, then by document.
	 * @param keyword documents in keyword rank order
	 * @param semantic documents in semantic rank order
	 */
	List<Fused> fuse(List<Integer> keyword, List<Integer> semantic) {
		Map<Integer, Fused> byDoc = new HashMap<>();
		for (int i = 0; i < keyword.size(); i++) {
			int doc = keyword.get(i);
			byDoc.merge(doc, new Fused(doc, i + 1, null, this.keywordWeight / (this.k + i + 1)), Fused::plus);
		}
		for (int i = 0; i < semantic.size(); i++) {
			int doc = semantic.get(i);
			byDoc.merge(doc, new Fused(doc, null, i + 1, this.semanticWeight / (this.k + i + 1)), Fused::plus);
		}
		List<Fused> fused = new ArrayList<>(byDoc.values());
		fused.sort(Comparator.comparingDouble(Fused::score)
			.reversed()
			.thenComparingInt(Fused::bestRank)
			.thenComparingInt((f) -> (f.keywordRank() != null) ? f.keywordRank() : Integer.MAX_VALUE)
			.thenComparingInt(Fused::doc));
		return fused;
	}

	/**
	 * One document of the fused list.
	 *
	 * @param keywordRank its 1-based keyword rank, {@code null} when not in that ranking
	 * @param semanticRank its 1-based semantic rank, {@code null} when not in that
	 * ranking
	 * @param score the sum of its reciprocal ranks
	 */
	record Fused(int doc, @Nullable Integer keywordRank, @Nullable Integer semanticRank, double score) {

		Fused plus(Fused other) {
			return new Fused(this.doc, (this.keywordRank != null) ? this.keywordRank : other.keywordRank,
					(this.semanticRank != null) ? this.semanticRank : other.semanticRank, this.score + other.score);
		}

		int bestRank() {
			return Math.min((this.keywordRank != null) ? this.keywordRank : Integer.MAX_VALUE,
					(this.semanticRank != null) ? this.semanticRank : Integer.MAX_VALUE);
		}

	}

}
