package io.podlens.transcript;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.podlens.text.ChineseScript;

/**
 * Guesses the language of a transcript: {@code zh-Hant}, {@code zh-Hans}, {@code en} or
 * {@code und}. Chinese when Han characters weigh at least as much as Latin letters (a Han
 * character counts as three letters, so Chinese with English terms stays Chinese);
 * Traditional or Simplified as the kernel's {@link ChineseScript} decides; English when
 * common English function words are frequent enough.
 */
public final class LanguageDetector {

	private static final int MAX_CHARS = 500_000;

	private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "to", "of", "a", "is", "that", "you", "it",
			"in", "i", "we", "this", "for", "was", "with", "be", "are", "on", "have", "not", "but", "what", "they",
			"so", "do", "like", "just", "know", "about", "there", "can", "if", "my", "your", "at", "as", "or");

	private LanguageDetector() {
	}

	/** The language of the texts as a BCP 47 tag, {@code und} when unclear. */
	public static String detect(List<String> texts) {
		Map<Integer, Integer> han = new HashMap<>();
		long hanCount = 0;
		long latinLetters = 0;
		long words = 0;
		long englishWords = 0;
		int seen = 0;
		for (String text : texts) {
			if (text == null || seen > MAX_CHARS) {
				continue;
			}
			seen += text.length();
			StringBuilder word = new StringBuilder();
			for (int i = 0; i <= text.length(); i++) {
				int c = (i < text.length()) ? text.codePointAt(i) : ' ';
				if (Character.charCount(c) == 2) {
					i++;
				}
				Character.UnicodeScript script = Character.UnicodeScript.of(c);
				if (script == Character.UnicodeScript.HAN) {
					han.merge(c, 1, Integer::sum);
					hanCount++;
				}
				if (script == Character.UnicodeScript.LATIN && Character.isLetter(c)) {
					latinLetters++;
					word.appendCodePoint(c);
				}
				else if (word.length() > 0 && c != '\'') {
					words++;
					if (ENGLISH_WORDS.contains(word.toString().toLowerCase(Locale.ROOT))) {
						englishWords++;
					}
					word.setLength(0);
				}
			}
		}
		if (hanCount > 0 && hanCount * 3 >= latinLetters) {
			return chineseScript(han);
		}
		if (words >= 3 && englishWords * 100 >= words * 15) {
			return "en";
		}
		return "und";
	}

	private static String chineseScript(Map<Integer, Integer> han) {
		ChineseScript script = new ChineseScript();
		han.forEach(script::add);
		return script.traditional() ? "zh-Hant" : "zh-Hans";
	}

}
