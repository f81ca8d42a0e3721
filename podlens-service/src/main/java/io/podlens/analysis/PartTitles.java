package io.podlens.analysis;

/**
 * Numbered titles, "Part 3" / "第三部分", for unthemed chapters in which nothing dominates
 * (see {@link ChapterTitles}).
 */
final class PartTitles {

	private static final String DIGITS = "零一二三四五六七八九";

	private PartTitles() {
	}

	static String title(int part, boolean chinese) {
		return chinese ? "第" + chineseNumber(part) + "部分" : "Part " + part;
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
