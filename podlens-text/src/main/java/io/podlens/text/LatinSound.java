package io.podlens.text;

import java.util.List;
import java.util.Locale;

/**
 * How a Latin word sounds. One spelling normaliser ({@link #normalize}: chameleon and
 * camellian start alike, queen is kween, box is boks) feeds both the sounds-like index
 * ({@link #key}) and topic matching ({@link #skeleton}, {@link #SOUND}), so search and
 * topics agree about the same misspelling.
 */
public final class LatinSound {

	private static final String[] CLASSES = { "aeiouy", "bp", "dt", "gkc", "fv", "sz", "mn", "lr", "0o" };

	// English letter names that rhyme and are confused in spelled-out acronyms (the
	// "E-set" and friends): GPT heard as GBT, GBD or GBC.
	private static final String[] LETTER_CLASSES = { "bcdegptvz", "ahjk", "flmnsx", "iy", "quw", "0o" };

	private static final String[] DIGIT_WORDS = { "zero", "one", "two", "three", "four", "five", "six", "seven",
			"eight", "nine" };

	/**
	 * Weighted distance of normalised spellings: sound-alike substitutions (b/p, d/t,
	 * vowels) and weak letters (h, r, vowels) cost half, a transposition costs one.
	 */
	public static final EditDistance SOUND = new EditDistance(LatinSound::indelCost,
			(a, b) -> substitutionCost(a, b, false), 1);

	/**
	 * {@link #SOUND} for spelled-out letters (acronyms), where rhyming letter names cost
	 * half.
	 */
	public static final EditDistance LETTER_NAMES = new EditDistance(LatinSound::indelCost,
			(a, b) -> substitutionCost(a, b, true), 1);

	private LatinSound() {
	}

	/** Spelling normalised towards sound, lower case; keeps letters and digits only. */
	public static String normalize(String word) {
		String s = word.toLowerCase(Locale.ROOT)
			.replace("ph", "f")
			.replace("ch", "k")
			.replace("sh", "s")
			.replace("th", "t")
			.replace("wh", "w")
			.replace("ck", "k")
			.replace("gh", "g")
			.replace("qu", "kw")
			.replace('q', 'k')
			.replace("x", "ks")
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

	/**
	 * The sounds-like key of a folded word: the class of its first vowel followed by its
	 * consonant skeleton with voicing folded (b/p, d/t, g/k, v/f, z/s) and weak letters
	 * dropped, so Camellian and Chameleon share {@code a:kmln} and GBT and GPT share
	 * {@code kpt}. Numbers, words of two characters and words with fewer than two
	 * consonants are their own key.
	 */
	public static String key(String word) {
		if (word.length() <= 2 || allDigits(word)) {
			return word;
		}
		String s = normalize(word);
		StringBuilder consonants = new StringBuilder();
		char firstVowel = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (isVowel(c)) {
				if (firstVowel == 0 && consonants.length() <= 1) {
					firstVowel = (c == 'e' || c == 'i' || c == 'y') ? 'e' : 'a';
				}
				continue;
			}
			// A non-rhotic r (before a consonant or at the end) is often not heard.
			if (c == 'r' && i > 0 && isVowel(s.charAt(i - 1)) && (i + 1 == s.length() || !isVowel(s.charAt(i + 1)))) {
				continue;
			}
			char folded = voiceless(c);
			if (folded == 0) {
				continue;
			}
			if (consonants.length() == 0 || consonants.charAt(consonants.length() - 1) != folded) {
				consonants.append(folded);
			}
		}
		if (consonants.length() < 2) {
			return word;
		}
		return (firstVowel != 0) ? firstVowel + ":" + consonants : consonants.toString();
	}

	/** Normalised form with digits spoken as English words ("Alpha 4" as "alfafour"). */
	public static String spelled(List<Token> tokens) {
		StringBuilder out = new StringBuilder();
		for (Token token : tokens) {
			StringBuilder words = new StringBuilder();
			for (char c : token.key().toCharArray()) {
				words.append(Character.isDigit(c) ? DIGIT_WORDS[c - '0'] : String.valueOf(c));
			}
			out.append(normalize(words.toString()));
		}
		return out.toString();
	}

	/** Consonant skeleton of a normalised word: sound classes, one '*' per vowel run. */
	public static String skeleton(String normalized) {
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

	/** Whether two first letters sound alike enough to anchor a fuzzy match. */
	public static boolean sameStart(String a, String b, boolean letterNames) {
		return !a.isEmpty() && !b.isEmpty()
				&& (letterNames ? LETTER_NAMES : SOUND).substitution(a.charAt(0), b.charAt(0)) <= 0.5;
	}

	public static boolean isVowel(char c) {
		return "aeiouy".indexOf(c) >= 0;
	}

	private static boolean allDigits(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (!Character.isDigit(word.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static char classOf(char c) {
		for (String cls : CLASSES) {
			if (cls.indexOf(c) >= 0 && !cls.equals("aeiouy")) {
				return cls.charAt(0);
			}
		}
		return c;
	}

	private static char voiceless(char c) {
		return switch (c) {
			case 'b', 'p' -> 'p';
			case 'd', 't' -> 't';
			case 'g', 'k', 'c', 'q', 'j' -> 'k';
			case 'v', 'f' -> 'f';
			case 'z', 's' -> 's';
			case 'h', 'w' -> 0;
			default -> Character.isLetterOrDigit(c) ? c : 0;
		};
	}

	private static double indelCost(char c) {
		return (isVowel(c) || c == 'h' || c == 'r') ? 0.5 : 1.0;
	}

	private static double substitutionCost(char a, char b, boolean letterNames) {
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

}
