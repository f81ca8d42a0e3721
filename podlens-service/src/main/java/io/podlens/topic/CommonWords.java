package io.podlens.topic;

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
		if (WordLists.COMMON_ENGLISH.contains(key)) {
			return true;
		}
		for (String suffix : SUFFIXES) {
			if (key.length() > suffix.length() + 1 && key.endsWith(suffix)) {
				String stem = key.substring(0, key.length() - suffix.length());
				boolean doubled = stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2);
				if (WordLists.COMMON_ENGLISH.contains(stem) || WordLists.COMMON_ENGLISH.contains(stem + "e")
						|| WordLists.COMMON_ENGLISH.contains(stem + "y")
						|| (doubled && WordLists.COMMON_ENGLISH.contains(stem.substring(0, stem.length() - 1)))) {
					return true;
				}
			}
		}
		return false;
	}

}
