package io.podlens.search;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;

/**
 * What the background reopen interval costs an import (not a test; see
 * docs/performance.md): two threads write batches of 50 episodes of 100 segments through
 * {@link LuceneSegmentSearch#index}, as the two store threads of a bulk import do, with
 * {@code reopen-max-stale} 1 s and 10 s alternated; prints wall time, process CPU time
 * and how many segment names the index used (flushes and merges).
 * <p>
 * Arguments: batches per run, rounds. Text lines come from {@code ../shared/corpus}.
 */
public final class ReopenCost {

	public static void main(String[] args) throws Exception {
		ImportBatches source = new ImportBatches();
		int batches = Integer.parseInt(args[0]);
		int rounds = Integer.parseInt(args[1]);
		for (int r = 0; r < rounds; r++) {
			for (Duration stale : List.of(Duration.ofSeconds(1), Duration.ofSeconds(10))) {
				run(source, batches, stale);
			}
		}
	}

	static void run(ImportBatches source, int batches, Duration stale) throws Exception {
		Path dir = Files.createTempDirectory("reopen-cost");
		PodlensProperties properties = TestPodlensProperties.withDataDir(dir);
		SearchProperties d = SearchSettings.defaults();
		SearchProperties settings = new SearchProperties(d.exactTotalUpTo(), stale, d.reopenMinStale(), d.commitEvery(),
				d.rebuildBatchSize(), d.indexingThreads(), d.parallelFrom(), d.warmUp(), d.contextWindow(),
				d.ranking());
		LuceneIndex index = new LuceneIndex(properties, settings);
		LuceneSegmentSearch search = new LuceneSegmentSearch(index, new QueryTranslator(properties, settings),
				new FakeSegmentSource(), FakeTopicLookup.none(), settings);
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long cpu0 = os.getProcessCpuTime();
		long t0 = System.nanoTime();
		AtomicLong next = new AtomicLong();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < 2; w++) {
			Thread t = new Thread(() -> {
				long b;
				while ((b = next.getAndIncrement()) < batches) {
					List<StoredSegment> batch = source.batch(b);
					search.index(batch);
				}
			});
			writers.add(t);
			t.start();
		}
		for (Thread t : writers) {
			t.join();
		}
		double wall = (System.nanoTime() - t0) / 1e9;
		long cpu = os.getProcessCpuTime() - cpu0;
		long docs = index.stats().documents();
		index.destroy();
		SegmentInfos infos;
		try (FSDirectory directory = FSDirectory.open(new IndexDirectories(properties.indexDir()).current())) {
			infos = SegmentInfos.readLatestCommit(directory);
		}
		System.out.printf(
				"reopen-max-stale %2ds: %d docs, wall %.1f s, process CPU %.1f s, segment names used %d, segments at end %d%n",
				stale.toSeconds(), docs, wall, cpu / 1e9, infos.counter, infos.size());
	}

}
