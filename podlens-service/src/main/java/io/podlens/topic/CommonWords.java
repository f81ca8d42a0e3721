package io.podlens.topic;

import java.util.Set;

import io.podlens.text.WordLists;

/**
 * Whether a Latin word is ordinary English, so that it is not fuzzed into a name lightly.
 */
final class CommonWords {

	private static final String[] SUFFIXES = { "s", "es", "ed", "d", "ing", "er", "ly", "ies" };

	private CommonWords() {
	}

	/**
	 * Whether a folded word, or its stem, is a {@link WordLists#COMMON_ENGLISH common
	 * English word}.
	 */
	static boolean isCommon(String key) {
		return inList(WordLists.COMMON_ENGLISH, key);
	}

	/**
	 * Whether a folded word, or its stem, is any English word or given name the kernel
	 * knows ({@link WordLists#COMMON_ENGLISH} or the larger
	 * {@link WordLists#ENGLISH_WORDS}): the test of the guard for fuzzy and sound-alike
	 * matches whose text is a word.
	 */
	static boolean isWord(String key) {
		return isCommon(key) || inList(WordLists.ENGLISH_WORDS, key);
	}

	/**
	 * Whether a folded word, or its stem, is among the most common English words
	 * ({@link WordLists#COMMON_ENGLISH} or {@link WordLists#FREQUENT_ENGLISH}): alone,
	 * such a word is never taken for a misheard name.
	 */
	static boolean isFrequent(String key) {
		return isCommon(key) || inList(WordLists.FREQUENT_ENGLISH, key);
	}

	private static boolean inList(Set<String> words, String key) {
		if (words.contains(key)) {
			return true;
		}
		for (String suffix : SUFFIXES) {
			if (key.length() > suffix.length() + 1 && key.endsWith(suffix)) {
				String stem = key.substring(0, key.length() - suffix.length());
				boolean doubled = stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2);
				if (words.contains(stem) || words.contains(stem + "e") || words.contains(stem + "y")
						|| (doubled && words.contains(stem.substring(0, stem.length() - 1)))) {
					return true;
				}
			}
		}
		return false;
	}

}
