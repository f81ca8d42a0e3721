package io.podlens.search;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;

/**
 * What a commit and a reopen per bulk-import batch cost the index (not a test; see
 * docs/performance.md): two threads write batches of 50 episodes of 100 segments, as the
 * two store threads of a bulk import do, either each batch committed and reopened before
 * the next ({@link LuceneSegmentSearch#index}, how batches were written before) or
 * grouped ({@link LuceneSegmentSearch#indexBatch}, one {@link LuceneSegmentSearch#flush}
 * at the end, as now), the two alternated in one JVM; prints wall time, process CPU time
 * (up to the flush, and with the merges still running when the writer closes) and the
 * segment names the index used.
 * <p>
 * Arguments: batches per run, rounds. Text lines come from {@code ../shared/corpus}.
 */
public final class CommitCost {

	public static void main(String[] args) throws Exception {
		ImportBatches source = new ImportBatches();
		int batches = Integer.parseInt(args[0]);
		int rounds = Integer.parseInt(args[1]);
		for (int r = 0; r < rounds; r++) {
			for (boolean grouped : new boolean[] { false, true }) {
				run(source, batches, grouped);
			}
		}
	}

	static void run(ImportBatches source, int batches, boolean grouped) throws Exception {
		Path dir = Files.createTempDirectory("commit-cost");
		PodlensProperties properties = TestPodlensProperties.withDataDir(dir);
		SearchProperties settings = SearchSettings.defaults();
		LuceneIndex index = new LuceneIndex(properties, settings);
		LuceneSegmentSearch search = new LuceneSegmentSearch(index, new QueryTranslator(properties, settings),
				new FakeSegmentSource(), FakeTopicLookup.none(), settings);
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long cpu0 = os.getProcessCpuTime();
		long t0 = System.nanoTime();
		AtomicLong next = new AtomicLong();
		List<CompletableFuture<Void>> durable = new ArrayList<>();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < 2; w++) {
			Thread t = new Thread(() -> {
				long b;
				while ((b = next.getAndIncrement()) < batches) {
					List<StoredSegment> batch = source.batch(b);
					if (grouped) {
						CompletableFuture<Void> future = search.indexBatch(batch);
						synchronized (durable) {
							durable.add(future);
						}
					}
					else {
						search.index(batch);
					}
				}
			});
			writers.add(t);
			t.start();
		}
		for (Thread t : writers) {
			t.join();
		}
		search.flush();
		if (!durable.stream().allMatch(CompletableFuture::isDone)) {
			throw new IllegalStateException("a flush left batches waiting for a commit");
		}
		double wall = (System.nanoTime() - t0) / 1e9;
		long cpu = os.getProcessCpuTime() - cpu0;
		long docs = index.stats().documents();
		index.destroy();
		long cpuClosed = os.getProcessCpuTime() - cpu0;
		SegmentInfos infos;
		try (FSDirectory directory = FSDirectory.open(new IndexDirectories(properties.indexDir()).current())) {
			infos = SegmentInfos.readLatestCommit(directory);
		}
		System.out.printf(
				"%-9s: %d docs, wall %.1f s, process CPU %.1f s (%.1f s with the merges at close), segment names used %d, segments at end %d%n",
				grouped ? "grouped" : "per batch", docs, wall, cpu / 1e9, cpuClosed / 1e9, infos.counter, infos.size());
	}

}
