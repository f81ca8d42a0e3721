package io.podlens.transcript;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes segments as SRT, WebVTT or Podcasting 2.0 JSON. Every export reads back with
 * {@link TranscriptParsers} to the same segments: times to the millisecond and speakers
 * (SRT as a {@code Name: } prefix, WebVTT as {@code <v Name>}, JSON as {@code speaker}).
 */
public final class TranscriptWriters {

	private TranscriptWriters() {
	}

	/**
	 * @throws IllegalArgumentException for formats other than SRT, WEBVTT and
	 * PODCAST_JSON
	 */
	public static String write(List<TranscriptSegment> segments, TranscriptFormat format) {
		return switch (format) {
			case SRT -> srt(segments);
			case WEBVTT -> webvtt(segments);
			case PODCAST_JSON -> podcastJson(segments);
			default -> throw new IllegalArgumentException(
					"cannot export as " + format.id() + "; export formats are srt, webvtt and podcast-json");
		};
	}

	private static String srt(List<TranscriptSegment> segments) {
		StringBuilder out = new StringBuilder();
		int index = 1;
		for (TranscriptSegment segment : segments) {
			out.append(index++).append('\n');
			out.append(Timecodes.format(segment.startMs(), ','))
				.append(" --> ")
				.append(Timecodes.format(segment.endMs(), ','))
				.append('\n');
			if (segment.speaker() != null) {
				out.append(singleLine(segment.speaker())).append(": ");
			}
			out.append(singleLine(segment.text())).append("\n\n");
		}
		return out.toString();
	}

	private static String webvtt(List<TranscriptSegment> segments) {
		StringBuilder out = new StringBuilder("WEBVTT\n\n");
		for (TranscriptSegment segment : segments) {
			out.append(Timecodes.format(segment.startMs(), '.'))
				.append(" --> ")
				.append(Timecodes.format(segment.endMs(), '.'))
				.append('\n');
			if (segment.speaker() != null) {
				out.append("<v ").append(escape(singleLine(segment.speaker()))).append('>');
			}
			out.append(escape(singleLine(segment.text()))).append("\n\n");
		}
		return out.toString();
	}

	private static String podcastJson(List<TranscriptSegment> segments) {
		ObjectNode root = JsonSegments.MAPPER.createObjectNode();
		root.put("version", "1.0.0");
		ArrayNode array = root.putArray("segments");
		for (TranscriptSegment segment : segments) {
			ObjectNode node = array.addObject();
			if (segment.speaker() != null) {
				node.put("speaker", segment.speaker());
			}
			node.put("startTime", segment.startMs() / 1000.0);
			node.put("endTime", segment.endMs() / 1000.0);
			node.put("body", segment.text());
		}
		return JsonSegments.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

	private static String singleLine(String text) {
		return CueText.clean(text);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
