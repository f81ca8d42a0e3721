package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Podcasting 2.0 JSON transcripts:
 * {@code {"version":"1.0.0","segments":[{"speaker","startTime","endTime","body"}]}}.
 */
final class PodcastJsonParser {

	private PodcastJsonParser() {
	}

	static List<RawCue> parse(String content) {
		TranscriptFormat format = TranscriptFormat.PODCAST_JSON;
		List<JsonSegments.Item> items = JsonSegments.read(content, format, "segments");
		List<RawCue> cues = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			JsonSegments.Item item = items.get(i);
			if (!item.node().isObject()) {
				throw new TranscriptParseException(format, item.line(), "segment " + (i + 1) + " is not an object");
			}
			long start = JsonSegments.seconds(item, "startTime", format, i);
			if (start < 0) {
				throw new TranscriptParseException(format, item.line(), "segment " + (i + 1) + " has no startTime");
			}
			long end = JsonSegments.seconds(item, "endTime", format, i);
			if (end < 0) {
				throw new TranscriptParseException(format, item.line(), "segment " + (i + 1) + " has no endTime");
			}
			String body = JsonSegments.text(item, "body");
			cues.add(new RawCue(item.line(), start, end, JsonSegments.text(item, "speaker"),
					(body != null) ? body : ""));
		}
		return mergeSplitCaptions(cues);
	}

	/**
	 * Some hosts split one caption into several segments with the very same times
	 * (Buzzsprout). When that is common in a file, such runs are joined back.
	 */
	static List<RawCue> mergeSplitCaptions(List<RawCue> cues) {
		int repeated = 0;
		for (int i = 1; i < cues.size(); i++) {
			if (sameCaption(cues.get(i - 1), cues.get(i))) {
				repeated++;
			}
		}
		if (repeated == 0 || repeated * 5 < cues.size()) {
			return cues;
		}
		List<RawCue> merged = new ArrayList<>(cues.size());
		for (RawCue cue : cues) {
			int last = merged.size() - 1;
			if (last >= 0 && sameCaption(merged.get(last), cue)) {
				merged.set(last, merged.get(last).withText(merged.get(last).text().strip() + " " + cue.text().strip()));
			}
			else {
				merged.add(cue);
			}
		}
		return merged;
	}

	private static boolean sameCaption(RawCue a, RawCue b) {
		return a.startMs() == b.startMs() && a.endMs() == b.endMs() && a.endMs() > a.startMs()
				&& java.util.Objects.equals(a.speaker(), b.speaker());
	}

}
