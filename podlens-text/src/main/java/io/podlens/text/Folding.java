package io.podlens.text;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/**
 * The one folding of Podlens: Traditional to Simplified Chinese, then ICU folding (NFKC
 * width, case and accents, as {@link ICUFoldingFilter}). The index, keywords, chapters,
 * themes and topic names all compare text in this form.
 * <p>
 * Most text is ASCII letters and digits or CJK Unified Ideographs, where folding is only
 * lower-casing, so that text skips ICU's normalizer.
 */
public final class Folding {

	/** ICU folding (width, case, accents), the normalizer of {@link ICUFoldingFilter}. */
	public static final Normalizer2 ICU_FOLDING = ICUFoldingFilter.NORMALIZER;

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	private Folding() {
	}

	/** Traditional to Simplified, then folded: the index's form of text. */
	public static String fold(String text) {
		return foldOnly(SimplifiedChinese.convert(text));
	}

	/** ICU folding without the script conversion. */
	public static String foldOnly(String text) {
		char[] chars = text.toCharArray();
		if (foldSimple(chars, chars.length)) {
			return new String(chars);
		}
		return ICU_FOLDING.normalize(text);
	}

	/**
	 * Width (NFKC) and Traditional to Simplified, case and accents kept: the second
	 * level, for extracting names as written ("Acme" stays capitalised).
	 * {@link #fold(String)} of the result equals {@code fold} of the original.
	 */
	public static String keepingCase(String text) {
		return SimplifiedChinese.convert(width(text));
	}

	/** Width only (NFKC): full-width letters become plain, script and case are kept. */
	public static String width(String text) {
		return NFKC.normalize(text);
	}

	/**
	 * Matching key of a name: its {@link Tokens token} keys joined without separators.
	 */
	public static String key(String name) {
		StringBuilder key = new StringBuilder();
		for (Token token : Tokens.of(name)) {
			key.append(token.key());
		}
		return key.toString();
	}

	/**
	 * Lower-cases {@code buffer[0..length)} in place when every character is an ASCII
	 * letter or digit or a unified ideograph, where ICU folding does nothing else.
	 * @return false (and nothing changed) when a character needs ICU
	 */
	public static boolean foldSimple(char[] buffer, int length) {
		for (int i = 0; i < length; i++) {
			char c = buffer[i];
			boolean simple = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
					|| (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF');
			if (!simple) {
				return false;
			}
		}
		for (int i = 0; i < length; i++) {
			char c = buffer[i];
			if (c >= 'A' && c <= 'Z') {
				buffer[i] = (char) (c + ('a' - 'A'));
			}
		}
		return true;
	}

	/** Whether a code point is a Han character. */
	public static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	/** Whether a character belongs to a word written with Latin letters or digits. */
	public static boolean isWordChar(char c) {
		return c < 0x3000 && Character.isLetterOrDigit(c);
	}

}
