package io.podlens.text;

import java.util.HashMap;
import java.util.Map;

/**
 * How far apart two toneless pinyin syllables sound, from 0 (the same) to 1 (unrelated),
 * for comparing Chinese characters with the syllables a Latin name is rendered as. Tones
 * are never seen (the kernel's pinyin is toneless). The confusions Chinese renderings of
 * foreign names and Mandarin speakers mix are near: aspirated and plain initials (p/b,
 * t/d, k/g, q/j), flat and retroflex (z/zh, s/sh), l/n/r, f/h, y/w and no initial; front
 * and back nasals (an/ang, en/eng, in/ing) cost least, vowels of one family (e/ei/ai,
 * o/ou/ao/uo, u/ou/iu) a little more.
 */
public final class SyllableDistance {

	private static final String[] INITIALS = { "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
			"j", "q", "x", "r", "z", "c", "s", "y", "w" };

	/** Initials that count as near, as unordered pairs "a|b" ("" is no initial). */
	private static final String[] NEAR_INITIALS = { "b|p", "d|t", "g|k", "k|h", "j|q", "j|zh", "q|ch", "x|s", "x|sh",
			"s|sh", "z|zh", "c|ch", "z|c", "zh|ch", "z|j", "c|q", "l|n", "l|r", "n|r", "f|h", "y|", "w|", "y|w", "j|x",
			"q|x", "s|c", "s|z" };

	/** Finals that differ only by the nasal's place. */
	private static final String[] NASAL_PAIRS = { "an|ang", "en|eng", "in|ing", "ian|iang", "uan|uang", "un|ong",
			"en|un", "eng|ong", "in|en", "ing|eng" };

	/** Finals of one vowel family. */
	private static final String[][] FAMILIES = { { "e", "ei", "ai", "ie", "i" }, { "i", "ie", "ei", "ui" },
			{ "o", "ou", "ao", "uo", "e" }, { "u", "ou", "iu", "uo" }, { "a", "ia", "ua", "e" },
			{ "an", "ian", "uan", "en" }, { "ang", "iang", "uang", "eng" }, { "iao", "ao" }, { "uai", "ai" },
			{ "ui", "ei" } };

	static final double NEAR_INITIAL = 0.2;

	static final double OTHER_INITIAL = 0.7;

	static final double NASAL = 0.1;

	static final double FAMILY = 0.25;

	static final double OTHER_FINAL = 0.7;

	private static final Map<String, Double> FINAL_COSTS = new HashMap<>();

	private static final java.util.Set<String> NEAR = new java.util.HashSet<>();

	static {
		for (String pair : NEAR_INITIALS) {
			NEAR.add(pair);
			String[] p = pair.split("\\|", -1);
			NEAR.add(p[1] + "|" + p[0]);
		}
		for (String[] family : FAMILIES) {
			for (String a : family) {
				for (String b : family) {
					if (!a.equals(b)) {
						FINAL_COSTS.merge(a + "|" + b, FAMILY, Math::min);
					}
				}
			}
		}
		for (String pair : NASAL_PAIRS) {
			String[] p = pair.split("\\|");
			FINAL_COSTS.put(p[0] + "|" + p[1], NASAL);
			FINAL_COSTS.put(p[1] + "|" + p[0], NASAL);
		}
	}

	private SyllableDistance() {
	}

	/**
	 * Distances already worked out, by the one syllable and the other: Mandarin has about
	 * 400 toneless syllables, and matching asks for the same pairs again and again.
	 */
	private static final Map<String, Map<String, Double>> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

	/** The distance of two toneless pinyin syllables, 0 to 1. */
	public static double of(String a, String b) {
		if (a.equals(b)) {
			return 0;
		}
		Map<String, Double> row = KNOWN.computeIfAbsent(a, (k) -> new java.util.concurrent.ConcurrentHashMap<>());
		Double known = row.get(b);
		if (known == null) {
			known = compute(a, b);
			row.put(b, known);
		}
		return known;
	}

	private static double compute(String a, String b) {
		String ia = initial(a);
		String ib = initial(b);
		String fa = a.substring(ia.length());
		String fb = b.substring(ib.length());
		double cost = ia.equals(ib) ? 0 : (NEAR.contains(ia + "|" + ib) ? NEAR_INITIAL : OTHER_INITIAL);
		if (!fa.equals(fb)) {
			cost += FINAL_COSTS.getOrDefault(fa + "|" + fb, OTHER_FINAL);
		}
		return Math.min(1.0, cost);
	}

	/** The initial consonant of a pinyin syllable, "" when it starts with a vowel. */
	static String initial(String syllable) {
		for (String initial : INITIALS) {
			if (syllable.startsWith(initial) && syllable.length() > initial.length()) {
				return initial;
			}
		}
		return "";
	}

	/**
	 * The initial of a syllable's {@link #key key} alone ("" when it starts with a
	 * vowel), for the second syllable of an index key, whose vowel may differ more.
	 */
	public static String initialKey(String syllable) {
		return initial(key(syllable));
	}

	/**
	 * A coarse key of a syllable under which near syllables mostly meet: aspiration,
	 * retroflexion, l/n and the nasal's place merged ({@link Pinyin#merge} then p/b, t/d,
	 * k/g, q/j, c/z).
	 */
	public static String key(String syllable) {
		String merged = Pinyin.merge(syllable);
		StringBuilder out = new StringBuilder(merged.length());
		for (int i = 0; i < merged.length(); i++) {
			char c = merged.charAt(i);
			out.append(switch (c) {
				case 'p' -> 'b';
				case 't' -> 'd';
				case 'k' -> 'g';
				case 'q' -> 'j';
				case 'c' -> 'z';
				default -> c;
			});
		}
		return out.toString();
	}

}
