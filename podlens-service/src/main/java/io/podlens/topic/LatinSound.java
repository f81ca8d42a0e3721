package io.podlens.topic;

/**
 * Sound-aware comparison of Latin names: a spelling normaliser (so that {@code chameleon}
 * and {@code camellian} start alike), a consonant skeleton for phonetic keys, and a
 * weighted Damerau-Levenshtein distance where sound-alike substitutions (b/p, d/t,
 * vowels) and weak letters (h, r, vowels) cost half.
 */
final class LatinSound {

	private static final String[] CLASSES = { "aeiouy", "bp", "dt", "gkc", "fv", "sz", "mn", "lr", "0o" };

	// English letter names that rhyme and are confused in spelled-out acronyms (the
	// "E-set" and friends): GPT heard as GBT, GBD or GBC.
	private static final String[] LETTER_CLASSES = { "bcdegptvz", "ahjk", "flmnsx", "iy", "quw", "0o" };

	private LatinSound() {
	}

	/** Spelling normalised towards sound; keeps letters and digits only. */
	static String normalize(String key) {
		String s = key.toLowerCase(java.util.Locale.ROOT)
			.replace("ph", "f")
			.replace("ch", "k")
			.replace("sh", "s")
			.replace("th", "t")
			.replace("wh", "w")
			.replace("ck", "k")
			.replace("gh", "g")
			.replace("qu", "kw")
			.replace('q', 'k')
			.replace("alm", "am");
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == 'c') {
				char next = (i + 1 < s.length()) ? s.charAt(i + 1) : ' ';
				c = (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
			}
			else if (c == 'y') {
				c = 'i';
			}
			if (!Character.isLetterOrDigit(c)) {
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) == c) {
				continue;
			}
			out.append(c);
		}
		// a silent final e ("same" sounds like "sam")
		int len = out.length();
		if (len > 3 && out.charAt(len - 1) == 'e' && !isVowel(out.charAt(len - 2))) {
			out.setLength(len - 1);
		}
		return out.toString();
	}

	private static final String[] DIGIT_WORDS = { "zero", "one", "two", "three", "four", "five", "six", "seven",
			"eight", "nine" };

	/** Normalised form with digits spoken as English words ("Alpha 4" as "alfafour"). */
	static String spelled(java.util.List<Folding.Token> tokens) {
		StringBuilder out = new StringBuilder();
		for (Folding.Token token : tokens) {
			StringBuilder words = new StringBuilder();
			for (char c : token.key().toCharArray()) {
				words.append(Character.isDigit(c) ? DIGIT_WORDS[c - '0'] : String.valueOf(c));
			}
			out.append(normalize(words.toString()));
		}
		return out.toString();
	}

	/** Whether a lower-case word, or its stem, is a common English word. */
	static boolean isCommonWord(String key) {
		if (WordLists.COMMON_ENGLISH.contains(key)) {
			return true;
		}
		for (String suffix : new String[] { "s", "es", "ed", "d", "ing", "er", "ly", "ies" }) {
			if (key.length() > suffix.length() + 1 && key.endsWith(suffix)) {
				String stem = key.substring(0, key.length() - suffix.length());
				boolean doubled = stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2);
				if (WordLists.COMMON_ENGLISH.contains(stem) || WordLists.COMMON_ENGLISH.contains(stem + "e")
						|| WordLists.COMMON_ENGLISH.contains(stem + "y")
						|| (doubled && WordLists.COMMON_ENGLISH.contains(stem.substring(0, stem.length() - 1)))) {
					return true;
				}
			}
		}
		return false;
	}

	/** Consonant skeleton: sound classes for consonants, one '*' per vowel run. */
	static String skeleton(String normalized) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			char k;
			if (isVowel(c) || c == '0') {
				k = '*';
			}
			else if (c == 'h' || c == 'w') {
				continue;
			}
			else {
				k = classOf(c);
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) == k) {
				continue;
			}
			out.append(k);
		}
		return out.toString();
	}

	private static char classOf(char c) {
		for (String cls : CLASSES) {
			if (cls.indexOf(c) >= 0 && !cls.equals("aeiouy")) {
				return cls.charAt(0);
			}
		}
		return c;
	}

	static boolean isVowel(char c) {
		return "aeiouy".indexOf(c) >= 0;
	}

	/** Whether two first letters sound alike enough to anchor a fuzzy match. */
	static boolean sameStart(String a, String b, boolean letterNames) {
		return !a.isEmpty() && !b.isEmpty() && substitution(a.charAt(0), b.charAt(0), letterNames) <= 0.5;
	}

	/**
	 * Weighted optimal-string-alignment distance.
	 * @param letterNames compare as spelled-out letters (acronyms)
	 */
	static double distance(String a, String b, boolean letterNames) {
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
				best = Math.min(best, d[i - 1][j - 1] + substitution(ca, cb, letterNames));
				if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
					best = Math.min(best, d[i - 2][j - 2] + 1);
				}
				d[i][j] = best;
			}
		}
		return d[n][m];
	}

	private static double indel(char c) {
		return (isVowel(c) || c == 'h' || c == 'r') ? 0.5 : 1.0;
	}

	/** {@link #substitution} for ASCII pairs, [letterNames ? 1 : 0][a][b]. */
	private static final double[][][] ASCII_SUBSTITUTION = new double[2][128][128];

	static {
		for (int names = 0; names < 2; names++) {
			for (char a = 0; a < 128; a++) {
				for (char b = 0; b < 128; b++) {
					ASCII_SUBSTITUTION[names][a][b] = computeSubstitution(a, b, names == 1);
				}
			}
		}
	}

	static double substitution(char a, char b, boolean letterNames) {
		if (a < 128 && b < 128) {
			return ASCII_SUBSTITUTION[letterNames ? 1 : 0][a][b];
		}
		return computeSubstitution(a, b, letterNames);
	}

	private static double computeSubstitution(char a, char b, boolean letterNames) {
		if (a == b) {
			return 0;
		}
		for (String cls : CLASSES) {
			if (cls.indexOf(a) >= 0 && cls.indexOf(b) >= 0) {
				return 0.5;
			}
		}
		if (letterNames) {
			for (String cls : LETTER_CLASSES) {
				if (cls.indexOf(a) >= 0 && cls.indexOf(b) >= 0) {
					return 0.5;
				}
			}
		}
		return 1.0;
	}

	/** Largest distance accepted for a name of normalised length {@code length}. */
	static double strictLimit(int length) {
		if (length <= 4) {
			return 0;
		}
		if (length == 5) {
			return 1.0;
		}
		if (length <= 8) {
			return 1.5;
		}
		return (length <= 11) ? 2.0 : 2.5;
	}

	/** The looser limit used only for names the episode already mentions. */
	static double relaxedLimit(int length, boolean acronym) {
		return (length <= 4) ? 0 : Math.max(strictLimit(length), (acronym ? 0.4 : 0.34) * length);
	}

}
