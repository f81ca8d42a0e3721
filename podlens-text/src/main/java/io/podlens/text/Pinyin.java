package io.podlens.text;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;
import org.jspecify.annotations.Nullable;

/**
 * Toneless pinyin of Han characters, read from their Simplified form so that 項 and 项
 * sound the same. ICU's transliterator runs once per character ever seen: results are
 * cached, and the transliterator (not safe for concurrent use) is only used under a lock.
 */
public final class Pinyin {

	private static final Transliterator TO_PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");

	/** By BMP code point; a racy fill is harmless (strings are immutable and equal). */
	private static final @Nullable String[] BMP = new String[0x10000];

	/**
	 * {@link #merged(int)} by BMP code point: the sound tokenizer asks for every Han
	 * character.
	 */
	private static final @Nullable String[] MERGED_BMP = new String[0x10000];

	private static final Map<Integer, String> SUPPLEMENTARY = new ConcurrentHashMap<>();

	private static volatile @Nullable Set<String> syllables;

	private Pinyin() {
	}

	/** Toneless pinyin of one character, letters a-z only; empty when it has none. */
	public static String of(int codePoint) {
		if (codePoint < BMP.length) {
			String known = BMP[codePoint];
			if (known == null) {
				known = read(codePoint);
				BMP[codePoint] = known;
			}
			return known;
		}
		return SUPPLEMENTARY.computeIfAbsent(codePoint, Pinyin::read);
	}

	/** Pinyin of every character of a text, concatenated. */
	public static String of(CharSequence text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i += Character.charCount(Character.codePointAt(text, i))) {
			out.append(of(Character.codePointAt(text, i)));
		}
		return out.toString();
	}

	/**
	 * Pinyin with the initials and finals that speakers and recognisers confuse merged
	 * (zh/z, ch/c, sh/s, -ng/-n, n/l), so 項量 and 向量 share {@code xian lian}.
	 */
	public static String merged(int codePoint) {
		if (codePoint < MERGED_BMP.length) {
			String known = MERGED_BMP[codePoint];
			if (known == null) {
				known = merge(of(codePoint));
				MERGED_BMP[codePoint] = known;
			}
			return known;
		}
		return merge(of(codePoint));
	}

	/** {@link #merged(int)} of toneless pinyin letters. */
	static String merge(String pinyin) {
		String s = pinyin;
		if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
			s = s.charAt(0) + s.substring(2);
		}
		if (s.startsWith("n")) {
			s = "l" + s.substring(1);
		}
		if (s.endsWith("ng")) {
			s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	/**
	 * Whether a string is a merged pinyin syllable. Built on first use from the CJK
	 * Unified Ideographs block, so that it matches what {@link #merged(int)} produces.
	 */
	public static boolean isSyllable(String key) {
		Set<String> known = syllables;
		if (known == null) {
			Set<String> built = new HashSet<>();
			for (int cp = 0x4E00; cp <= 0x9FA5; cp += 1) {
				String syllable = merged(cp);
				if (!syllable.isEmpty()) {
					built.add(syllable);
				}
			}
			syllables = known = Set.copyOf(built);
		}
		return known.contains(key);
	}

	private static String read(int codePoint) {
		String simplified = SimplifiedChinese.convert(Character.toString(codePoint));
		String latin;
		synchronized (TO_PINYIN) {
			latin = TO_PINYIN.transliterate(simplified);
		}
		StringBuilder letters = new StringBuilder(latin.length());
		for (int i = 0; i < latin.length(); i++) {
			char c = Character.toLowerCase(latin.charAt(i));
			if (c >= 'a' && c <= 'z') {
				letters.append(c);
			}
		}
		return letters.toString();
	}

}
