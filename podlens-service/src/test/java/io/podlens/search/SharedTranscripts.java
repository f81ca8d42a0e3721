package io.podlens.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.podlens.episode.StoredSegment;
import io.podlens.text.SharedData;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;

/**
 * The real transcripts of ../shared (the seed and corpus/en, corpus/zh), read with the
 * project's own readers, one episode per file, with their own timestamps.
 */
final class SharedTranscripts {

	private SharedTranscripts() {
	}

	/** Every transcript: the seed first, then corpus/en and corpus/zh by file name. */
	static List<List<StoredSegment>> all() throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> seeds = Files.list(SharedData.dir().resolve("seeds"))) {
			seeds.sorted().forEach(files::add);
		}
		for (String language : List.of("en", "zh")) {
			try (Stream<Path> list = Files.list(SharedData.dir().resolve("corpus").resolve(language))) {
				list.filter((f) -> !f.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
			}
		}
		List<List<StoredSegment>> episodes = new ArrayList<>();
		long segmentId = 1;
		for (Path file : files) {
			List<StoredSegment> episode = read(file, episodes.size() + 1, segmentId);
			segmentId += episode.size();
			episodes.add(episode);
		}
		return episodes;
	}

	/** One shared file (relative to ../shared) as episode {@code episodeId}. */
	static List<StoredSegment> one(String relative, long episodeId) throws IOException {
		return read(SharedData.file(relative), episodeId, episodeId * 1_000_000);
	}

	private static List<StoredSegment> read(Path file, long episodeId, long firstSegmentId) throws IOException {
		List<TranscriptSegment> segments = TranscriptParsers.parse(Files.readAllBytes(file), TranscriptFormat.AUTO)
			.segments();
		String name = file.getFileName().toString();
		String language = name.contains("zh-Hans") ? "zh-Hans"
				: (name.contains("zh") || name.startsWith("000")) ? "zh-Hant" : "en";
		List<StoredSegment> stored = new ArrayList<>(segments.size());
		for (TranscriptSegment segment : segments) {
			if (!segment.text().isBlank()) {
				stored.add(new StoredSegment(firstSegmentId + stored.size(), episodeId, name, "shared", language,
						stored.size(), segment.startMs(), segment.endMs(), segment.speaker(), segment.text()));
			}
		}
		return stored;
	}

}
