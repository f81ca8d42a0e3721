package io.podlens.topic;

/**
 * How far (in {@link io.podlens.text.LatinSound#SOUND sound distance}) a written Latin
 * name may be from a known one and still count as a misspelling of it.
 */
final class FuzzyLimits {

	private FuzzyLimits() {
	}

	/** Largest distance accepted for a name of normalised length {@code length}. */
	static double strict(int length) {
		if (length <= 4) {
			return 0;
		}
		if (length == 5) {
			return 1.0;
		}
		if (length <= 8) {
			return 1.5;
		}
		return (length <= 11) ? 2.0 : 2.5;
	}

	/** The looser limit used only for names the episode already mentions. */
	static double relaxed(int length, boolean acronym) {
		return (length <= 4) ? 0 : Math.max(strict(length), (acronym ? 0.4 : 0.34) * length);
	}

}
