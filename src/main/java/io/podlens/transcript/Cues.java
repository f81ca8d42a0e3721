package io.podlens.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Validation, cleaning and ordering shared by all readers. */
final class Cues {

	private Cues() {
	}

	/**
	 * Refuses negative times and ends before starts (naming the line), drops cues without
	 * text and sorts by start (stable, so cues with equal starts keep their order).
	 */
	static List<TranscriptSegment> normalise(TranscriptFormat format, List<RawCue> cues) {
		List<TranscriptSegment> segments = new ArrayList<>(cues.size());
		for (RawCue cue : cues) {
			if (cue.startMs() < 0) {
				throw new TranscriptParseException(format, cue.line(),
						"start time is negative (" + cue.startMs() + " ms)");
			}
			if (cue.endMs() < 0) {
				throw new TranscriptParseException(format, cue.line(), "end time is negative (" + cue.endMs() + " ms)");
			}
			if (cue.endMs() < cue.startMs()) {
				throw new TranscriptParseException(format, cue.line(), "end time " + Timecodes.describe(cue.endMs())
						+ " is before start time " + Timecodes.describe(cue.startMs()));
			}
			String text = CueText.clean(cue.text());
			if (text.isEmpty()) {
				continue;
			}
			String speaker = (cue.speaker() != null) ? CueText.clean(cue.speaker()) : null;
			segments.add(new TranscriptSegment(cue.startMs(), cue.endMs(), speaker, text));
		}
		if (segments.isEmpty()) {
			throw new TranscriptParseException(format, 0, "no segment with text found");
		}
		segments.sort(Comparator.comparingLong(TranscriptSegment::startMs));
		return segments;
	}

}
