package io.podlens.topic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.podlens.text.LatinSound;

/**
 * How a Latin name sounds when written phonetically in Hanzi, as toneless pinyin letters:
 * acronym letters by their names as Chinese speakers say them (G-P-T as ji-bi-ti),
 * numbers in Chinese or in English sound (4 as si or fu-er), words by a simplified
 * spelling (llama as lama). Compared with the pinyin of Han text, this finds 吉比提富尔
 * (GPT-4) and 拉玛三 (Llama 3).
 */
final class HanSound {

	private static final String[] LETTERS = { "ei", "bi", "xi", "di", "yi", "aifu", "ji", "aiqi", "ai", "jie", "kai",
			"aier", "aimu", "en", "ou", "pi", "kiu", "aer", "aisi", "ti", "you", "wei", "dabuliu", "aikesi", "wai",
			"zei" };

	private static final String[] CHINESE_DIGITS = { "ling", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu" };

	private static final String[] ENGLISH_DIGITS = { "ling", "wan", "tu", "sili", "fuer", "faifu", "sikesi", "saiwen",
			"eite", "nain" };

	private static final int MAX_VARIANTS = 8;

	private HanSound() {
	}

	/**
	 * Merges aspirated and unaspirated initials (p/b, t/d, k/g, q/j, c/z), which Chinese
	 * renderings of English letters mix freely (P as 比 bi or 批 pi).
	 */
	static String flatten(String pinyin) {
		return pinyin.replace("ch", "zh")
			.replace('p', 'b')
			.replace('t', 'd')
			.replace('k', 'g')
			.replace('q', 'j')
			.replace('c', 'z');
	}

	/** Pinyin-letter renderings of a Latin name as written (case shows acronyms). */
	static Set<String> keys(String name) {
		List<String> variants = new ArrayList<>();
		variants.add("");
		for (String part : name.split("[^\\p{L}\\p{N}]+")) {
			if (part.isEmpty()) {
				continue;
			}
			for (String chunk : part.split("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})")) {
				variants = extend(variants, renderings(chunk));
			}
		}
		return new LinkedHashSet<>(variants);
	}

	private static List<String> renderings(String chunk) {
		List<String> out = new ArrayList<>();
		if (chunk.chars().allMatch(Character::isDigit)) {
			StringBuilder chinese = new StringBuilder();
			StringBuilder english = new StringBuilder();
			for (char c : chunk.toCharArray()) {
				chinese.append(CHINESE_DIGITS[c - '0']);
				english.append(ENGLISH_DIGITS[c - '0']);
			}
			out.add(chinese.toString());
			out.add(english.toString());
			return out;
		}
		boolean acronym = chunk.length() <= 4
				&& chunk.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
		String lower = chunk.toLowerCase(Locale.ROOT);
		if (acronym || chunk.length() == 1) {
			StringBuilder spelled = new StringBuilder();
			for (char c : lower.toCharArray()) {
				if (c >= 'a' && c <= 'z') {
					spelled.append(LETTERS[c - 'a']);
				}
			}
			out.add(spelled.toString());
		}
		if (!acronym || chunk.length() > 1) {
			out.add(LatinSound.normalize(lower));
		}
		return out;
	}

	private static List<String> extend(List<String> prefixes, List<String> parts) {
		List<String> out = new ArrayList<>();
		for (String prefix : prefixes) {
			for (String part : parts) {
				if (out.size() < MAX_VARIANTS) {
					out.add(prefix + part);
				}
			}
		}
		return out;
	}

}
