package io.podlens.search;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;

/**
 * How a word sounds, as a key that misheard spellings share. Chinese characters become
 * toneless pinyin with the initials and finals that speakers and recognisers confuse
 * merged (zh/z, ch/c, sh/s, -ng/-n, n/l), so 項量 and 向量 share {@code xian lian}. Latin
 * words become their first vowel's class followed by a consonant skeleton with voicing
 * folded (b/p, d/t, g/k, v/f, z/s) and weak letters dropped, so Camellian and Chameleon
 * share {@code a:kmln} and GBT and GPT share {@code kpt}.
 */
final class SoundKeys {

	private static final Transliterator PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");

	private static final Map<Integer, String> HAN_CACHE = new ConcurrentHashMap<>();

	private static volatile Set<String> syllables;

	private SoundKeys() {
	}

	/** The merged, toneless pinyin of one Han character. */
	static String han(int codePoint) {
		return HAN_CACHE.computeIfAbsent(codePoint, (cp) -> foldPinyin(PINYIN.transliterate(Character.toString(cp))));
	}

	static String foldPinyin(String pinyin) {
		String s = pinyin.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
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

	/** The sound key of a Latin letter-digit word (already lower case). */
	static String latin(String word) {
		if (word.length() <= 2 || word.chars().allMatch(Character::isDigit)) {
			return word;
		}
		String s = word.replace("ph", "f")
			.replace("ch", "k")
			.replace("sh", "s")
			.replace("th", "t")
			.replace("ck", "k")
			.replace("qu", "k")
			.replace("x", "ks");
		StringBuilder consonants = new StringBuilder();
		char firstVowel = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (isVowel(c)) {
				if (firstVowel == 0 && consonants.length() <= 1) {
					firstVowel = vowelClass(c);
				}
				continue;
			}
			// A non-rhotic r (before a consonant or at the end) is often not heard.
			if (c == 'r' && i > 0 && isVowel(s.charAt(i - 1)) && (i + 1 == s.length() || !isVowel(s.charAt(i + 1)))) {
				continue;
			}
			char folded = fold(c);
			if (folded == 0) {
				continue;
			}
			if (consonants.length() == 0 || consonants.charAt(consonants.length() - 1) != folded) {
				consonants.append(folded);
			}
		}
		if (consonants.length() < 2) {
			return word;
		}
		return (firstVowel != 0) ? firstVowel + ":" + consonants : consonants.toString();
	}

	/**
	 * Whether a string is a (merged) pinyin syllable. Built on first use from the CJK
	 * Unified Ideographs block, so that it matches what {@link #han(int)} produces.
	 */
	static boolean isSyllable(String key) {
		Set<String> known = syllables;
		if (known == null) {
			Set<String> built = new HashSet<>();
			for (int cp = 0x4E00; cp <= 0x9FA5; cp += 1) {
				String syllable = han(cp);
				if (!syllable.isEmpty()) {
					built.add(syllable);
				}
			}
			syllables = known = Set.copyOf(built);
		}
		return known.contains(key);
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
	}

	private static char vowelClass(char c) {
		return (c == 'e' || c == 'i' || c == 'y') ? 'e' : 'a';
	}

	private static char fold(char c) {
		return switch (c) {
			case 'b', 'p' -> 'p';
			case 'd', 't' -> 't';
			case 'g', 'k', 'c', 'q', 'j' -> 'k';
			case 'v', 'f' -> 'f';
			case 'z', 's' -> 's';
			case 'h', 'w' -> 0;
			default -> Character.isLetterOrDigit(c) ? c : 0;
		};
	}

}
