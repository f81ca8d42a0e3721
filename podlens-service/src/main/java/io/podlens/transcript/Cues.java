package io.podlens.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Validation, cleaning and ordering shared by all readers. */
final class Cues {

	/** A cue starting this close to 0 ... */
	private static final long RESTART_NEAR_ZERO_MS = 1_000;

	/** ... after one that started at least this much later is a restarted clock. */
	private static final long RESTART_MIN_JUMP_MS = 10_000;

	/** Restarts needed before a file counts as chunked. */
	private static final int MIN_RESTARTS = 2;

	private Cues() {
	}

	private static int restarts(List<RawCue> cues) {
		int count = 0;
		long previousStart = -1;
		for (RawCue cue : cues) {
			if (isRestart(previousStart, cue)) {
				count++;
			}
			previousStart = cue.startMs();
		}
		return count;
	}

	private static boolean isRestart(long previousStart, RawCue cue) {
		return cue.startMs() >= 0 && cue.startMs() <= RESTART_NEAR_ZERO_MS
				&& previousStart >= cue.startMs() + RESTART_MIN_JUMP_MS;
	}

	/**
	 * Refuses negative times and ends before starts (naming the line), continues clocks
	 * that restart at 0 (chunked recognisers), drops cues without text and sorts by start
	 * (stable, so cues with equal starts keep their order).
	 */
	static List<TranscriptSegment> normalise(TranscriptFormat format, List<RawCue> cues) {
		List<TranscriptSegment> segments = new ArrayList<>(cues.size());
		// Chunked recognisers (Whisper-JAX, say) restart their clock at 0 for every chunk
		// of
		// ~30 s, again and again; one jump back to 0 is just an unsorted file.
		boolean chunked = restarts(cues) >= MIN_RESTARTS;
		long offset = 0;
		long previousStart = -1;
		long chunkEnd = 0;
		for (RawCue raw : cues) {
			if (chunked && isRestart(previousStart, raw)) {
				offset = chunkEnd;
			}
			previousStart = raw.startMs();
			RawCue cue = (offset == 0) ? raw : raw.shifted(offset);
			chunkEnd = Math.max(chunkEnd, cue.endMs());
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
