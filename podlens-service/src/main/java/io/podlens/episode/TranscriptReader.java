package io.podlens.episode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.podlens.common.InvalidInputException;
import io.podlens.transcript.Transcript;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParseException;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;

/**
 * Turns what a client sent into transcript segments, or a 400 that says what and where.
 */
final class TranscriptReader {

	private TranscriptReader() {
	}

	static TranscriptFormat format(String id, String field) {
		if (id == null || id.isBlank()) {
			return TranscriptFormat.AUTO;
		}
		try {
			return TranscriptFormat.fromId(id);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.forField(field, ex.getMessage());
		}
	}

	/**
	 * The format an uploaded file's name declares, for {@code auto}: a {@code .vtt} file
	 * must be WebVTT (with its header), as players would read it. Other names leave
	 * detection to the content.
	 */
	static TranscriptFormat formatNamedBy(String filename) {
		if (filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".vtt")) {
			return TranscriptFormat.WEBVTT;
		}
		return TranscriptFormat.AUTO;
	}

	static List<TranscriptSegment> parse(String content, TranscriptFormat format, String field) {
		try {
			return TranscriptParsers.parse(content, format).segments();
		}
		catch (TranscriptParseException ex) {
			throw invalid(ex, field);
		}
	}

	static List<TranscriptSegment> parse(byte[] content, TranscriptFormat format, String field) {
		try {
			return TranscriptParsers.parse(content, format).segments();
		}
		catch (TranscriptParseException ex) {
			throw invalid(ex, field);
		}
	}

	/** Ready-made segments, sorted by start time; bad ones name their position. */
	static List<TranscriptSegment> fromInputs(List<NewEpisodeRequest.SegmentInput> inputs) {
		List<TranscriptSegment> segments = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			NewEpisodeRequest.SegmentInput input = inputs.get(i);
			if (input.endMs() < input.startMs()) {
				throw InvalidInputException.forField("segments[" + i + "].endMs",
						"ends at " + input.endMs() + " ms, before its start at " + input.startMs() + " ms");
			}
			String text = CleanText.clean(input.text()).strip();
			if (text.isEmpty()) {
				throw InvalidInputException.forField("segments[" + i + "].text",
						"has no text once control characters are removed");
			}
			String speaker = CleanText.clean(input.speaker());
			segments.add(new TranscriptSegment(input.startMs(), input.endMs(), speaker, text));
		}
		// Clients may send segments out of order; the episode keeps them in time order
		// (a stable sort: equal starts keep their order). Overlaps are kept as sent:
		// captions of two speakers talking at once legitimately overlap.
		segments.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
		return segments;
	}

	private static InvalidInputException invalid(TranscriptParseException ex, String field) {
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("field", field);
		where.put("format", ex.format().id());
		if (ex.line() > 0) {
			where.put("line", ex.line());
		}
		return new InvalidInputException("Invalid transcript", ex.getMessage(), where);
	}

}
