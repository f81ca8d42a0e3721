package io.podlens.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ibm.icu.text.Transliterator;

/**
 * ICU's Traditional-Simplified conversion, compiled into a character table and a short
 * list of phrase rules.
 * <p>
 * Every segment is converted several times (index fields, topic matching), and running
 * the ICU rule engine per token was the largest single cost of indexing. ICU's rules are
 * plain literals: about 2,850 one-character mappings and about 1,000 phrases that
 * override them (著名 keeps its 著, 於 is 于 but 於菟 stays). ICU tries, at each position, the
 * rules that start with that character in rule order and takes the first that matches;
 * this class does the same with the phrases indexed by their first character and the
 * table for the rest, so its output equals {@link Transliterator#transliterate} (checked
 * against ICU on every rule and on the seed and corpus texts by the tests).
 */
public final class SimplifiedChinese {

	/** The ICU transliterator this class reproduces. */
	public static final String ICU_ID = "Traditional-Simplified";

	private static final SimplifiedChinese INSTANCE = new SimplifiedChinese(Transliterator.getInstance(ICU_ID));

	/** One-character mappings for the BMP; 0 where the character stays. */
	private final char[] single = new char[0x10000];

	/** Phrase rules by first character, in ICU's rule order. */
	private final Map<Character, Phrase[]> phrases;

	private SimplifiedChinese(Transliterator icu) {
		Map<Character, List<Phrase>> byFirst = new HashMap<>();
		for (String line : icu.toRules(false).split("\n")) {
			int arrow = line.indexOf('>');
			int end = line.lastIndexOf(';');
			if (arrow < 0 || end < arrow) {
				throw new IllegalStateException("Unexpected " + ICU_ID + " rule: " + line);
			}
			String from = line.substring(0, arrow).strip();
			String to = line.substring(arrow + 1, end).strip();
			if (from.isEmpty() || !isLiteral(from) || !isLiteral(to)) {
				throw new IllegalStateException("Unexpected " + ICU_ID + " rule: " + line);
			}
			if (from.length() == 1 && to.length() == 1) {
				this.single[from.charAt(0)] = to.charAt(0);
			}
			else {
				byFirst.computeIfAbsent(from.charAt(0), (c) -> new ArrayList<>()).add(new Phrase(from, to));
			}
		}
		this.phrases = new HashMap<>();
		byFirst.forEach((first, list) -> this.phrases.put(first, list.toArray(Phrase[]::new)));
	}

	/** The Simplified form of {@code text}; the same string when nothing changes. */
	public static String convert(String text) {
		return INSTANCE.apply(text);
	}

	/**
	 * Converts {@code buffer[0..length)} in place when no phrase rule applies (the usual
	 * case: every mapping keeps the length).
	 * @return the new length, or -1 when a phrase rule applies; then use
	 * {@link #convert(String)}
	 */
	public static int convertInPlace(char[] buffer, int length) {
		return INSTANCE.applyInPlace(buffer, length);
	}

	private String apply(String text) {
		StringBuilder out = null;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			Phrase phrase = phraseAt(text, i);
			String replacement;
			int consumed;
			if (phrase != null) {
				replacement = phrase.to;
				consumed = phrase.from.length();
			}
			else if (this.single[c] != 0) {
				replacement = null;
				consumed = 1;
			}
			else {
				if (out != null) {
					out.append(c);
				}
				i++;
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (replacement != null) {
				out.append(replacement);
			}
			else {
				out.append(this.single[c]);
			}
			i += consumed;
		}
		return (out != null) ? out.toString() : text;
	}

	private int applyInPlace(char[] buffer, int length) {
		for (int i = 0; i < length; i++) {
			Phrase[] candidates = this.phrases.get(buffer[i]);
			if (candidates != null) {
				for (Phrase phrase : candidates) {
					if (startsWith(buffer, length, i, phrase.from)) {
						return -1;
					}
				}
			}
		}
		for (int i = 0; i < length; i++) {
			char mapped = this.single[buffer[i]];
			if (mapped != 0) {
				buffer[i] = mapped;
			}
		}
		return length;
	}

	private Phrase phraseAt(String text, int at) {
		Phrase[] candidates = this.phrases.get(text.charAt(at));
		if (candidates != null) {
			for (Phrase phrase : candidates) {
				if (text.startsWith(phrase.from, at)) {
					return phrase;
				}
			}
		}
		return null;
	}

	private static boolean startsWith(char[] buffer, int length, int at, String prefix) {
		if (at + prefix.length() > length) {
			return false;
		}
		for (int k = 0; k < prefix.length(); k++) {
			if (buffer[at + k] != prefix.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/** Rules are literal characters; quoting or sets would need ICU's engine. */
	private static boolean isLiteral(String s) {
		return !s.isEmpty() && s.chars()
			.noneMatch((c) -> c == '\'' || c == '\\' || c == '[' || c == '{' || c == '}' || c == '|' || c == '$'
					|| c == ':' || c == ' ' || Character.isSurrogate((char) c));
	}

	private record Phrase(String from, String to) {
	}

}
