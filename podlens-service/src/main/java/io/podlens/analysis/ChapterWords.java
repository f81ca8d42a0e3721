package io.podlens.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Splits text into whole words for chapter titles with ICU's word break iterator (which
 * segments Chinese with its dictionary) and drops function words, fillers, numbers and
 * words too short to say anything.
 */
final class ChapterWords {

	private static final Set<String> STOPWORDS = load("/analysis/stopwords-en.txt", "/analysis/stopwords-zh.txt");

	private ChapterWords() {
	}

	/**
	 * A word as written and its key (folded: Simplified, lower case).
	 *
	 * @param key what counts as the same word
	 * @param surface the word as written
	 */
	record Word(String key, String surface) {
	}

	static List<Word> of(String text) {
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
		List<Word> words = new ArrayList<>();
		// BreakIterator instances are not thread-safe: one per call
		BreakIterator breaker = BreakIterator.getWordInstance(ULocale.ROOT);
		breaker.setText(normalized);
		int start = breaker.first();
		for (int end = breaker.next(); end != BreakIterator.DONE; start = end, end = breaker.next()) {
			int status = breaker.getRuleStatus();
			if (status < BreakIterator.WORD_LETTER || status >= BreakIterator.WORD_IDEO_LIMIT) {
				continue;
			}
			String surface = normalized.substring(start, end);
			String key = TextFolder.foldForMatching(surface);
			if (meaningful(surface, key)) {
				words.add(new Word(key, surface));
			}
		}
		return words;
	}

	private static boolean meaningful(String surface, String key) {
		if (STOPWORDS.contains(key)) {
			return false;
		}
		int length = surface.codePointCount(0, surface.length());
		boolean han = Character.UnicodeScript.of(surface.codePointAt(0)) == Character.UnicodeScript.HAN;
		if (han) {
			return length >= 2;
		}
		// "AI", "VR": two capitals still name something; other words need three letters
		return length >= 3 || (length == 2 && surface.equals(surface.toUpperCase(java.util.Locale.ROOT))
				&& Character.isLetter(surface.charAt(0)));
	}

	private static Set<String> load(String... resources) {
		Set<String> words = new HashSet<>();
		for (String resource : resources) {
			try (InputStream in = ChapterWords.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("missing resource " + resource);
				}
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					if (!line.startsWith("#")) {
						for (String word : line.strip().split("\\s+")) {
							if (!word.isEmpty()) {
								words.add(TextFolder.foldForMatching(word));
							}
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return Set.copyOf(words);
	}

}
