package io.podlens.search;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;

/**
 * Keyword search cost with and without cross-lingual expansion, in one process on one
 * index (every shared transcript), the two interleaved query by query so that the
 * machine's load hits them alike: per search the request thread's CPU time and
 * allocation, p50 and mean over the judged queries (relevance/queries.tsv) and rounds.
 * Not a test; run with {@code java -cp ... io.podlens.search.ExpansionCost [ROUNDS]}.
 */
public final class ExpansionCost {

	private ExpansionCost() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		Path data = Files.createTempDirectory("expansion-cost");
		PodlensProperties properties = TestPodlensProperties.withDataDir(data);
		LuceneIndex index = new LuceneIndex(properties, SearchSettings.defaults());
		FakeSegmentSource source = new FakeSegmentSource();
		LuceneSegmentSearch plain = new LuceneSegmentSearch(index,
				new QueryTranslator(properties, SearchSettings.defaults()), source, FakeTopicLookup.none(),
				SearchSettings.defaults());
		CrossLingualExpansion expansion = new CrossLingualExpansion(Glossary.shipped(), () -> null,
				ExpansionProperties.defaults());
		LuceneSegmentSearch expanding = new LuceneSegmentSearch(index,
				new QueryTranslator(properties, SearchSettings.defaults(), expansion), source, FakeTopicLookup.none(),
				SearchSettings.defaults());
		int segments = 0;
		for (List<StoredSegment> episode : SharedTranscripts.all()) {
			source.segments.addAll(episode);
			plain.index(episode);
			segments += episode.size();
		}
		List<String> queries = new ArrayList<>();
		for (String line : new String(Objects
			.requireNonNull(ExpansionCost.class.getClassLoader().getResourceAsStream("relevance/queries.tsv"))
			.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
			if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("id\t")) {
				String[] columns = line.split("\t");
				queries.add(columns[columns.length - 1]);
			}
		}
		long expanded = queries.stream().filter((q) -> !expansion.of(PlainQuery.of(q)).isEmpty()).count();
		System.out.printf("%d segments, %d queries (%d expanded), %d rounds%n", segments, queries.size(), expanded,
				rounds);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		// Warm-up: both, every query, twice.
		for (int i = 0; i < 2; i++) {
			for (String q : queries) {
				plain.search(SearchQuery.of(q));
				expanding.search(SearchQuery.of(q));
			}
		}
		int n = rounds * queries.size();
		long[][] cpu = new long[2][n];
		long[][] bytes = new long[2][n];
		int at = 0;
		for (int round = 0; round < rounds; round++) {
			for (String q : queries) {
				for (int k = 0; k < 2; k++) {
					int which = (round + k) % 2;
					LuceneSegmentSearch search = (which == 0) ? plain : expanding;
					long c0 = threads.getCurrentThreadCpuTime();
					long b0 = threads.getThreadAllocatedBytes(thread);
					search.search(SearchQuery.of(q));
					cpu[which][at] = threads.getCurrentThreadCpuTime() - c0;
					bytes[which][at] = threads.getThreadAllocatedBytes(thread) - b0;
				}
				at++;
			}
		}
		for (int which = 0; which < 2; which++) {
			System.out.printf("%-10s CPU per search p50 %.3f ms, mean %.3f ms; allocated p50 %.0f KB, mean %.0f KB%n",
					(which == 0) ? "plain" : "expanding", p50(cpu[which]) / 1e6, mean(cpu[which]) / 1e6,
					p50(bytes[which]) / 1024.0, mean(bytes[which]) / 1024.0);
		}
		System.out.printf("expanding/plain: CPU mean %.2fx, p50 %.2fx; allocation mean %.2fx%n",
				mean(cpu[1]) / mean(cpu[0]), p50(cpu[1]) / p50(cpu[0]), mean(bytes[1]) / mean(bytes[0]));
		index.destroy();
	}

	private static double p50(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double mean(long[] values) {
		return Arrays.stream(values).average().orElse(0);
	}

}
