package io.podlens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.podlens.embedding.BenchEmbeddings;
import io.podlens.episode.StoredSegment;
import io.podlens.search.BenchLucene;
import io.podlens.search.SearchMode;
import io.podlens.search.SearchQuery;
import io.podlens.search.SearchResult;

/**
 * Keyword, semantic and hybrid search cost on the embedded index, directly (no HTTP), for
 * A/B comparisons of two builds of the search code on a loaded machine.
 * <ul>
 * <li>{@code build DATA EPISODES}: indexes the benchmark corpus (100 segments per
 * episode) into {@code DATA/index} with real embeddings of the default model (each
 * distinct passage embedded once).</li>
 * <li>{@code measure DATA ROUNDS NAME=CLASSES...}: loads each build's main classes (a
 * directory such as {@code target/classes}, or one compiled from an earlier commit) in a
 * class loader of its own, child first for {@code io.podlens}, and runs the query mix of
 * the semantic benchmark ({@link SemanticCost}: keyword-style queries and twelve
 * questions) in every mode, one client, query cache off, the builds interleaved round by
 * round in one process so that the machine's load hits them alike. Prints per build and
 * mode the p50 of wall time, and per request the p50 of the request thread's CPU time and
 * allocation (the query embedding runs on another thread and is not in them), the results
 * of both builds compared query by query, and the heap used after a full GC with the
 * indexes open.</li>
 * </ul>
 */
public final class HybridCost {

	private HybridCost() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "build" -> build(Path.of(args[1]), Integer.parseInt(args[2]));
			case "measure" ->
				measure(Path.of(args[1]), Integer.parseInt(args[2]), Arrays.copyOfRange(args, 3, args.length));
			default ->
				throw new IllegalArgumentException("usage: build DATA EPISODES | measure DATA ROUNDS NAME=DIR...");
		}
	}

	private static void build(Path data, int episodes) throws Exception {
		Path project = Path.of("").toAbsolutePath().getParent();
		BenchCorpus corpus = BenchCorpus.load(project, project.resolve("../shared/corpus").normalize());
		long started = System.nanoTime();
		Map<String, float[]> byText = new HashMap<>();
		Map<Long, float[]> bySegment = new HashMap<>();
		try (BenchEmbeddings model = BenchEmbeddings.load(data.resolve("native"), 2)) {
			List<String> pending = new ArrayList<>();
			Map<Long, String> textOf = new HashMap<>();
			for (int e = 0; e < episodes; e++) {
				List<StoredSegment> episode = corpus.episode(e, (long) e * BenchCorpus.SEGMENTS_PER_EPISODE + 1);
				List<String> passages = model.passages(episode);
				for (int i = 0; i < episode.size(); i++) {
					textOf.put(episode.get(i).segmentId(), passages.get(i));
					if (!byText.containsKey(passages.get(i))) {
						byText.put(passages.get(i), null);
						pending.add(passages.get(i));
					}
				}
			}
			// Texts of similar length share a batch, as in the worker.
			pending.sort(Comparator.comparingInt(String::length));
			for (int from = 0; from < pending.size(); from += 32) {
				List<String> batch = pending.subList(from, Math.min(pending.size(), from + 32));
				float[][] vectors = model.embed(batch);
				for (int i = 0; i < batch.size(); i++) {
					byText.put(batch.get(i), vectors[i]);
				}
				if ((from / 32) % 50 == 0) {
					Bench.log("embedded %d of %d passages", from + batch.size(), pending.size());
				}
			}
			textOf.forEach((id, text) -> bySegment.put(id, byText.get(text)));
			Bench.log("embedded %d distinct passages in %.1f s", pending.size(), (System.nanoTime() - started) / 1e9);
			// The layout the service opens: a generation directory named by "current".
			Path generation = data.resolve("index/gen-1");
			Files.createDirectories(generation);
			Files.writeString(data.resolve("index/current"), "gen-1");
			long count = BenchLucene.indexRaw(generation, corpus.segments(episodes), model.modelId(), (batch) -> {
				Map<Long, float[]> vectors = new HashMap<>();
				batch.forEach((s) -> vectors.put(s.segmentId(), bySegment.get(s.segmentId())));
				return vectors;
			});
			Bench.log("indexed %d segments in %.1f s", count, (System.nanoTime() - started) / 1e9);
		}
	}

	/**
	 * The mix of {@link SemanticCost}: keyword-style queries without filters, questions.
	 */
	static List<String> queries() {
		List<String> queries = new ArrayList<>();
		Bench.baseMix()
			.stream()
			.filter((q) -> q.size() == 1 && q.containsKey("q"))
			.forEach((q) -> queries.add(q.get("q")));
		queries.addAll(SemanticCost.QUESTIONS);
		return queries;
	}

	private static final List<String> MODES = List.of("keyword", "semantic", "hybrid");

	@SuppressWarnings("unchecked")
	private static void measure(Path data, int rounds, String[] builds) throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		List<String> names = new ArrayList<>();
		List<Function<String[], String>> runners = new ArrayList<>();
		URL testClasses = HybridCost.class.getProtectionDomain().getCodeSource().getLocation();
		for (String build : builds) {
			String[] parts = build.split("=", 2);
			names.add(parts[0]);
			ClassLoader loader = new ChildFirst(new URL[] { Path.of(parts[1]).toUri().toURL(), testClasses },
					HybridCost.class.getClassLoader());
			// Each build opens (and locks) an index of its own: hard links to the same
			// files, which Lucene never changes in place.
			Path copy = data.resolveSibling(data.getFileName() + "-" + parts[0]);
			linkIndex(data.resolve("index"), copy.resolve("index"));
			runners.add((Function<String[], String>) loader.loadClass(Runner.class.getName())
				.getConstructor(Path.class, Path.class)
				.newInstance(copy, data.resolve("native")));
		}
		List<String> queries = queries();
		String loadStart = loadAverage();
		// [build][mode] -> samples of wall ns, cpu ns, allocated bytes
		List<List<long[][]>> samples = new ArrayList<>();
		for (int b = 0; b < runners.size(); b++) {
			List<long[][]> perMode = new ArrayList<>();
			for (int m = 0; m < MODES.size(); m++) {
				perMode.add(new long[3][rounds * queries.size()]);
			}
			samples.add(perMode);
		}
		Map<String, String> firstResults = new LinkedHashMap<>();
		int mismatches = 0;
		int warmUp = 3;
		for (int r = -warmUp; r < rounds; r++) {
			for (int i = 0; i < runners.size(); i++) {
				// Alternate which build goes first.
				int b = (r % 2 == 0) ? i : runners.size() - 1 - i;
				for (int m = 0; m < MODES.size(); m++) {
					for (int q = 0; q < queries.size(); q++) {
						String[] request = { queries.get(q), MODES.get(m) };
						long cpu0 = threads.getCurrentThreadCpuTime();
						long alloc0 = threads.getCurrentThreadAllocatedBytes();
						long t0 = System.nanoTime();
						String result = runners.get(b).apply(request);
						long wall = System.nanoTime() - t0;
						long cpu = threads.getCurrentThreadCpuTime() - cpu0;
						long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
						if (r == -warmUp) {
							String key = MODES.get(m) + " " + queries.get(q);
							String first = firstResults.putIfAbsent(key, result);
							if (first != null && !first.equals(result)) {
								mismatches++;
								Bench.log("results differ: %s%n  %s: %s%n  %s: %s", key, names.get(0), first,
										names.get(b), result);
							}
						}
						if (r >= 0) {
							long[][] s = samples.get(b).get(m);
							int at = r * queries.size() + q;
							s[0][at] = wall;
							s[1][at] = cpu;
							s[2][at] = alloc;
						}
					}
				}
			}
		}
		String loadEnd = loadAverage();
		// The judged queries of the relevance set, as the scorer sends them (20 hits),
		// compared between the builds in every mode: the same hits mean the same nDCG.
		int judgedMismatches = 0;
		int judged = 0;
		for (RelevanceSet.Query judgedQuery : RelevanceSet.load().queries()) {
			for (String mode : MODES) {
				String first = null;
				for (int b = 0; b < runners.size(); b++) {
					String result = runners.get(b).apply(new String[] { judgedQuery.text(), mode, "20" });
					if (first == null) {
						first = result;
					}
					else if (!first.equals(result)) {
						judgedMismatches++;
						Bench.log("judged query %s differs in %s mode between %s and %s", judgedQuery.id(), mode,
								names.get(0), names.get(b));
					}
				}
				judged++;
			}
		}
		System.out.printf("judged relevance queries compared (query x mode, 20 hits): %d, differing: %d%n", judged,
				judgedMismatches);
		System.out.printf(
				"%d queries x %d rounds per build and mode (after %d warm-up rounds); load average %s at the"
						+ " start, %s at the end; result mismatches between builds: %d%n",
				queries.size(), rounds, warmUp, loadStart, loadEnd, mismatches);
		System.out.printf("%-10s %-9s %9s %9s %9s %10s %9s%n", "build", "mode", "p50 ms", "mean ms", "cpu p50",
				"alloc p50", "x keyword");
		for (int b = 0; b < runners.size(); b++) {
			double keywordP50 = 0;
			for (int m = 0; m < MODES.size(); m++) {
				long[][] s = samples.get(b).get(m);
				double p50 = median(s[0]) / 1e6;
				if (m == 0) {
					keywordP50 = p50;
				}
				System.out.printf("%-10s %-9s %9.2f %9.2f %9.2f %8.0f kB %9.2f%n", names.get(b), MODES.get(m), p50,
						Arrays.stream(s[0]).average().orElse(0) / 1e6, median(s[1]) / 1e6, median(s[2]) / 1024.0,
						p50 / keywordP50);
			}
		}
		// With every build's index open and searched in every mode: what the readers,
		// HNSW graphs included, keep on the heap (vectors and graphs are memory-mapped).
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		System.out.printf("heap used after full GC, %d build(s) open: %.1f MB; index on disk %.1f MB%n", runners.size(),
				heap / 1048576.0, Bench.treeSize(data.resolve("index")) / 1048576.0);
		for (Function<String[], String> runner : runners) {
			((AutoCloseable) runner).close();
		}
	}

	/** A copy of the index tree (the pointer file and one generation) as hard links. */
	private static void linkIndex(Path from, Path to) throws IOException {
		if (Files.isDirectory(to)) {
			try (var tree = Files.walk(to)) {
				for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		Files.createDirectories(to);
		Files.copy(from.resolve("current"), to.resolve("current"));
		String generation = Files.readString(from.resolve("current")).trim();
		Files.createDirectories(to.resolve(generation));
		try (var files = Files.list(from.resolve(generation))) {
			for (Path file : files.toList()) {
				if (!file.getFileName().toString().equals("write.lock")) {
					Files.createLink(to.resolve(generation).resolve(file.getFileName()), file);
				}
			}
		}
	}

	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * One build's search, loaded by its own class loader: {@code [q, mode]} to the
	 * result's text (every hit with its snippet, scores and ranks), so that builds can be
	 * compared.
	 */
	public static final class Runner implements Function<String[], String>, AutoCloseable {

		private final BenchEmbeddings model;

		private final BenchLucene lucene;

		public Runner(Path data, Path nativeDir) throws IOException {
			this.model = BenchEmbeddings.load(nativeDir, 1);
			this.lucene = BenchLucene.open(data, this.model.queries());
		}

		@Override
		public String apply(String[] request) {
			SearchQuery query = SearchQuery.of(request[0]).withMode(SearchMode.parse(request[1]));
			if (request.length > 2) {
				query = query.withPage(0, Integer.parseInt(request[2]));
			}
			SearchResult result;
			try {
				result = this.lucene.search(query);
			}
			catch (RuntimeException ex) {
				// An error is a result too: both builds must give the same one.
				return ex.toString();
			}
			return result.toString();
		}

		@Override
		public void close() throws IOException {
			this.lucene.close();
			this.model.close();
		}

	}

	/**
	 * Loads {@code io.podlens} classes from its own URLs first (the text module's
	 * excepted).
	 */
	private static final class ChildFirst extends URLClassLoader {

		ChildFirst(URL[] urls, ClassLoader parent) {
			super(urls, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null && name.startsWith("io.podlens.") && !name.startsWith("io.podlens.text.")) {
					try {
						loaded = findClass(name);
					}
					catch (ClassNotFoundException ex) {
						// not in this build: the parent's
					}
				}
				if (loaded == null) {
					return super.loadClass(name, resolve);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

	}

}
