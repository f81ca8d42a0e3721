package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns SRT/WebVTT cues into raw cues: removes the repeated lines of YouTube-style
 * rolling captions, joins lines and reads {@code Name:} speaker prefixes.
 */
final class Captions {

	private Captions() {
	}

	static List<RawCue> toRawCues(List<CaptionCue> cues) {
		boolean rolling = isRolling(cues);
		List<RawCue> result = new ArrayList<>(cues.size());
		List<String> previous = List.of();
		for (CaptionCue cue : cues) {
			List<String> lines = cue.lines();
			if (rolling) {
				int skip = 0;
				while (skip < lines.size() && previous.contains(lines.get(skip))) {
					skip++;
				}
				lines = lines.subList(skip, lines.size());
			}
			previous = cue.lines();
			result.add(new RawCue(cue.line(), cue.startMs(), cue.endMs(), cue.voice(), String.join(" ", lines)));
		}
		return SpeakerPrefixes.apply(result);
	}

	/**
	 * Rolling captions repeat the previous cue's last line as their first line. The file
	 * counts as rolling when at least a third of its multi-line cues do so.
	 */
	static boolean isRolling(List<CaptionCue> cues) {
		int multiLine = 0;
		int repeating = 0;
		for (int i = 0; i < cues.size(); i++) {
			List<String> lines = cues.get(i).lines();
			if (lines.size() < 2) {
				continue;
			}
			multiLine++;
			if (i > 0) {
				List<String> before = cues.get(i - 1).lines();
				if (!before.isEmpty() && before.get(before.size() - 1).equals(lines.get(0))) {
					repeating++;
				}
			}
		}
		return repeating > 0 && repeating * 3 >= multiLine;
	}

}
