package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip: optional cue numbers, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm} timing lines
 * ({@code .} accepted for {@code ,}, spaces around the arrow optional), text until the
 * next cue. Lines between two timing lines belong to the first cue except a number right
 * before the second timing line, so cues without a blank line in between and cues whose
 * text has blank lines are both read.
 */
final class SrtParser {

	static final Pattern TIMING = Pattern.compile("^\\s*(\\S+?)\\s*-->\\s*(\\S+)(?:\\s.*)?$");

	/** A line that is meant as a timing line: it starts with a digit and has an arrow. */
	private static final Pattern TIMING_LIKE = Pattern.compile("^\\s*\\d\\S*\\s*-->.*$");

	private static final Pattern INDEX = Pattern.compile("^\\s*\\d+\\s*$");

	private SrtParser() {
	}

	static List<RawCue> parse(String content) {
		List<String> lines = Lines.of(content);
		List<Integer> timingLines = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains("-->") && TIMING_LIKE.matcher(lines.get(i)).matches()) {
				timingLines.add(i);
			}
		}
		int firstTiming = timingLines.isEmpty() ? lines.size() : timingLines.get(0);
		for (int i = 0; i < firstTiming; i++) {
			String line = lines.get(i);
			boolean indexBeforeTiming = i == firstTiming - 1 && INDEX.matcher(line).matches();
			if (!line.isBlank() && !indexBeforeTiming) {
				throw new TranscriptParseException(TranscriptFormat.SRT, i + 1,
						"expected a cue number or a timing line (HH:MM:SS,mmm --> HH:MM:SS,mmm) but found text '"
								+ abbreviate(line) + "'");
			}
		}
		if (timingLines.isEmpty()) {
			throw new TranscriptParseException(TranscriptFormat.SRT, 0,
					"no timing line (HH:MM:SS,mmm --> HH:MM:SS,mmm) found");
		}
		List<CaptionCue> cues = new ArrayList<>(timingLines.size());
		for (int t = 0; t < timingLines.size(); t++) {
			int timing = timingLines.get(t);
			int textEnd = (t + 1 < timingLines.size()) ? timingLines.get(t + 1) : lines.size();
			if (t + 1 < timingLines.size() && textEnd - 1 > timing && INDEX.matcher(lines.get(textEnd - 1)).matches()) {
				textEnd--;
			}
			long[] times = timing(lines.get(timing), timing + 1);
			List<String> text = new ArrayList<>();
			for (int i = timing + 1; i < textEnd; i++) {
				String line = CueText.srtLine(lines.get(i));
				if (!line.isEmpty()) {
					text.add(line);
				}
			}
			cues.add(new CaptionCue(timing + 1, times[0], times[1], null, text));
		}
		return Captions.toRawCues(cues);
	}

	private static long[] timing(String line, int lineNumber) {
		Matcher matcher = TIMING.matcher(line);
		if (!matcher.matches()) {
			throw new TranscriptParseException(TranscriptFormat.SRT, lineNumber,
					"'" + abbreviate(line) + "' is not a timing line (expected HH:MM:SS,mmm --> HH:MM:SS,mmm)");
		}
		long start = Timecodes.cueTime(matcher.group(1));
		if (start < 0) {
			throw new TranscriptParseException(TranscriptFormat.SRT, lineNumber,
					"start time " + matcher.group(1) + " is not a time (expected HH:MM:SS,mmm)");
		}
		long end = Timecodes.cueTime(matcher.group(2));
		if (end < 0) {
			throw new TranscriptParseException(TranscriptFormat.SRT, lineNumber,
					"end time " + matcher.group(2) + " is not a time (expected HH:MM:SS,mmm)");
		}
		return new long[] { start, end };
	}

	static String abbreviate(String line) {
		String trimmed = line.strip();
		return (trimmed.length() > 40) ? trimmed.substring(0, 40) + "…" : trimmed;
	}

}
