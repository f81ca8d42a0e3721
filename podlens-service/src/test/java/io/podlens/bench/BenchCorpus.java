package io.podlens.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import io.podlens.episode.StoredSegment;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;

/**
 * A deterministic synthetic corpus: episode {@code i} always holds the same
 * {@value #SEGMENTS_PER_EPISODE} consecutive segments of one real transcript (the
 * project's examples and, when present, ../shared/corpus en and zh), chosen by a fixed
 * seed.
 */
final class BenchCorpus {

	static final int SEGMENTS_PER_EPISODE = 100;

	static final int PODCASTS = 10;

	private static final long SEED = 20261128L;

	private final List<Source> sources;

	private BenchCorpus(List<Source> sources) {
		this.sources = sources;
	}

	record Source(String name, String language, List<String> texts) {
	}

	static BenchCorpus load(Path projectDir, Path sharedCorpus) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> examples = Files.list(projectDir.resolve("docs/examples"))) {
			examples.sorted().forEach(files::add);
		}
		for (String language : List.of("en", "zh")) {
			Path dir = sharedCorpus.resolve(language);
			if (Files.isDirectory(dir)) {
				try (Stream<Path> list = Files.list(dir)) {
					list.filter((f) -> !f.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
				}
			}
		}
		List<Source> sources = new ArrayList<>();
		for (Path file : files) {
			List<String> texts = TranscriptParsers.parse(Files.readAllBytes(file), TranscriptFormat.AUTO)
				.segments()
				.stream()
				.map(TranscriptSegment::text)
				.filter((t) -> !t.isBlank())
				.toList();
			if (!texts.isEmpty()) {
				sources.add(new Source(file.getFileName().toString(), language(file), texts));
			}
		}
		return new BenchCorpus(sources);
	}

	List<Source> sources() {
		return this.sources;
	}

	private static String language(Path file) {
		String name = file.getFileName().toString();
		if (name.contains("zh-Hans")) {
			return "zh-Hans";
		}
		if (name.contains("zh-Hant") || file.toString().contains("docs/examples")) {
			return "zh-Hant";
		}
		return "en";
	}

	static String podcast(int episode) {
		return "Bench Podcast " + (episode % PODCASTS);
	}

	/** The segments of episode {@code i} (0-based), ids not assigned. */
	List<StoredSegment> episode(int i, long firstSegmentId) {
		Random random = new Random(SEED + i);
		Source source = this.sources.get(random.nextInt(this.sources.size()));
		int start = random.nextInt(source.texts().size());
		List<StoredSegment> segments = new ArrayList<>(SEGMENTS_PER_EPISODE);
		for (int j = 0; j < SEGMENTS_PER_EPISODE; j++) {
			String text = source.texts().get((start + j) % source.texts().size());
			segments.add(new StoredSegment(firstSegmentId + j, i + 1, title(i), podcast(i), source.language(), j,
					j * 5000L, j * 5000L + 4800, null, text));
		}
		return segments;
	}

	static String title(int i) {
		return "Bench episode " + i;
	}

	/**
	 * Writes episodes {@code [from, to)} as NDJSON in the shape of POST /api/episodes.
	 */
	void writeNdjson(int from, int to, Path file, JsonMapper json) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = from; i < to; i++) {
				List<StoredSegment> segments = episode(i, 0);
				List<Map<String, Object>> inputs = segments.stream()
					.map((s) -> Map.<String, Object>of("startMs", s.startMs(), "endMs", s.endMs(), "text", s.text()))
					.toList();
				out.write(json.writeValueAsString(Map.of("title", title(i), "podcast", podcast(i), "externalId",
						"bench-" + i, "language", segments.get(0).language(), "segments", inputs)));
				out.write('\n');
			}
		}
	}

	/** Every segment of episodes {@code [0, episodes)}, generated on the fly. */
	Iterator<StoredSegment> segments(int episodes) {
		return new Iterator<>() {

			private int episode;

			private Iterator<StoredSegment> current = List.<StoredSegment>of().iterator();

			@Override
			public boolean hasNext() {
				while (!this.current.hasNext() && this.episode < episodes) {
					this.current = episode(this.episode, (long) this.episode * SEGMENTS_PER_EPISODE + 1).iterator();
					this.episode++;
				}
				return this.current.hasNext();
			}

			@Override
			public StoredSegment next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.current.next();
			}

		};
	}

}
