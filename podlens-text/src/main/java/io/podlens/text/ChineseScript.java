package io.podlens.text;

import java.util.BitSet;

import com.ibm.icu.text.Transliterator;

/**
 * Whether Chinese text is written in Traditional or Simplified characters: by how many of
 * its Han characters change under Traditional-Simplified (evidence of Traditional) versus
 * Simplified-Traditional (evidence of Simplified). Characters shared by both scripts
 * count for neither.
 */
public final class ChineseScript {

	private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

	/**
	 * BMP characters already classified, and of those the ones with a Traditional form.
	 */
	private static final BitSet KNOWN = new BitSet(0x10000);

	private static final BitSet SIMPLIFIED_ONLY = new BitSet(0x10000);

	private long traditional;

	private long simplified;

	/** Counts one character of the text {@code times} times. */
	public ChineseScript add(int codePoint, long times) {
		if (!Folding.isHan(codePoint)) {
			return this;
		}
		String character = Character.toString(codePoint);
		if (!SimplifiedChinese.convert(character).equals(character)) {
			this.traditional += times;
		}
		if (hasTraditionalForm(codePoint)) {
			this.simplified += times;
		}
		return this;
	}

	/** Counts every character of a text. */
	public ChineseScript add(CharSequence text) {
		for (int i = 0; i < text.length(); i += Character.charCount(Character.codePointAt(text, i))) {
			add(Character.codePointAt(text, i), 1);
		}
		return this;
	}

	/** Whether the characters counted so far are Traditional rather than Simplified. */
	public boolean traditional() {
		return this.traditional > this.simplified;
	}

	/** Whether a text is written in Traditional characters. */
	public static boolean isTraditional(CharSequence text) {
		return new ChineseScript().add(text).traditional();
	}

	private static boolean hasTraditionalForm(int codePoint) {
		if (codePoint < 0x10000) {
			synchronized (KNOWN) {
				if (KNOWN.get(codePoint)) {
					return SIMPLIFIED_ONLY.get(codePoint);
				}
				boolean changes = changesToTraditional(codePoint);
				KNOWN.set(codePoint);
				SIMPLIFIED_ONLY.set(codePoint, changes);
				return changes;
			}
		}
		synchronized (KNOWN) {
			return changesToTraditional(codePoint);
		}
	}

	/** Callers hold the lock: ICU transliterators are not safe for concurrent use. */
	private static boolean changesToTraditional(int codePoint) {
		String character = Character.toString(codePoint);
		return !TO_TRADITIONAL.transliterate(character).equals(character);
	}

}
