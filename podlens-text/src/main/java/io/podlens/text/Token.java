package io.podlens.text;

/**
 * One matching token (see {@link Tokens}).
 *
 * @param start offset of the first character in the original text
 * @param end offset after the last character
 * @param key folded form ({@link Folding#fold(String)} of the token)
 * @param han a single Han character
 * @param capitalized starts with an upper-case letter as written
 * @param allCaps has at least two letters, all upper-case, as written
 * @param gapBefore the characters between the previous token and this one are only
 * spaces, hyphens, dots or apostrophes (or nothing), so both can form one name
 */
public record Token(int start, int end, String key, boolean han, boolean capitalized, boolean allCaps,
		boolean gapBefore) {

	// Loops, not streams: these run for every token of every candidate name.
	public boolean hasDigit() {
		for (int i = 0; i < this.key.length(); i++) {
			if (Character.isDigit(this.key.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	public boolean hasLetter() {
		for (int i = 0; i < this.key.length(); i++) {
			if (Character.isLetter(this.key.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
