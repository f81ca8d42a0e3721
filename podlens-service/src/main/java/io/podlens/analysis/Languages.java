package io.podlens.analysis;

import java.util.Locale;

import io.podlens.text.ChineseScript;

/** Maps episode language tags to the tags theme names are written in. */
final class Languages {

	private Languages() {
	}

	/** {@code zh-Hant}, {@code zh-Hans} or the primary language ({@code en}, ...). */
	static String displayTag(String language) {
		if (language == null || language.isBlank()) {
			return "en";
		}
		String tag = language.replace('_', '-').toLowerCase(Locale.ROOT);
		if (tag.startsWith("zh")) {
			if (tag.contains("hant") || tag.endsWith("-tw") || tag.endsWith("-hk") || tag.endsWith("-mo")) {
				return "zh-Hant";
			}
			return "zh-Hans";
		}
		int dash = tag.indexOf('-');
		return (dash < 0) ? tag : tag.substring(0, dash);
	}

	/**
	 * Like {@link #displayTag(String)}, but a bare {@code zh} is decided from the script
	 * of the text itself.
	 */
	static String displayTag(String language, String sampleText) {
		if (language != null && language.replace('_', '-').equalsIgnoreCase("zh")) {
			return ChineseScript.isTraditional(sampleText) ? "zh-Hant" : "zh-Hans";
		}
		return displayTag(language);
	}

}
