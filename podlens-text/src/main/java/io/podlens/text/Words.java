package io.podlens.text;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Whole words by ICU's word segmentation, which splits Chinese with its dictionary (the
 * segmentation the {@code icu} tokenizer applies with {@code cjkAsWords}): 多模態 stays one
 * word instead of the half-word bigrams 多模 and 模態.
 */
public final class Words {

	// BreakIterator instances are not thread-safe, and creating one costs more than the
	// segmentation of a sentence: one per thread.
	private static final ThreadLocal<BreakIterator> BREAKER = ThreadLocal
		.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));

	private Words() {
	}

	/**
	 * One segment of the text.
	 *
	 * @param start offset of its first character
	 * @param end offset after its last character
	 * @param word letters, ideographs or kana (not spaces, punctuation or numbers)
	 */
	public record Segment(int start, int end, boolean word) {

		public int length() {
			return this.end - this.start;
		}

	}

	/** Every segment of a text, in order, covering it entirely. */
	public static List<Segment> of(String text) {
		List<Segment> segments = new ArrayList<>();
		BreakIterator breaker = BREAKER.get();
		breaker.setText(text);
		int start = breaker.first();
		for (int end = breaker.next(); end != BreakIterator.DONE; start = end, end = breaker.next()) {
			int status = breaker.getRuleStatus();
			segments.add(new Segment(start, end,
					status >= BreakIterator.WORD_LETTER && status < BreakIterator.WORD_IDEO_LIMIT));
		}
		// Drop the reference to the text so that a thread keeps no large string alive.
		breaker.setText("");
		return segments;
	}

}
