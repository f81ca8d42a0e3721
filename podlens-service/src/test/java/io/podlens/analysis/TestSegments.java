package io.podlens.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.podlens.episode.StoredSegment;

/** Builds segments for tests: from short texts, the seed format and a minimal VTT. */
final class TestSegments {

	private static final Pattern SEED_LINE = Pattern.compile("\\((\\d+):(\\d+)~(\\d+):(\\d+)\\)\\s*(.*)");

	private static final Pattern VTT_TIME = Pattern
		.compile("(\\d+):(\\d+):(\\d+)[.,](\\d+)\\s*-->\\s*(\\d+):(\\d+):(\\d+)[.,](\\d+)");

	private TestSegments() {
	}

	static StoredSegment segment(int index, long startMs, long endMs, String text, String language) {
		return new StoredSegment(index + 1, 7, "Test episode", "Test podcast", language, index, startMs, endMs, null,
				text);
	}

	/** One segment per text, each {@code lengthMs} long. */
	static List<StoredSegment> evenly(String language, long lengthMs, String... texts) {
		List<StoredSegment> segments = new ArrayList<>();
		for (int i = 0; i < texts.length; i++) {
			segments.add(segment(i, i * lengthMs, (i + 1) * lengthMs, texts[i], language));
		}
		return segments;
	}

	/** Lines like {@code (01:05~02:06) text}. */
	static List<StoredSegment> seed(Path file, String language) {
		List<StoredSegment> segments = new ArrayList<>();
		for (String line : read(file)) {
			Matcher m = SEED_LINE.matcher(line.strip());
			if (m.matches()) {
				long start = (Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 1000;
				long end = (Long.parseLong(m.group(3)) * 60 + Long.parseLong(m.group(4))) * 1000;
				segments.add(segment(segments.size(), start, end, m.group(5), language));
			}
		}
		return segments;
	}

	/**
	 * Cue timing lines followed by text lines; cue numbers and the header are skipped.
	 */
	static List<StoredSegment> vtt(Path file, String language) {
		List<StoredSegment> segments = new ArrayList<>();
		long start = -1;
		long end = -1;
		StringBuilder text = new StringBuilder();
		for (String line : read(file)) {
			Matcher m = VTT_TIME.matcher(line);
			if (m.find()) {
				start = millis(m, 1);
				end = millis(m, 5);
				text.setLength(0);
			}
			else if (line.isBlank()) {
				if (start >= 0 && !text.isEmpty()) {
					segments.add(segment(segments.size(), start, end, text.toString().strip(), language));
				}
				start = -1;
			}
			else if (start >= 0) {
				text.append(' ').append(line.strip());
			}
		}
		if (start >= 0 && !text.isEmpty()) {
			segments.add(segment(segments.size(), start, end, text.toString().strip(), language));
		}
		return segments;
	}

	private static long millis(Matcher m, int group) {
		return ((Long.parseLong(m.group(group)) * 60 + Long.parseLong(m.group(group + 1))) * 60
				+ Long.parseLong(m.group(group + 2))) * 1000 + Long.parseLong(m.group(group + 3));
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
