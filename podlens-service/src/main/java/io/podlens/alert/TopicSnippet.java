package io.podlens.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The snippet of a segment that matched by mention: its text HTML-escaped with
 * {@code <mark>} around each mention, as search snippets are; a long segment is cut to a
 * window around its first mention.
 */
final class TopicSnippet {

	static final int MAX_CHARS = 300;

	private TopicSnippet() {
	}

	/**
	 * @param marks {@code [start, end)} character ranges of the text
	 */
	static String of(String text, List<int[]> marks) {
		List<int[]> sorted = new ArrayList<>();
		for (int[] mark : marks) {
			if (mark[0] >= 0 && mark[1] <= text.length() && mark[0] < mark[1]) {
				sorted.add(mark);
			}
		}
		sorted.sort(Comparator.comparingInt((int[] m) -> m[0]));
		int from = 0;
		int to = text.length();
		if (text.length() > MAX_CHARS) {
			int anchor = sorted.isEmpty() ? 0 : sorted.get(0)[0];
			from = Math.max(0, anchor - MAX_CHARS / 3);
			to = Math.min(text.length(), from + MAX_CHARS);
		}
		StringBuilder out = new StringBuilder();
		if (from > 0) {
			out.append('…');
		}
		int at = from;
		for (int[] mark : sorted) {
			int start = Math.max(mark[0], at);
			int end = Math.min(mark[1], to);
			if (start >= end) {
				continue;
			}
			escape(text, at, start, out);
			out.append("<mark>");
			escape(text, start, end, out);
			out.append("</mark>");
			at = end;
		}
		escape(text, at, to, out);
		if (to < text.length()) {
			out.append('…');
		}
		return out.toString();
	}

	private static void escape(String text, int from, int to, StringBuilder out) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
	}

}
