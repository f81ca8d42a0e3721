package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads plain text with a time at the start of each segment: a range such as
 * {@code (MM:SS~MM:SS) text} or {@code [HH:MM:SS - HH:MM:SS] text}, or a start only such
 * as {@code [HH:MM:SS] text}, {@code [MM:SS] text} or {@code HH:MM:SS text}. Lines
 * without a time continue the segment above; lines before the first time (a title) are
 * ignored. A start-only segment ends where the next one starts; the last one gets an
 * estimate from its length.
 */
final class TimestampedTextParser {

	private static final String TIME = "\\d{1,9}:\\d{1,2}(?::\\d{1,2})?(?:[.,]\\d{1,3})?";

	private static final Pattern RANGE = Pattern
		.compile("^\\s*[(\\[]\\s*(" + TIME + ")\\s*(?:~|-|–|—|-->|to)\\s*(" + TIME + ")\\s*[)\\]]\\s*(.*)$");

	private static final Pattern BRACKETED_START = Pattern.compile("^\\s*[(\\[]\\s*(" + TIME + ")\\s*[)\\]]\\s*(.*)$");

	private static final Pattern BARE_START = Pattern.compile("^\\s*(" + TIME + ")(?:\\s+|\\s*[-–—|]\\s+)(\\S.*)$");

	private static final Pattern LOOKS_TIMED = Pattern.compile("^\\s*[(\\[]\\s*\\d+:[\\w.:,]*\\s*[~\\])\\-–—].*$");

	private TimestampedTextParser() {
	}

	/** Whether the content has lines this reader understands (used by detection). */
	static boolean looksLikeIt(List<String> lines) {
		int timed = 0;
		int checked = 0;
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			if (RANGE.matcher(line).matches() || BRACKETED_START.matcher(line).matches()
					|| BARE_START.matcher(line).matches()) {
				timed++;
			}
			if (++checked >= 50) {
				break;
			}
		}
		return timed > 0 && timed * 3 >= Math.min(checked, 3);
	}

	static List<RawCue> parse(String content) {
		List<String> lines = Lines.of(content);
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			Entry entry = entry(line, i + 1);
			if (entry != null) {
				entries.add(entry);
			}
			else if (!entries.isEmpty()) {
				entries.get(entries.size() - 1).text.append(' ').append(line.strip());
			}
		}
		if (entries.isEmpty()) {
			throw new TranscriptParseException(TranscriptFormat.TIMESTAMPED_TEXT, 0,
					"no timed line found (expected lines such as '(MM:SS~MM:SS) text' or '[HH:MM:SS] text')");
		}
		List<RawCue> cues = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			String text = CueText.clean(entry.text.toString());
			long end = entry.end;
			if (end < 0) {
				long nextStart = -1;
				for (int j = i + 1; j < entries.size() && nextStart < 0; j++) {
					if (entries.get(j).start >= entry.start) {
						nextStart = entries.get(j).start;
					}
				}
				end = (nextStart >= 0) ? nextStart : entry.start + Timecodes.estimateDuration(text);
			}
			cues.add(new RawCue(entry.line, entry.start, end, null, text));
		}
		return SpeakerPrefixes.apply(cues);
	}

	private static @Nullable Entry entry(String line, int lineNumber) {
		Matcher range = RANGE.matcher(line);
		if (range.matches()) {
			return new Entry(lineNumber, time(range.group(1), "start", lineNumber),
					time(range.group(2), "end", lineNumber), range.group(3));
		}
		Matcher bracketed = BRACKETED_START.matcher(line);
		if (bracketed.matches()) {
			return new Entry(lineNumber, time(bracketed.group(1), "start", lineNumber), -1, bracketed.group(2));
		}
		Matcher bare = BARE_START.matcher(line);
		if (bare.matches() && Timecodes.clock(bare.group(1)) >= 0) {
			return new Entry(lineNumber, Timecodes.clock(bare.group(1)), -1, bare.group(2));
		}
		if (LOOKS_TIMED.matcher(line).matches()) {
			throw new TranscriptParseException(TranscriptFormat.TIMESTAMPED_TEXT, lineNumber,
					"'" + SrtParser.abbreviate(line)
							+ "' starts like a time but is not one (expected (MM:SS~MM:SS), [HH:MM:SS] or [MM:SS])");
		}
		return null;
	}

	private static long time(String text, String which, int lineNumber) {
		long ms = Timecodes.clock(text);
		if (ms < 0) {
			throw new TranscriptParseException(TranscriptFormat.TIMESTAMPED_TEXT, lineNumber, which + " time " + text
					+ " is not a time (minutes and seconds must be below 60, as in MM:SS or HH:MM:SS)");
		}
		return ms;
	}

	private static final class Entry {

		final int line;

		final long start;

		final long end;

		final StringBuilder text;

		Entry(int line, long start, long end, String text) {
			this.line = line;
			this.start = start;
			this.end = end;
			this.text = new StringBuilder(text);
		}

	}

}
