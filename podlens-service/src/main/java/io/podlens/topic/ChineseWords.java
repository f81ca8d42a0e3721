package io.podlens.topic;

import io.podlens.text.Folding;
import io.podlens.text.Words;

/**
 * Guards for Chinese homophone matching: a window of text that is itself an ordinary word
 * (回答 sounds like 輝達) or that starts or ends with a function character (是, 去, 比) where
 * the name has another character is not taken as a misheard name.
 */
final class ChineseWords {

	private static final String TRADITIONAL_FUNCTION_CHARACTERS = "的了是在去比就也都很會要把被跟和與及或而又再還更最不沒有這那個一上下來到說看讓給用從對為於以";

	/** Both scripts: Simplified text (个, 这, 会) has the same function characters. */
	private static final String FUNCTION_CHARACTERS = TRADITIONAL_FUNCTION_CHARACTERS
			+ Folding.key(TRADITIONAL_FUNCTION_CHARACTERS);

	private ChineseWords() {
	}

	static boolean plausibleMishearing(String window, String alias) {
		if (edgeIsFunction(window.charAt(0), alias.charAt(0))
				|| edgeIsFunction(window.charAt(window.length() - 1), alias.charAt(alias.length() - 1))) {
			return false;
		}
		return !containsOtherWord(window, alias);
	}

	/**
	 * Whether the kernel's dictionary segmentation finds a word of two or more characters
	 * in the window that the name does not contain (視覺 in 視覺模型 is not 世界模型).
	 */
	static boolean containsOtherWord(String window, String alias) {
		for (Words.Segment segment : Words.of(window)) {
			if (segment.length() >= 2 && !alias.contains(window.substring(segment.start(), segment.end()))) {
				return true;
			}
		}
		return false;
	}

	/** Whether a character is a function character (的, 是, 去 ...), never a name's edge. */
	static boolean isFunctionCharacter(char c) {
		return FUNCTION_CHARACTERS.indexOf(c) >= 0;
	}

	private static boolean edgeIsFunction(char written, char expected) {
		return written != expected && FUNCTION_CHARACTERS.indexOf(written) >= 0;
	}

}
