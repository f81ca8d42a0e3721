package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads Podcasting 2.0 HTML transcripts: {@code <cite>Speaker:</cite>} sets the speaker,
 * {@code <time>M:SS</time>} the start, and each {@code
 *
<p>
 * } is text said from there. A segment ends where the next one starts. A small tolerant
 * scanner, not a full HTML parser: other markup is ignored and tags inside elements are
 * stripped.
 */
final class HtmlTranscriptParser {

	private static final TranscriptFormat FORMAT = TranscriptFormat.HTML;

	private HtmlTranscriptParser() {
	}

	static List<RawCue> parse(String content) {
		String lower = content.toLowerCase(Locale.ROOT);
		List<Entry> entries = new ArrayList<>();
		String speaker = null;
		long time = -1;
		boolean timeUsed = false;
		int position = 0;
		int[] lineCursor = { 0, 1 };
		while (true) {
			int open = nextElement(lower, position);
			if (open < 0) {
				break;
			}
			String name = elementName(lower, open);
			int contentStart = lower.indexOf('>', open) + 1;
			int close = lower.indexOf("</" + name, contentStart);
			int line = lineOf(content, open, lineCursor);
			if (close < 0) {
				throw new TranscriptParseException(FORMAT, line, "<" + name + "> is never closed");
			}
			String inner = CueText
				.clean(CueText.decodeEntities(CueText.stripTags(content.substring(contentStart, close))));
			switch (name) {
				case "cite" -> speaker = inner.endsWith(":") || inner.endsWith("：")
						? inner.substring(0, inner.length() - 1).strip() : inner;
				case "time" -> {
					time = Timecodes.clock(inner);
					if (time < 0) {
						throw new TranscriptParseException(FORMAT, line,
								"<time>" + inner + "</time> is not a time (expected M:SS, MM:SS or H:MM:SS)");
					}
					timeUsed = false;
				}
				default -> {
					if (inner.isEmpty()) {
						break;
					}
					if (time < 0) {
						throw new TranscriptParseException(FORMAT, line, "<p> before any <time>: its start is unknown");
					}
					if (timeUsed && !entries.isEmpty()) {
						Entry last = entries.get(entries.size() - 1);
						last.text.append(' ').append(inner);
					}
					else {
						entries.add(new Entry(line, time, speaker, inner));
						timeUsed = true;
					}
				}
			}
			position = close + name.length() + 2;
		}
		if (entries.isEmpty()) {
			throw new TranscriptParseException(FORMAT, 0, "no <time> followed by a <p> found");
		}
		List<RawCue> cues = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			String text = entry.text.toString();
			long end = (i + 1 < entries.size() && entries.get(i + 1).start >= entry.start) ? entries.get(i + 1).start
					: entry.start + Timecodes.estimateDuration(text);
			cues.add(new RawCue(entry.line, entry.start, end, entry.speaker, text));
		}
		return cues;
	}

	/**
	 * Index of the next {@code <cite>}, {@code <time>} or {@code
	 *
	<p>
	 * } start tag.
	 */
	private static int nextElement(String lower, int from) {
		int index = lower.indexOf('<', from);
		while (index >= 0) {
			String name = elementName(lower, index);
			if (name != null) {
				return index;
			}
			index = lower.indexOf('<', index + 1);
		}
		return -1;
	}

	private static @Nullable String elementName(String lower, int open) {
		for (String name : new String[] { "cite", "time", "p" }) {
			int after = open + 1 + name.length();
			if (lower.startsWith(name, open + 1) && after < lower.length()
					&& (lower.charAt(after) == '>' || Character.isWhitespace(lower.charAt(after)))
					&& lower.indexOf('>', after) >= 0) {
				return name;
			}
		}
		return null;
	}

	/**
	 * Line of {@code index}, counting on from the cursor (index, line) of the last call.
	 */
	private static int lineOf(String content, int index, int[] cursor) {
		for (int i = cursor[0]; i < index; i++) {
			if (content.charAt(i) == '\n') {
				cursor[1]++;
			}
		}
		cursor[0] = Math.max(cursor[0], index);
		return cursor[1];
	}

	private static final class Entry {

		final int line;

		final long start;

		final String speaker;

		final StringBuilder text;

		Entry(int line, long start, String speaker, String text) {
			this.line = line;
			this.start = start;
			this.speaker = speaker;
			this.text = new StringBuilder(text);
		}

	}

}
