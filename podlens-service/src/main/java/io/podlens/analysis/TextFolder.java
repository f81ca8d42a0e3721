package io.podlens.analysis;

import java.text.Normalizer;
import java.util.Locale;

import io.podlens.text.SimplifiedChinese;

/**
 * Folds text so that cues written in Traditional Chinese also match Simplified text and
 * full-width or upper-case Latin letters match their plain forms. Folding keeps the
 * length of almost all text, so positions in folded text stand for positions in the
 * original.
 */
final class TextFolder {

	private TextFolder() {
	}

	/** Width-folded (NFKC) and Simplified, case kept (for extracting names). */
	static String fold(String text) {
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return SimplifiedChinese.convert(normalized);
	}

	/** {@link #fold(String)} plus lower case, for matching cue terms. */
	static String foldForMatching(String text) {
		return fold(text).toLowerCase(Locale.ROOT);
	}

	/** Whether Chinese text is written in Traditional characters. */
	static boolean looksTraditional(String text) {
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
		String simplified = fold(normalized);
		int han = 0;
		int changed = 0;
		for (int i = 0; i < Math.min(normalized.length(), simplified.length()); i++) {
			if (Character.UnicodeScript.of(normalized.charAt(i)) == Character.UnicodeScript.HAN) {
				han++;
				if (normalized.charAt(i) != simplified.charAt(i)) {
					changed++;
				}
			}
		}
		return han > 0 && changed * 100 >= han;
	}

	/** Whether a character belongs to a word written with Latin letters or digits. */
	static boolean isWordChar(char c) {
		return c < 0x3000 && Character.isLetterOrDigit(c);
	}

}
