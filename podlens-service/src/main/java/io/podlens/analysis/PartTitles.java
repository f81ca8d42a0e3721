package io.podlens.analysis;

import java.util.List;

/** Titles of unthemed chapters: "Part 3: world models, JEPA" / "第三部分：世界模型、JEPA". */
final class PartTitles {

	private static final String DIGITS = "零一二三四五六七八九";

	private PartTitles() {
	}

	static String title(int part, List<String> words, boolean chinese) {
		if (chinese) {
			String head = "第" + chineseNumber(part) + "部分";
			return words.isEmpty() ? head : head + "：" + String.join("、", words);
		}
		String head = "Part " + part;
		return words.isEmpty() ? head : head + ": " + String.join(", ", words);
	}

	/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; from 100 on, digits. */
	static String chineseNumber(int n) {
		if (n <= 0 || n >= 100) {
			return Integer.toString(n);
		}
		if (n < 10) {
			return String.valueOf(DIGITS.charAt(n));
		}
		String tens = (n / 10 == 1) ? "十" : DIGITS.charAt(n / 10) + "十";
		return (n % 10 == 0) ? tens : tens + DIGITS.charAt(n % 10);
	}

}
