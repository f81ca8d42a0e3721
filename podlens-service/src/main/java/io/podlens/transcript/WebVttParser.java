package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT. Follows the W3C file layout (the {@code WEBVTT} signature on the first
 * line, a header block ended by a blank line, {@code NOTE}/{@code STYLE}/{@code REGION}
 * blocks, optional cue identifiers, cue settings) but is strict where the peers are: a
 * block without a timing line or with a malformed time is an error rather than silently
 * skipped. Times may omit hours or minutes ({@code 1:01.080}, {@code 7.380}) as some
 * podcast tools write them. A timing line inside cue text starts a new cue.
 */
final class WebVttParser {

	private static final Pattern SIGNATURE = Pattern.compile("^WEBVTT(?:[ \\t].*)?$");

	private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+?)\\s*-->\\s*(\\S+)(?:[ \\t]+(.*))?$");

	private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?[ \\t]+([^>]*)>");

	private static final Pattern SKIPPED_BLOCK = Pattern.compile("^(?:NOTE|STYLE|REGION)(?:[ \\t].*)?$");

	private WebVttParser() {
	}

	static List<RawCue> parse(String content) {
		List<String> lines = Lines.of(content);
		String first = lines.get(0);
		if (first.isBlank() && lines.size() > 1 && lines.get(1).startsWith("WEBVTT")) {
			throw new TranscriptParseException(TranscriptFormat.WEBVTT, 1,
					"blank line before the WEBVTT header (the first line must be WEBVTT)");
		}
		if (!SIGNATURE.matcher(first).matches()) {
			throw new TranscriptParseException(TranscriptFormat.WEBVTT, 1, "missing WEBVTT header (the first line is '"
					+ SrtParser.abbreviate(first) + "', it must be WEBVTT)");
		}
		int i = 1;
		while (i < lines.size() && !lines.get(i).isEmpty()) {
			if (lines.get(i).contains("-->")) {
				throw new TranscriptParseException(TranscriptFormat.WEBVTT, i + 1,
						"cue timing inside the header: a blank line must separate the WEBVTT header from the first cue");
			}
			i++;
		}
		List<CaptionCue> cues = new ArrayList<>();
		while (i < lines.size()) {
			if (lines.get(i).isBlank()) {
				// only an empty line ends a block, but whitespace-only lines between
				// blocks are harmless
				i++;
				continue;
			}
			int blockStart = i;
			int blockEnd = i;
			while (blockEnd < lines.size() && !lines.get(blockEnd).isEmpty()) {
				blockEnd++;
			}
			readBlock(lines, blockStart, blockEnd, cues);
			i = blockEnd;
		}
		return Captions.toRawCues(cues);
	}

	private static void readBlock(List<String> lines, int start, int end, List<CaptionCue> cues) {
		if (SKIPPED_BLOCK.matcher(lines.get(start)).matches()) {
			return;
		}
		int timing;
		if (lines.get(start).contains("-->")) {
			timing = start;
		}
		else if (start + 1 < end && lines.get(start + 1).contains("-->")) {
			timing = start + 1; // after a cue identifier
		}
		else {
			throw new TranscriptParseException(TranscriptFormat.WEBVTT, start + 1,
					"block without a cue timing line (expected HH:MM:SS.mmm --> HH:MM:SS.mmm before '"
							+ SrtParser.abbreviate(lines.get(start)) + "')");
		}
		while (timing < end) {
			long[] times = timing(lines.get(timing), timing + 1);
			List<String> text = new ArrayList<>();
			String voice = null;
			int next = timing + 1;
			while (next < end && !TIMING.matcher(lines.get(next)).matches()) {
				String raw = lines.get(next);
				Matcher matcher = VOICE.matcher(raw);
				if (voice == null && matcher.find()) {
					voice = CueText.clean(CueText.decodeEntities(matcher.group(1)));
				}
				String line = CueText.captionLine(raw);
				if (!line.isEmpty()) {
					text.add(line);
				}
				next++;
			}
			cues.add(new CaptionCue(timing + 1, times[0], times[1], voice, text));
			timing = next;
		}
	}

	private static long[] timing(String line, int lineNumber) {
		Matcher matcher = TIMING.matcher(line);
		if (!matcher.matches()) {
			throw new TranscriptParseException(TranscriptFormat.WEBVTT, lineNumber, "'" + SrtParser.abbreviate(line)
					+ "' is not a cue timing line (expected HH:MM:SS.mmm --> HH:MM:SS.mmm)");
		}
		long start = Timecodes.cueTime(matcher.group(1));
		if (start < 0) {
			throw new TranscriptParseException(TranscriptFormat.WEBVTT, lineNumber,
					"start time " + matcher.group(1) + " is not a time (expected HH:MM:SS.mmm or MM:SS.mmm)");
		}
		long end = Timecodes.cueTime(matcher.group(2));
		if (end < 0) {
			throw new TranscriptParseException(TranscriptFormat.WEBVTT, lineNumber,
					"end time " + matcher.group(2) + " is not a time (expected HH:MM:SS.mmm or MM:SS.mmm)");
		}
		return new long[] { start, end };
	}

}
