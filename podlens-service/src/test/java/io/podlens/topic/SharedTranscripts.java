package io.podlens.topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.podlens.episode.StoredSegment;
import io.podlens.transcript.LanguageDetector;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;

/**
 * Shared transcripts read as the service stores them on import: the production parsers
 * ({@link TranscriptParsers}, format detected, rolling caption lines removed, word-level
 * cues grouped, time order), the language detected when not given, and segment indexes
 * that are positions in that list, so hand labels name the segments a client sees.
 */
final class SharedTranscripts {

	private SharedTranscripts() {
	}

	/** The whole file as stored segments. */
	static List<StoredSegment> read(Path file) throws IOException {
		List<TranscriptSegment> parsed = TranscriptParsers.parse(Files.readAllBytes(file), TranscriptFormat.AUTO)
			.segments();
		String language = LanguageDetector.detect(parsed.stream().map(TranscriptSegment::text).toList());
		List<StoredSegment> segments = new ArrayList<>(parsed.size());
		long episodeId = Math.abs((long) file.getFileName().toString().hashCode()) + 1;
		for (int i = 0; i < parsed.size(); i++) {
			TranscriptSegment s = parsed.get(i);
			segments.add(new StoredSegment(episodeId * 100_000 + i, episodeId, file.getFileName().toString(), null,
					language, i, s.startMs(), s.endMs(), s.speaker(), s.text()));
		}
		return segments;
	}

}
