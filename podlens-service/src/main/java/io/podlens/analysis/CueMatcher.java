package io.podlens.analysis;

import io.podlens.text.Folding;

/**
 * Finds folded cue terms in folded text. A term that starts or ends with a Latin letter
 * or digit must not be glued to another one there ("ad" does not match "read"), while CJK
 * terms match anywhere because Chinese has no spaces.
 */
final class CueMatcher {

	private CueMatcher() {
	}

	static int count(String foldedText, String foldedTerm) {
		int count = 0;
		int from = 0;
		while (true) {
			int at = indexOf(foldedText, foldedTerm, from);
			if (at < 0) {
				return count;
			}
			count++;
			from = at + foldedTerm.length();
		}
	}

	/** Position of the next whole-word occurrence at or after {@code from}, or -1. */
	static int indexOf(String foldedText, String foldedTerm, int from) {
		if (foldedTerm.isEmpty()) {
			return -1;
		}
		boolean wordStart = Folding.isWordChar(foldedTerm.charAt(0));
		boolean wordEnd = Folding.isWordChar(foldedTerm.charAt(foldedTerm.length() - 1));
		int at = foldedText.indexOf(foldedTerm, from);
		while (at >= 0) {
			int end = at + foldedTerm.length();
			boolean startOk = !wordStart || at == 0 || !Folding.isWordChar(foldedText.charAt(at - 1));
			boolean endOk = !wordEnd || end == foldedText.length() || !Folding.isWordChar(foldedText.charAt(end));
			if (startOk && endOk) {
				return at;
			}
			at = foldedText.indexOf(foldedTerm, at + 1);
		}
		return -1;
	}

}
