package io.podlens.topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.podlens.episode.StoredSegment;

/** Minimal readers for the shared seed and SRT files, for quality tests only. */
final class TranscriptFiles {

	private static final Pattern SEED_LINE = Pattern.compile("^\\((\\d+):(\\d+)~(\\d+):(\\d+)\\)\\s*(.*)$");

	private static final Pattern SRT_TIME = Pattern
		.compile("(\\d+):(\\d+):(\\d+)[,.](\\d+)\\s*-->\\s*(\\d+):(\\d+):(\\d+)[,.](\\d+)");

	private TranscriptFiles() {
	}

	/** The seed: one segment a line, "(mm:ss~mm:ss) text". */
	static List<StoredSegment> seed(Path file) throws IOException {
		List<StoredSegment> segments = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			Matcher m = SEED_LINE.matcher(line.strip());
			if (!m.matches()) {
				continue;
			}
			long start = (Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 1000;
			long end = (Long.parseLong(m.group(3)) * 60 + Long.parseLong(m.group(4))) * 1000;
			int index = segments.size();
			segments
				.add(new StoredSegment(1000 + index, 1, "seed", "科技浪", "zh-Hant", index, start, end, null, m.group(5)));
		}
		return segments;
	}

	/** The first {@code limit} cues of an SRT file. */
	static List<StoredSegment> srt(Path file, int limit) throws IOException {
		List<StoredSegment> segments = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size() && segments.size() < limit; i++) {
			Matcher m = SRT_TIME.matcher(lines.get(i));
			if (!m.find()) {
				continue;
			}
			StringBuilder text = new StringBuilder();
			int j = i + 1;
			while (j < lines.size() && !lines.get(j).isBlank()) {
				text.append(text.length() > 0 ? " " : "").append(lines.get(j).strip());
				j++;
			}
			long start = millis(m, 1);
			long end = millis(m, 5);
			int index = segments.size();
			segments
				.add(new StoredSegment(5000 + index, 2, "en", null, "en", index, start, end, null, text.toString()));
			i = j;
		}
		return segments;
	}

	private static long millis(Matcher m, int group) {
		return ((Long.parseLong(m.group(group)) * 60 + Long.parseLong(m.group(group + 1))) * 60
				+ Long.parseLong(m.group(group + 2))) * 1000 + Long.parseLong(m.group(group + 3));
	}

}
