package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads Whisper-style JSON: {@code {"segments":[{"start","end","text","speaker"?}]}} with
 * seconds as numbers or numeric strings (whisper, faster-whisper, WhisperX,
 * whisper-diarization). The Hugging Face pipeline shape
 * {@code {"chunks":[{"timestamp":[start,end],"text"}]}} is read too.
 */
final class WhisperJsonParser {

	private WhisperJsonParser() {
	}

	static List<RawCue> parse(String content) {
		TranscriptFormat format = TranscriptFormat.WHISPER_JSON;
		List<JsonSegments.Item> items = JsonSegments.read(content, format, "segments", "chunks");
		List<RawCue> cues = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			JsonSegments.Item item = items.get(i);
			if (!item.node().isObject()) {
				throw new TranscriptParseException(format, item.line(), "segment " + (i + 1) + " is not an object");
			}
			long start;
			long end;
			JsonNode timestamp = item.node().get("timestamp");
			if (timestamp != null && timestamp.isArray() && timestamp.size() == 2) {
				start = Math.round(timestamp.get(0).asDouble() * 1000);
				end = timestamp.get(1).isNull() ? -1 : Math.round(timestamp.get(1).asDouble() * 1000);
			}
			else {
				start = JsonSegments.seconds(item, "start", format, i);
				end = JsonSegments.seconds(item, "end", format, i);
			}
			if (start < 0) {
				throw new TranscriptParseException(format, item.line(), "segment " + (i + 1) + " has no start");
			}
			String text = JsonSegments.text(item, "text");
			if (end < 0) {
				end = start + Timecodes.estimateDuration((text != null) ? text : "");
			}
			cues.add(new RawCue(item.line(), start, end, JsonSegments.text(item, "speaker"),
					(text != null) ? text : ""));
		}
		return cues;
	}

}
