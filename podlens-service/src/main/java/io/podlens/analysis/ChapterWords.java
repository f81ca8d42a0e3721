package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.podlens.text.Folding;
import io.podlens.text.WordLists;
import io.podlens.text.Words;

/**
 * Splits text into whole words for chapter titles with the kernel's {@link Words} (which
 * segments Chinese with ICU's dictionary) and drops function words, fillers, numbers and
 * words too short to say anything.
 */
final class ChapterWords {

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
		String normalized = Folding.width(text);
		List<Word> words = new ArrayList<>();
		for (Words.Segment segment : Words.of(normalized)) {
			if (!segment.word()) {
				continue;
			}
			String surface = normalized.substring(segment.start(), segment.end());
			String key = Folding.fold(surface);
			if (meaningful(surface, key)) {
				words.add(new Word(key, surface));
			}
		}
		return words;
	}

	private static boolean meaningful(String surface, String key) {
		if (WordLists.STOPWORDS.contains(key)) {
			return false;
		}
		int length = surface.codePointCount(0, surface.length());
		boolean han = Folding.isHan(surface.codePointAt(0));
		if (han) {
			return length >= 2;
		}
		// "AI", "VR": two capitals still name something; other words need three letters
		return length >= 3 || (length == 2 && surface.equals(surface.toUpperCase(Locale.ROOT))
				&& Character.isLetter(surface.charAt(0)));
	}

}
