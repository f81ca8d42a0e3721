package io.podlens.load;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.reliability.JarProcess;

/**
 * Bounded load on loopback: starts the jar, runs searchers and importers for a number of
 * minutes and reports, per minute, requests, errors, p99 latency and heap (as used, and
 * after a full GC). Writes target/load/summary.json; exits 1 when any request failed. Run
 * through scripts/load.sh.
 */
public final class LoadDriver {

	private static final String[] WORDS = { "model", "multimodal", "benchmark", "agent", "latency", "transformer",
			"podcast", "search", "index", "vector", "模型", "多模態", "評測", "推理", "向量", "資料庫", "語音", "開源", "晶片", "搜尋" };

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicBoolean stop = new AtomicBoolean();

	private final AtomicInteger episodeCounter = new AtomicInteger();

	/** Latencies (microseconds) and errors of the minute being measured. */
	private Window window = new Window();

	public static void main(String[] args) throws Exception {
		Map<String, Integer> options = new LinkedHashMap<>(Map.of("minutes", 5, "searchers", 8, "importers", 2));
		for (int i = 0; i + 1 < args.length; i += 2) {
			String name = args[i].replaceFirst("^--", "");
			if (!options.containsKey(name)) {
				throw new IllegalArgumentException("unknown option " + args[i] + "; expected " + options.keySet());
			}
			options.put(name, Integer.parseInt(args[i + 1]));
		}
		int errors = new LoadDriver().run(options.get("minutes"), options.get("searchers"), options.get("importers"));
		System.exit((errors == 0) ? 0 : 1);
	}

	private int run(int minutes, int searchers, int importers) throws Exception {
		Path out = Files.createDirectories(Path.of("target", "load"));
		Path dataDir = Files.createTempDirectory(out, "data-").toAbsolutePath();
		Path log = out.resolve("service.log").toAbsolutePath();
		System.out.printf("[load] %d minutes, %d searchers, %d importers; data in %s, log in %s%n", minutes, searchers,
				importers, dataDir, log);
		try (JarProcess service = JarProcess.start(JarProcess.jar(), dataDir, log, "512m", List.of())) {
			seed(service, 40);
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < searchers; i++) {
				long seed = 1000 + i;
				threads.add(start("searcher-" + i, () -> searchLoop(service, new Random(seed))));
			}
			for (int i = 0; i < importers; i++) {
				long seed = 2000 + i;
				threads.add(start("importer-" + i, () -> importLoop(service, new Random(seed))));
			}
			List<Map<String, Object>> perMinute = new ArrayList<>();
			System.out.printf("%-6s %9s %7s %9s %9s %13s %14s%n", "minute", "requests", "errors", "p50 ms", "p99 ms",
					"heap used MB", "heap after GC");
			for (int minute = 1; minute <= minutes; minute++) {
				Thread.sleep(TimeUnit.MINUTES.toMillis(1));
				Window done = swap();
				double heapUsed = heapMb(service);
				gc(service);
				double heapAfterGc = heapMb(service);
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("minute", minute);
				row.put("requests", done.count());
				row.put("errors", done.errors.get());
				row.put("searches", done.searches.get());
				row.put("imports", done.imports.get());
				row.put("p50Ms", done.percentileMs(50));
				row.put("p99Ms", done.percentileMs(99));
				row.put("heapUsedMb", heapUsed);
				row.put("heapAfterGcMb", heapAfterGc);
				perMinute.add(row);
				System.out.printf(Locale.ROOT, "%-6d %9d %7d %9.1f %9.1f %13.1f %14.1f%n", minute, done.count(),
						done.errors.get(), done.percentileMs(50), done.percentileMs(99), heapUsed, heapAfterGc);
			}
			this.stop.set(true);
			for (Thread thread : threads) {
				thread.join(TimeUnit.MINUTES.toMillis(2));
			}
			JsonNode index = this.json.readTree(service.get("/api/admin/index").body());
			int errors = perMinute.stream().mapToInt((row) -> (Integer) row.get("errors")).sum();
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("minutes", minutes);
			summary.put("searchers", searchers);
			summary.put("importers", importers);
			summary.put("requests", perMinute.stream().mapToInt((row) -> (Integer) row.get("requests")).sum());
			summary.put("errors", errors);
			summary.put("indexedSegmentsAtEnd", index.get("documents").asLong());
			summary.put("cpus", Runtime.getRuntime().availableProcessors());
			summary.put("perMinute", perMinute);
			Files.writeString(out.resolve("summary.json"),
					this.json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
			System.out.printf("[load] %s requests, %d errors, %d segments indexed at the end; %s%n",
					summary.get("requests"), errors, index.get("documents").asLong(), out.resolve("summary.json"));
			return errors;
		}
	}

	private void seed(JarProcess service, int episodes) throws Exception {
		Random random = new Random(7);
		for (int i = 0; i < episodes; i++) {
			HttpResponse<String> response = service.postJson("/api/episodes", episode(random));
			if (response.statusCode() != 201) {
				throw new IllegalStateException("seeding failed: " + response.statusCode() + " " + response.body());
			}
		}
	}

	private void searchLoop(JarProcess service, Random random) {
		while (!this.stop.get()) {
			String q = switch (random.nextInt(4)) {
				case 0 -> word(random) + " " + word(random);
				case 1 -> "\"" + word(random) + " " + word(random) + "\"";
				case 2 -> word(random) + " OR " + word(random);
				default -> word(random);
			};
			String path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
					+ (random.nextInt(4) == 0 ? "&soundsLike=true" : "");
			timed(true, () -> service.get(path), 200);
		}
	}

	private void importLoop(JarProcess service, Random random) {
		while (!this.stop.get()) {
			String body = episode(random);
			timed(false, () -> service.postJson("/api/episodes", body), 201);
		}
	}

	private String episode(Random random) {
		int n = this.episodeCounter.incrementAndGet();
		int segments = 20 + random.nextInt(181);
		StringBuilder body = new StringBuilder("{\"title\":\"Load episode " + n
				+ "\",\"podcast\":\"Load\",\"externalId\":\"load-" + n + "\",\"segments\":[");
		for (int i = 0; i < segments; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"startMs\":")
				.append(i * 5000L)
				.append(",\"endMs\":")
				.append(i * 5000L + 4800)
				.append(",\"text\":\"");
			int words = 6 + random.nextInt(12);
			for (int w = 0; w < words; w++) {
				body.append((w > 0) ? " " : "").append(word(random));
			}
			body.append("\"}");
		}
		return body.append("]}").toString();
	}

	private static String word(Random random) {
		return WORDS[random.nextInt(WORDS.length)];
	}

	private void timed(boolean search, Call call, int expected) {
		long started = System.nanoTime();
		boolean ok;
		try {
			ok = call.send().statusCode() == expected;
		}
		catch (IOException ex) {
			ok = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		record(search, (System.nanoTime() - started) / 1000, ok);
	}

	private synchronized void record(boolean search, long micros, boolean ok) {
		this.window.add(micros);
		(search ? this.window.searches : this.window.imports).incrementAndGet();
		if (!ok) {
			this.window.errors.incrementAndGet();
		}
	}

	private synchronized Window swap() {
		Window done = this.window;
		this.window = new Window();
		return done;
	}

	private double heapMb(JarProcess service) throws Exception {
		JsonNode metric = this.json.readTree(service.get("/actuator/metrics/jvm.memory.used?tag=area:heap").body());
		return Math.round(metric.get("measurements").get(0).get("value").asDouble() / (1024 * 1024) * 10) / 10.0;
	}

	/** A full GC in the service (jcmd), so that the heap figure shows live data only. */
	private static void gc(JarProcess service) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (Files.isExecutable(jcmd)) {
			new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(60, TimeUnit.SECONDS);
		}
	}

	private static Thread start(String name, Runnable loop) {
		Thread thread = new Thread(loop, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	@FunctionalInterface
	private interface Call {

		HttpResponse<String> send() throws IOException, InterruptedException;

	}

	private static final class Window {

		private long[] micros = new long[1 << 14];

		private int size;

		final AtomicInteger errors = new AtomicInteger();

		final AtomicInteger searches = new AtomicInteger();

		final AtomicInteger imports = new AtomicInteger();

		void add(long value) {
			if (this.size == this.micros.length) {
				this.micros = Arrays.copyOf(this.micros, this.size * 2);
			}
			this.micros[this.size++] = value;
		}

		int count() {
			return this.size;
		}

		double percentileMs(int percentile) {
			if (this.size == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(this.micros, this.size);
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
			return Math.round(sorted[Math.max(0, rank)] / 100.0) / 10.0;
		}

	}

}
