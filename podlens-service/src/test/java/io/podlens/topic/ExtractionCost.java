package io.podlens.topic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.podlens.episode.StoredSegment;
import io.podlens.text.SharedData;
import io.podlens.transcript.Transcript;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;

/**
 * Topic extraction cost per 1,000 segments over the shared Chinese and English corpus,
 * with the shipped taxonomy: each file is read as an import reads it and extracted as one
 * episode. Not a test (surefire skips it); run it with the test class path:
 *
 * <pre>
 * ./mvnw -o -q -DskipTests test-compile dependency:build-classpath -pl podlens-service -am \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "podlens-service/target/test-classes:podlens-service/target/classes:$(cat podlens-service/target/cp.txt)" \
 *     io.podlens.topic.ExtractionCost [rounds]
 * </pre>
 */
public final class ExtractionCost {

	// Thread CPU time, since the machine is shared and wall time depends on the
	// neighbours.
	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private ExtractionCost() {
	}

	public static void main(String[] args) throws IOException {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		long built = System.nanoTime();
		TopicExtractor extractor = TopicExtractor.withDefaultTaxonomy();
		double buildMs = (System.nanoTime() - built) / 1e6;
		System.out.printf("taxonomy: %d topics, extractor built in %.0f ms (cold)%n",
				Taxonomy.defaultTaxonomy().topics().size(), buildMs);
		for (String language : List.of("zh", "en")) {
			List<List<StoredSegment>> episodes = episodes("corpus/" + language);
			int segments = episodes.stream().mapToInt(List::size).sum();
			double[] perThousand = new double[rounds];
			double[] cpuPerThousand = new double[rounds];
			int mentions = 0;
			// The first pass warms the JIT and the caches (pinyin, sound keys); not
			// counted.
			for (List<StoredSegment> episode : episodes) {
				extractor.extract(episode);
			}
			for (int r = 0; r < rounds; r++) {
				long started = System.nanoTime();
				long cpu = THREADS.getCurrentThreadCpuTime();
				mentions = 0;
				for (List<StoredSegment> episode : episodes) {
					mentions += extractor.extract(episode).size();
				}
				perThousand[r] = (System.nanoTime() - started) / 1e6 / segments * 1000;
				cpuPerThousand[r] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / segments * 1000;
			}
			Arrays.sort(perThousand);
			Arrays.sort(cpuPerThousand);
			System.out.printf(
					"%s: %d files, %d segments, %d mentions; per 1,000 segments: CPU ms median %.1f (min %.1f),"
							+ " wall ms median %.1f (min %.1f)%n",
					language, episodes.size(), segments, mentions, cpuPerThousand[rounds / 2], cpuPerThousand[0],
					perThousand[rounds / 2], perThousand[0]);
		}
	}

	private static List<List<StoredSegment>> episodes(String folder) throws IOException {
		List<List<StoredSegment>> episodes = new ArrayList<>();
		List<Path> files;
		try (var list = Files.list(SharedData.dir().resolve(folder))) {
			files = list.filter((p) -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
		}
		long id = 1;
		for (Path file : files) {
			Transcript transcript = TranscriptParsers.parse(Files.readAllBytes(file), TranscriptFormat.AUTO);
			List<StoredSegment> segments = new ArrayList<>();
			for (TranscriptSegment s : transcript.segments()) {
				int index = segments.size();
				segments.add(new StoredSegment(id * 100_000 + index, id, file.getFileName().toString(), null, "und",
						index, s.startMs(), s.endMs(), s.speaker(), s.text()));
			}
			episodes.add(segments);
			id++;
		}
		return episodes;
	}

}
