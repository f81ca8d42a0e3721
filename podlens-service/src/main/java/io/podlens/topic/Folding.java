package io.podlens.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import io.podlens.text.SimplifiedChinese;

/**
 * Splits text into matchable tokens without changing it: Latin-like runs of letters and
 * digits, and single Han characters. Keys are folded for case, width (NFKC) and
 * Traditional/Simplified script; offsets point into the original text.
 */
final class Folding {

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private static final Map<String, String> PINYIN = new ConcurrentHashMap<>();

	private static final ThreadLocal<Transliterator> TO_PINYIN = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));

	private Folding() {
	}

	/**
	 * One token.
	 *
	 * @param start offset of the first character in the original text
	 * @param end offset after the last character
	 * @param key folded form
	 * @param han a single Han character
	 * @param capitalized starts with an upper-case letter as written
	 * @param allCaps has at least two letters, all upper-case, as written
	 * @param gapBefore the characters between the previous token and this one are only
	 * spaces, hyphens, dots or apostrophes (or nothing), so both can form one name
	 */
	record Token(int start, int end, String key, boolean han, boolean capitalized, boolean allCaps, boolean gapBefore) {

		// Loops, not streams: these run for every token of every candidate name.
		boolean hasDigit() {
			for (int i = 0; i < this.key.length(); i++) {
				if (Character.isDigit(this.key.charAt(i))) {
					return true;
				}
			}
			return false;
		}

		boolean hasLetter() {
			for (int i = 0; i < this.key.length(); i++) {
				if (Character.isLetter(this.key.charAt(i))) {
					return true;
				}
			}
			return false;
		}

	}

	static List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int n = text.length();
		boolean joinable = false;
		while (i < n) {
			int cp = text.codePointAt(i);
			int len = Character.charCount(cp);
			if (isHan(cp)) {
				tokens.add(new Token(i, i + len, simplified(cp), true, false, false, joinable || tokens.isEmpty()));
				joinable = true;
				i += len;
			}
			else if (Character.isLetterOrDigit(cp)) {
				int start = i;
				StringBuilder key = new StringBuilder();
				int letters = 0;
				int upper = 0;
				while (i < n) {
					int c = text.codePointAt(i);
					if (!Character.isLetterOrDigit(c) || isHan(c)) {
						break;
					}
					if (Character.isLetter(c)) {
						letters++;
						if (Character.isUpperCase(c)) {
							upper++;
						}
					}
					key.append(NFKC_CASEFOLD.normalize(new String(Character.toChars(c))));
					i += Character.charCount(c);
				}
				boolean capitalized = Character.isUpperCase(text.codePointAt(start));
				tokens.add(new Token(start, i, key.toString(), false, capitalized, letters >= 2 && upper == letters,
						joinable || tokens.isEmpty()));
				joinable = true;
			}
			else {
				// Spaces and name-internal punctuation keep a name together; anything
				// else
				// (commas, brackets, sentence ends) separates.
				String folded = NFKC_CASEFOLD.normalize(new String(Character.toChars(cp)));
				int f = folded.isEmpty() ? ' ' : folded.codePointAt(0);
				if (!(Character.isWhitespace(f) || f == '-' || f == '.' || f == '\'' || f == '_' || f == '·'
						|| f == '\u2010' || f == '\u2013')) {
					joinable = false;
				}
				i += len;
			}
		}
		return tokens;
	}

	/** Folded key of a name as the tokens would key it, joined without separators. */
	static String key(String name) {
		StringBuilder key = new StringBuilder();
		for (Token token : tokens(name)) {
			key.append(token.key());
		}
		return key.toString();
	}

	static boolean isHan(int cp) {
		return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
	}

	static String simplified(int cp) {
		return SimplifiedChinese.convert(Character.toString(cp));
	}

	/** Toneless pinyin of one Han character (its simplified key), letters only. */
	static String pinyin(String hanKey) {
		return PINYIN.computeIfAbsent(hanKey, (k) -> {
			String latin = TO_PINYIN.get().transliterate(k).toLowerCase(java.util.Locale.ROOT);
			StringBuilder letters = new StringBuilder();
			for (int i = 0; i < latin.length(); i++) {
				char c = latin.charAt(i);
				if (c >= 'a' && c <= 'z') {
					letters.append(c);
				}
			}
			return letters.toString();
		});
	}

}
