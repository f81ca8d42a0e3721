package io.podlens.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measures of the relevance scorer: nDCG@k with linear gains (the grade) and a log2
 * rank discount, and recall@k over all judged segments with the denominator capped at k,
 * so that a perfect ranking scores 1 even when more than k segments are judged.
 */
final class RelevanceMetrics {

	/**
	 * Timestamp rounding allowed between a judged start and the segment the API reports.
	 */
	static final long TOLERANCE_MS = 1000;

	private RelevanceMetrics() {
	}

	/**
	 * nDCG@k: the DCG of the ranked grades over the DCG of the judged grades in their
	 * best order. {@code NaN} when nothing is judged.
	 * @param rankedGrades the grade of each hit in rank order, 0 for an unjudged hit
	 * @param judgedGrades the grades of all judged segments of the query
	 */
	static double ndcg(List<Integer> rankedGrades, Collection<Integer> judgedGrades, int k) {
		List<Integer> ideal = judgedGrades.stream().filter((g) -> g > 0).sorted(Comparator.reverseOrder()).toList();
		double idcg = dcg(ideal, k);
		if (idcg == 0) {
			return Double.NaN;
		}
		return dcg(rankedGrades, k) / idcg;
	}

	/**
	 * recall@k: judged segments among the first k hits over min(k, judged segments);
	 * {@code NaN} when nothing is judged.
	 */
	static double recall(List<Integer> rankedGrades, int judged, int k) {
		if (judged == 0) {
			return Double.NaN;
		}
		long found = rankedGrades.stream().limit(k).filter((g) -> g > 0).count();
		return (double) found / Math.min(k, judged);
	}

	static double dcg(List<Integer> grades, int k) {
		double sum = 0;
		for (int i = 0; i < Math.min(k, grades.size()); i++) {
			sum += grades.get(i) / (Math.log(i + 2) / Math.log(2));
		}
		return sum;
	}

	/**
	 * The grade of each ranked hit: a judged segment counts at its first rank only (a
	 * second hit on the same segment earns nothing), anything unjudged is 0.
	 * @param rankedKeys the segment key of each hit in rank order ({@code null} when a
	 * hit could not be placed on a segment)
	 * @param judged grade by segment key
	 */
	static List<Integer> gains(List<String> rankedKeys, Map<String, Integer> judged) {
		List<Integer> gains = new ArrayList<>(rankedKeys.size());
		Set<String> credited = new HashSet<>();
		for (String key : rankedKeys) {
			Integer grade = (key != null) ? judged.get(key) : null;
			gains.add((grade != null && credited.add(key)) ? grade : 0);
		}
		return gains;
	}

	/**
	 * The segment whose start is nearest to {@code ms} if it lies within the tolerance,
	 * else -1.
	 * @param starts segment starts of one episode, ascending
	 */
	static int nearest(long[] starts, long ms) {
		int best = -1;
		long bestDistance = Long.MAX_VALUE;
		int lo = 0;
		int hi = starts.length - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			if (starts[mid] < ms) {
				lo = mid + 1;
			}
			else {
				hi = mid - 1;
			}
		}
		// lo is the first start >= ms; the nearest is it or the one before
		for (int i = Math.max(0, lo - 1); i <= Math.min(starts.length - 1, lo); i++) {
			long distance = Math.abs(starts[i] - ms);
			if (distance < bestDistance) {
				best = i;
				bestDistance = distance;
			}
		}
		// of segments that start at the same time, the first
		while (best > 0 && starts[best - 1] == starts[best]) {
			best--;
		}
		return (bestDistance <= TOLERANCE_MS) ? best : -1;
	}

	static double mean(Collection<Double> values) {
		return values.stream().filter((v) -> !v.isNaN()).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

}
