package io.podlens.transcript;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and formatting of clock times. */
final class Timecodes {

	/**
	 * Cue times of SRT and WebVTT, leniently: {@code HH:MM:SS.mmm}, {@code MM:SS.mmm} and
	 * {@code SS.mmm}, with {@code .} or {@code ,}, hours of any length; the fraction is
	 * required.
	 */
	private static final Pattern CUE_TIME = Pattern.compile("(\\d{1,9})(?::(\\d{1,2}))?(?::(\\d{1,2}))?[.,](\\d{1,3})");

	/** Clock times of text transcripts: {@code M:SS}, {@code MM:SS}, {@code H:MM:SS}. */
	private static final Pattern CLOCK = Pattern.compile("(\\d{1,9}):(\\d{1,2})(?::(\\d{1,2}))?(?:[.,](\\d{1,3}))?");

	private Timecodes() {
	}

	/** Milliseconds of a cue time, or -1 when it is not one. */
	static long cueTime(String text) {
		Matcher matcher = CUE_TIME.matcher(text);
		if (!matcher.matches()) {
			return -1;
		}
		return compose(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
	}

	/** Milliseconds of a clock time, or -1 when it is not one. */
	static long clock(String text) {
		Matcher matcher = CLOCK.matcher(text.trim());
		if (!matcher.matches()) {
			return -1;
		}
		return compose(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
	}

	private static long compose(String first, String second, String third, String fraction) {
		long hours = 0;
		long minutes = 0;
		long seconds;
		if (third != null) {
			hours = Long.parseLong(first);
			minutes = Long.parseLong(second);
			seconds = Long.parseLong(third);
			if (minutes > 59) {
				return -1;
			}
		}
		else if (second != null) {
			minutes = Long.parseLong(first);
			seconds = Long.parseLong(second);
		}
		else {
			seconds = Long.parseLong(first);
		}
		if (second != null && seconds > 59) {
			return -1;
		}
		long millis = 0;
		if (fraction != null) {
			millis = Long.parseLong((fraction + "00").substring(0, 3));
		}
		return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
	}

	/** {@code HH:MM:SS<separator>mmm}. */
	static String format(long ms, char separator) {
		long hours = ms / 3_600_000;
		long minutes = (ms / 60_000) % 60;
		long seconds = (ms / 1000) % 60;
		return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d%c%03d", hours, minutes, seconds, separator,
				ms % 1000);
	}

	/** Seconds written for a person, such as {@code 00:01:02.500}. */
	static String describe(long ms) {
		return format(ms, '.');
	}

	/**
	 * A guess of how long the text takes to say, for cues that only have a start: about
	 * 2.5 words or 4 CJK characters a second, at least one second.
	 */
	static long estimateDuration(String text) {
		int words = 0;
		int cjk = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isCjk(c)) {
				cjk++;
				inWord = false;
			}
			else if (Character.isLetterOrDigit(c)) {
				if (!inWord) {
					words++;
				}
				inWord = true;
			}
			else {
				inWord = false;
			}
		}
		return Math.max(1000, words * 400L + cjk * 250L);
	}

	static boolean isCjk(char c) {
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

}
