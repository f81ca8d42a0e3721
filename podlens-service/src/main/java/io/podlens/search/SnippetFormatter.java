package io.podlens.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Renders a highlighted segment as safe HTML: all text escaped, {@code <mark>} around
 * matches. Text up to {@code maxChars} is shown whole; longer text is cut to the window
 * of at most {@code maxChars} that holds the most matches, with "…" where it was cut.
 * <p>
 * The highlighter hands over the whole text as one passage; overlapping matches (CJK
 * bigrams such as 變色 and 色龍) are merged into one mark.
 */
final class SnippetFormatter extends PassageFormatter {

	static final String ELLIPSIS = "…";

	private final int maxChars;

	SnippetFormatter(int maxChars) {
		this.maxChars = maxChars;
	}

	@Override
	public String format(Passage[] passages, String content) {
		List<int[]> matches = new ArrayList<>();
		for (Passage passage : passages) {
			for (int i = 0; i < passage.getNumMatches(); i++) {
				matches.add(new int[] { passage.getMatchStarts()[i], passage.getMatchEnds()[i] });
			}
		}
		return render(content, merge(matches));
	}

	/** Snippet with marks at known character spans (stored topic mentions). */
	String marked(String content, List<int[]> spans) {
		List<int[]> inside = new ArrayList<>();
		for (int[] span : spans) {
			if (span[0] >= 0 && span[1] <= content.length() && span[0] < span[1]) {
				inside.add(new int[] { span[0], span[1] });
			}
		}
		return render(content, merge(inside));
	}

	/** Snippet of text without any match, for hits the highlighter has nothing for. */
	String plain(String content) {
		return render(content, List.of());
	}

	private String render(String content, List<int[]> matches) {
		int start = 0;
		int end = content.length();
		if (end > this.maxChars) {
			start = bestWindowStart(content, matches);
			end = Math.min(content.length(), start + this.maxChars);
			if (end < content.length() && Character.isHighSurrogate(content.charAt(end - 1))) {
				end--;
			}
		}
		StringBuilder html = new StringBuilder(end - start + 32);
		if (start > 0) {
			html.append(ELLIPSIS);
		}
		int at = start;
		for (int[] match : matches) {
			if (match[0] < start || match[1] > end) {
				continue;
			}
			escape(content, at, match[0], html);
			html.append("<mark>");
			escape(content, match[0], match[1], html);
			html.append("</mark>");
			at = match[1];
		}
		escape(content, at, end, html);
		if (end < content.length()) {
			html.append(ELLIPSIS);
		}
		return html.toString();
	}

	/** Start of the window that fully contains the most matches, with some lead-in. */
	private int bestWindowStart(String content, List<int[]> matches) {
		int lead = this.maxChars / 5;
		int bestStart = 0;
		int bestCount = -1;
		for (int[] anchor : matches) {
			int start = Math.max(0, Math.min(anchor[0] - lead, content.length() - this.maxChars));
			int end = start + this.maxChars;
			int count = 0;
			for (int[] match : matches) {
				if (match[0] >= start && match[1] <= end) {
					count++;
				}
			}
			if (count > bestCount) {
				bestCount = count;
				bestStart = start;
			}
		}
		if (bestStart > 0 && Character.isLowSurrogate(content.charAt(bestStart))) {
			bestStart--;
		}
		return bestStart;
	}

	private static List<int[]> merge(List<int[]> matches) {
		matches.sort(Comparator.comparingInt((int[] m) -> m[0]));
		List<int[]> merged = new ArrayList<>();
		for (int[] match : matches) {
			int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && match[0] <= last[1]) {
				last[1] = Math.max(last[1], match[1]);
			}
			else {
				merged.add(new int[] { match[0], match[1] });
			}
		}
		return merged;
	}

	static void escape(String text, int from, int to, StringBuilder out) {
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
