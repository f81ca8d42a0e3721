package io.podlens.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way Podlens splits text for matching and for sounds: single Han characters, and
 * runs of other letters and digits (Latin words, numbers, model names such as
 * {@code 4o}). Topic matching and the sounds-like field both split with this class, so a
 * misspelling is the same token in both.
 */
public final class Tokens {

	private Tokens() {
	}

	/** The tokens of a text, keys folded, offsets into the text as written. */
	public static List<Token> of(String text) {
		List<Token> tokens = new ArrayList<>();
		Scanner scanner = new Scanner(text);
		int previousEnd = 0;
		while (scanner.next()) {
			int start = scanner.start();
			int end = scanner.end();
			boolean gapBefore = tokens.isEmpty() || joins(text, previousEnd, start);
			if (scanner.han()) {
				tokens.add(
						new Token(start, end, Folding.fold(text.substring(start, end)), true, false, false, gapBefore));
			}
			else {
				int letters = 0;
				int upper = 0;
				for (int i = start; i < end; i += Character.charCount(text.codePointAt(i))) {
					int c = text.codePointAt(i);
					if (Character.isLetter(c)) {
						letters++;
						if (Character.isUpperCase(c)) {
							upper++;
						}
					}
				}
				boolean capitalized = Character.isUpperCase(text.codePointAt(start));
				tokens.add(new Token(start, end, Folding.foldOnly(text.substring(start, end)), false, capitalized,
						letters >= 2 && upper == letters, gapBefore));
			}
			previousEnd = end;
		}
		return tokens;
	}

	/**
	 * Whether the separators between two tokens keep a name together: spaces and
	 * name-internal punctuation do; anything else (commas, brackets, sentence ends) does
	 * not.
	 */
	private static boolean joins(String text, int from, int to) {
		for (int i = from; i < to; i += Character.charCount(text.codePointAt(i))) {
			int cp = text.codePointAt(i);
			String folded = (cp < 0x80) ? null : Folding.ICU_FOLDING.normalize(Character.toString(cp));
			int f = (folded == null) ? cp : (folded.isEmpty() ? ' ' : folded.codePointAt(0));
			if (!(Character.isWhitespace(f) || f == '-' || f == '.' || f == '\'' || f == '_' || f == '·'
					|| f == '\u2010' || f == '\u2013')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Finds token boundaries without allocating, for tokenizers on the hot path of
	 * indexing.
	 */
	public static final class Scanner {

		private final CharSequence text;

		private int position;

		private int start;

		private int end;

		private boolean han;

		public Scanner(CharSequence text) {
			this.text = text;
		}

		/** Moves to the next token; false at the end of the text. */
		public boolean next() {
			int n = this.text.length();
			while (this.position < n) {
				int at = this.position;
				int cp = Character.codePointAt(this.text, at);
				int len = Character.charCount(cp);
				if (cp >= 0x80 && Folding.isHan(cp)) {
					return found(at, at + len, true);
				}
				if (Character.isLetterOrDigit(cp)) {
					int i = at + len;
					while (i < n) {
						int c = Character.codePointAt(this.text, i);
						if (!Character.isLetterOrDigit(c) || (c >= 0x80 && Folding.isHan(c))) {
							break;
						}
						i += Character.charCount(c);
					}
					return found(at, i, false);
				}
				this.position += len;
			}
			return false;
		}

		private boolean found(int start, int end, boolean han) {
			this.start = start;
			this.end = end;
			this.han = han;
			this.position = end;
			return true;
		}

		public int start() {
			return this.start;
		}

		public int end() {
			return this.end;
		}

		/** Whether the current token is a single Han character. */
		public boolean han() {
			return this.han;
		}

	}

}
