package io.podlens.transcript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Groups word-level cues (one word per cue, as in many Podcasting 2.0 JSON files) into
 * readable segments. A group ends at a speaker change, after a sentence end
 * ({@code . ? ! 。 ？ ！ …}), before a pause longer than {@value #MAX_PAUSE_MS} ms, or when
 * it would pass {@value #MAX_GROUP_MS} ms.
 */
final class SegmentGrouper {

	static final long MAX_PAUSE_MS = 1500;

	static final long MAX_GROUP_MS = 30_000;

	/** A cue this short with at most this many words is typical of word-level timing. */
	static final long WORD_CUE_MAX_MS = 1200;

	static final int WORD_CUE_MAX_WORDS = 2;

	/** Fewer cues than this are never regrouped: too little evidence. */
	static final int MIN_CUES = 5;

	private SegmentGrouper() {
	}

	/**
	 * Whether there are at least five cues and the median one has at most two words and
	 * lasts at most 1.2 s.
	 */
	static boolean looksWordLevel(List<TranscriptSegment> segments) {
		if (segments.size() < MIN_CUES) {
			return false;
		}
		int[] words = segments.stream().mapToInt((segment) -> wordCount(segment.text())).toArray();
		long[] durations = segments.stream().mapToLong((segment) -> segment.endMs() - segment.startMs()).toArray();
		Arrays.sort(words);
		Arrays.sort(durations);
		return words[words.length / 2] <= WORD_CUE_MAX_WORDS && durations[durations.length / 2] <= WORD_CUE_MAX_MS;
	}

	static List<TranscriptSegment> group(List<TranscriptSegment> words) {
		List<TranscriptSegment> groups = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		TranscriptSegment first = null;
		long end = 0;
		for (TranscriptSegment word : words) {
			if (first != null && (!Objects.equals(first.speaker(), word.speaker())
					|| word.startMs() - end > MAX_PAUSE_MS || word.endMs() - first.startMs() > MAX_GROUP_MS)) {
				groups.add(new TranscriptSegment(first.startMs(), end, first.speaker(), text.toString()));
				first = null;
			}
			if (first == null) {
				first = word;
				text.setLength(0);
				end = word.endMs();
			}
			else {
				append(text, word.text());
			}
			if (text.length() == 0) {
				text.append(word.text());
			}
			end = Math.max(end, word.endMs());
			if (endsSentence(word.text())) {
				groups.add(new TranscriptSegment(first.startMs(), end, first.speaker(), text.toString()));
				first = null;
			}
		}
		if (first != null) {
			groups.add(new TranscriptSegment(first.startMs(), end, first.speaker(), text.toString()));
		}
		return groups;
	}

	/** Joins with a space, except before punctuation and between CJK characters. */
	static void append(StringBuilder text, String word) {
		char previous = text.charAt(text.length() - 1);
		char next = word.charAt(0);
		boolean noSpace = isClosingPunctuation(next) || (Timecodes.isCjk(previous) && Timecodes.isCjk(next))
				|| isCjkPunctuation(previous) || isCjkPunctuation(next);
		if (!noSpace) {
			text.append(' ');
		}
		text.append(word);
	}

	private static boolean isClosingPunctuation(char c) {
		return ",.;:!?%)]}…".indexOf(c) >= 0 || c == '’' || c == '”';
	}

	private static boolean isCjkPunctuation(char c) {
		return "，。！？、；：「」『』（）".indexOf(c) >= 0;
	}

	static boolean endsSentence(String text) {
		char last = text.charAt(text.length() - 1);
		if (last == '"' || last == '”' || last == '’' || last == ')') {
			if (text.length() < 2) {
				return false;
			}
			last = text.charAt(text.length() - 2);
		}
		return ".?!。？！…".indexOf(last) >= 0;
	}

	static int wordCount(String text) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Timecodes.isCjk(c)) {
				words++;
				inWord = false;
			}
			else if (Character.isWhitespace(c)) {
				inWord = false;
			}
			else {
				if (!inWord) {
					words++;
				}
				inWord = true;
			}
		}
		return words;
	}

}
