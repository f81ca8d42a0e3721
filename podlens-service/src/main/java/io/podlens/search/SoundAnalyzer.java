package io.podlens.search;

import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Analysis for sounds-like search: one token per Han character (its {@link SoundKeys#han
 * pinyin key}) and one per Latin letter-digit run (its {@link SoundKeys#latin sound
 * key}), each with the offsets of the original text so that matches can be highlighted
 * where they were written.
 */
final class SoundAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		return new TokenStreamComponents(new SoundTokenizer());
	}

	private static final class SoundTokenizer extends Tokenizer {

		private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

		/** Bounded so that a stream of unique tokens cannot grow the heap. */
		private static final int LATIN_KEYS_CACHED = 100_000;

		private static final Map<String, String> LATIN_KEYS = new ConcurrentHashMap<>();

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private String text;

		private int position;

		@Override
		public boolean incrementToken() throws IOException {
			clearAttributes();
			if (this.text == null) {
				this.text = readAll();
			}
			while (this.position < this.text.length()) {
				int start = this.position;
				int cp = this.text.codePointAt(start);
				if (UnicodeScript.of(cp) == UnicodeScript.HAN) {
					this.position += Character.charCount(cp);
					String key = SoundKeys.han(cp);
					if (!key.isEmpty()) {
						return emit(key, start, this.position);
					}
					continue;
				}
				if (isWordChar(cp)) {
					int end = start;
					while (end < this.text.length() && isWordChar(this.text.codePointAt(end))) {
						end += Character.charCount(this.text.codePointAt(end));
					}
					this.position = end;
					return emit(latinKey(this.text, start, end), start, end);
				}
				this.position += Character.charCount(cp);
			}
			return false;
		}

		@Override
		public void end() throws IOException {
			super.end();
			int last = correctOffset((this.text != null) ? this.text.length() : 0);
			this.offset.setOffset(last, last);
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.text = null;
			this.position = 0;
		}

		private boolean emit(String key, int start, int end) {
			this.term.setEmpty().append(key);
			this.offset.setOffset(correctOffset(start), correctOffset(end));
			return true;
		}

		private String readAll() throws IOException {
			StringBuilder all = new StringBuilder();
			char[] buffer = new char[4096];
			for (int read = this.input.read(buffer); read != -1; read = this.input.read(buffer)) {
				all.append(buffer, 0, read);
			}
			return all.toString();
		}

		/**
		 * The sound key of a Latin word, cached: a transcript's vocabulary is small next
		 * to its word count, and ASCII words (most of them) fold by lower-casing.
		 */
		private static String latinKey(String text, int start, int end) {
			String word = text.substring(start, end);
			String key = LATIN_KEYS.get(word);
			if (key == null) {
				key = SoundKeys.latin(isAscii(word) ? word.toLowerCase(Locale.ROOT) : FOLD.normalize(word));
				if (LATIN_KEYS.size() < LATIN_KEYS_CACHED) {
					LATIN_KEYS.put(word, key);
				}
			}
			return key;
		}

		private static boolean isAscii(String word) {
			for (int i = 0; i < word.length(); i++) {
				if (word.charAt(i) >= 0x80) {
					return false;
				}
			}
			return true;
		}

		private static boolean isWordChar(int cp) {
			return Character.isDigit(cp) || (Character.isLetter(cp) && UnicodeScript.of(cp) == UnicodeScript.LATIN);
		}

	}

}
