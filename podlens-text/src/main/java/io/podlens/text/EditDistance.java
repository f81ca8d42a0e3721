package io.podlens.text;

/**
 * Optimal-string-alignment edit distance with costs from tables: one instance for plain
 * Levenshtein (unit costs, no transposition) and the sound-aware ones of
 * {@link LatinSound}. ASCII costs are precomputed; other characters ask the cost
 * functions.
 */
public final class EditDistance {

	/** Unit insertions, deletions and substitutions; no transposition. */
	public static final EditDistance LEVENSHTEIN = new EditDistance((c) -> 1.0, (a, b) -> (a == b) ? 0.0 : 1.0,
			Double.POSITIVE_INFINITY);

	/** Cost of inserting or deleting a character. */
	@FunctionalInterface
	public interface IndelCost {

		double of(char c);

	}

	/** Cost of writing {@code b} where {@code a} was meant. */
	@FunctionalInterface
	public interface SubstitutionCost {

		double of(char a, char b);

	}

	private final IndelCost indel;

	private final SubstitutionCost substitution;

	private final double transposition;

	private final double[] asciiIndel = new double[128];

	private final double[][] asciiSubstitution = new double[128][128];

	/**
	 * @param transposition cost of swapping two neighbours; infinite for none
	 */
	public EditDistance(IndelCost indel, SubstitutionCost substitution, double transposition) {
		this.indel = indel;
		this.substitution = substitution;
		this.transposition = transposition;
		for (char a = 0; a < 128; a++) {
			this.asciiIndel[a] = indel.of(a);
			for (char b = 0; b < 128; b++) {
				this.asciiSubstitution[a][b] = substitution.of(a, b);
			}
		}
	}

	public double indel(char c) {
		return (c < 128) ? this.asciiIndel[c] : this.indel.of(c);
	}

	public double substitution(char a, char b) {
		return (a < 128 && b < 128) ? this.asciiSubstitution[a][b] : this.substitution.of(a, b);
	}

	public double distance(CharSequence a, CharSequence b) {
		int n = a.length();
		int m = b.length();
		double[][] d = new double[n + 1][m + 1];
		for (int i = 1; i <= n; i++) {
			d[i][0] = d[i - 1][0] + indel(a.charAt(i - 1));
		}
		for (int j = 1; j <= m; j++) {
			d[0][j] = d[0][j - 1] + indel(b.charAt(j - 1));
		}
		for (int i = 1; i <= n; i++) {
			char ca = a.charAt(i - 1);
			for (int j = 1; j <= m; j++) {
				char cb = b.charAt(j - 1);
				double best = Math.min(d[i - 1][j] + indel(ca), d[i][j - 1] + indel(cb));
				best = Math.min(best, d[i - 1][j - 1] + substitution(ca, cb));
				if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
					best = Math.min(best, d[i - 2][j - 2] + this.transposition);
				}
				d[i][j] = best;
			}
		}
		return d[n][m];
	}

}
