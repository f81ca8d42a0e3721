package io.podlens.episode;

/**
 * Removes what no transcript text should carry before it is stored: control characters
 * (PostgreSQL refuses NUL in text; others corrupt exports) and unpaired UTF-16 surrogates
 * (which cannot be encoded as UTF-8). Tabs and line breaks become spaces. Parsed
 * transcripts are cleaned by the transcript package already; this covers ready-made
 * segments and the episode's own fields.
 */
final class CleanText {

	private CleanText() {
	}

	/** The cleaned text, {@code null} for {@code null}. */
	static String clean(String text) {
		if (text == null || isClean(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' || c == '\n' || c == '\r') {
				out.append(' ');
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (!Character.isISOControl(c) && !Character.isSurrogate(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean isClean(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				return false;
			}
			if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 >= text.length()
						|| !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
		}
		return true;
	}

}
