package io.podlens.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Latin word of a text with its place, for the rules that read names from how an
 * episode introduces them.
 *
 * @param start first character
 * @param end character after it
 * @param text the word as written
 */
record NameWord(int start, int end, String text) {

	/**
	 * A Latin word, with an inner apostrophe or hyphen ("O'Neil", "Jean-Luc");
	 * possessive, so that a recogniser's endless "ha-ha-ha-..." costs no backtracking
	 * stack.
	 */
	private static final Pattern WORD = Pattern.compile("\\p{IsLatin}++(?:['’\\-]\\p{IsLatin}++)*+");

	/** The words of a text in order. */
	static List<NameWord> of(String text) {
		List<NameWord> words = new ArrayList<>();
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			words.add(new NameWord(m.start(), m.end(), m.group()));
		}
		return words;
	}

	/**
	 * An upper-case first letter and a lower-case letter somewhere ("Paul", "OctoML").
	 */
	boolean capitalised() {
		return Character.isUpperCase(this.text.charAt(0)) && this.text.chars().anyMatch(Character::isLowerCase);
	}

	/** Without a possessive "'s". */
	String bare() {
		String lower = this.text.toLowerCase(Locale.ROOT);
		return (lower.endsWith("'s") || lower.endsWith("’s")) ? this.text.substring(0, this.text.length() - 2)
				: this.text;
	}

	/** {@link Folding#key} of the bare word. */
	String key() {
		return Folding.key(bare());
	}

	/** Whether {@code next} follows this word after one character (a space, mostly). */
	boolean followedBy(NameWord next) {
		return next.start() == this.end + 1;
	}

	/** An ordinary English word: "Will", "Mark", "Long", "the". */
	static boolean isOrdinary(String key) {
		return WordLists.COMMON_ENGLISH.contains(key) || WordLists.FREQUENT_ENGLISH.contains(key)
				|| WordLists.STOPWORDS.contains(key);
	}

	/**
	 * Most ordinary words capitalised: a title, whose capitals say nothing. Only ordinary
	 * words count, so that a short line of two full names is no title.
	 */
	static boolean titleCase(List<NameWord> line) {
		int ordinary = 0;
		int capitalised = 0;
		for (NameWord word : line) {
			if (isOrdinary(word.key())) {
				ordinary++;
				if (word.capitalised()) {
					capitalised++;
				}
			}
		}
		return ordinary >= 3 && capitalised > NameCandidates.TITLE_CASE * ordinary;
	}

}
