package io.podlens.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Solr backend beside the embedded index (bench.sh --backend solr): the service jar
 * on a fresh data directory with {@code podlens.search.backend=solr}, pointed at the test
 * cluster bench.sh started; the service creates its collection itself (2 shards x 2
 * replicas). The same corpus is imported over HTTP in the same steps as the Lucene phase,
 * with topic extraction caught up after each step; then the same search mix and the
 * {@code topic=} queries at one client, after the same warm-up.
 * <p>
 * After each step it records what the capacity model of docs/scale-out.md needs: the
 * collection's index size on disk after a hard commit (all replicas, from the cores'
 * status), the test cluster's live heap after a full GC (one JVM holds both nodes and
 * ZooKeeper), and the database size. With {@code -Dbench.jdbc.url} (and
 * {@code bench.jdbc.user}, {@code bench.jdbc.password}) the service runs on that
 * PostgreSQL database instead of H2 and its size is {@code pg_database_size}.
 */
final class SolrPhase {

	static final String COLLECTION = "bench";

	static final int SHARDS = 2;

	static final int REPLICAS = 2;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<String> solrUrls;

	private final long solrPid;

	private final @Nullable String jdbcUrl = System.getProperty("bench.jdbc.url");

	private SolrPhase(JsonMapper json, Path endpoints) throws IOException {
		this.json = json;
		JsonNode file = json.readTree(Files.readString(endpoints));
		List<String> urls = new ArrayList<>();
		file.path("solr").forEach((u) -> urls.add(u.asString()));
		this.solrUrls = List.copyOf(urls);
		this.solrPid = file.path("pid").asLong();
		if (this.solrUrls.isEmpty()) {
			throw new IllegalArgumentException("no Solr URLs in " + endpoints);
		}
	}

	/**
	 * @param semanticWait with {@code --semantic}: afterwards the service is started once
	 * more on the same collection with embeddings on, and semantic and hybrid search are
	 * measured as {@link SemanticCost} does on the embedded index (waiting at most this
	 * long for the vectors); null for keyword search only
	 */
	static Map<String, Object> measure(Path jar, Path out, Path endpoints, JsonMapper json, BenchCorpus corpus,
			List<Integer> steps, List<Map<String, String>> mix, List<Map<String, String>> topicMix, Duration window,
			Duration warmUp, @Nullable Duration semanticWait) throws Exception {
		SolrPhase phase = new SolrPhase(json, endpoints);
		Map<String, Object> result = phase.run(jar, out, corpus, steps, mix, topicMix, window, warmUp);
		if (semanticWait != null) {
			List<String> arguments = new ArrayList<>(phase.arguments());
			arguments.remove("--podlens.embedding.enabled=false");
			result.put("semantic", SemanticCost.measure(jar, out.resolve("solr-data"),
					out.resolve("service-solr-semantic.log"), json, mix, window, semanticWait, arguments));
		}
		return result;
	}

	private Map<String, Object> run(Path jar, Path out, BenchCorpus corpus, List<Integer> steps,
			List<Map<String, String>> mix, List<Map<String, String>> topicMix, Duration window, Duration warmUp)
			throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("nodes", this.solrUrls.size());
		result.put("shards", SHARDS);
		result.put("replicas", REPLICAS);
		result.put("database", (this.jdbcUrl != null) ? "postgresql" : "h2");
		Path data = out.resolve("solr-data");
		Path log = out.resolve("service-solr.log");
		List<String> arguments = arguments();
		// The cluster before Podlens touches it, and with its empty collection: the base
		// the per-segment figures are taken from.
		result.put("emptyClusterHeapMb", mb(solrHeapAfterGc()));
		ServiceProcess service = ServiceProcess.start(jar, data, log, this.json, arguments);
		List<Map<String, Object>> scale = new ArrayList<>();
		try {
			Bench.log("Solr: service up in %.1f s, collection %s created by it", service.startupSeconds(), COLLECTION);
			result.put("startupSeconds", ServiceProcess.round(service.startupSeconds()));
			Map<String, Object> empty = footprint(service, 0);
			result.put("empty", empty);
			long imported = 0;
			double importSeconds = 0;
			int from = 0;
			for (int to : steps) {
				Path ndjson = out.resolve("solr-corpus-" + from + "-" + to + ".ndjson");
				corpus.writeNdjson(from, to, ndjson, this.json);
				long stepSegments = (long) (to - from) * BenchCorpus.SEGMENTS_PER_EPISODE;
				double took = Bench.importOverHttp(service, ndjson, to - from);
				Files.delete(ndjson);
				imported += stepSegments;
				importSeconds += took;
				Bench.log("Solr: imported episodes %d..%d: %d segments in %.1f s (%.0f/s)", from, to, stepSegments,
						took, stepSegments / took);
				double topics = Bench.awaitTopics(service);
				Bench.log("Solr: topics caught up %.1f s after the import", topics);
				Map<String, Object> point = new LinkedHashMap<>();
				point.put("segments", imported);
				point.put("importSegmentsPerSec", Math.round(stepSegments / took));
				point.put("topicCatchUpSeconds", ServiceProcess.round(topics));
				point.putAll(footprint(service, imported));
				scale.add(point);
				Bench.log("Solr: scale %s", point);
				from = to;
			}
			result.put("scale", scale);
			result.put("ingest", Map.of("serviceSegmentsPerSec", Math.round(imported / importSeconds), "segments",
					imported, "importSeconds", ServiceProcess.round(importSeconds)));
			ServiceProcess running = service;
			Latencies.run(4, warmUp, (k) -> Bench.searchQuietly(running, mix.get(k % mix.size())));
			Latencies.Stats search = Latencies.run(1, window,
					(k) -> Bench.searchQuietly(running, mix.get(k % mix.size())));
			Bench.log("Solr HTTP   %s", search);
			Latencies.Stats topic = Latencies.run(1, window,
					(k) -> Bench.searchQuietly(running, topicMix.get(k % topicMix.size())));
			Bench.log("Solr topic= HTTP   %s", topic);
			result.put("search", stats(search));
			result.put("topicFilter", stats(topic));
			result.put("serviceHeapUsedMb", service.heapUsedMb());
			result.put("serviceRssMb", service.rssMb());
			result.put("totals", totals(service, mix));
		}
		finally {
			service.close();
		}
		result.put("perSegment", perSegment(result, scale));
		return result;
	}

	/** The service's arguments for the test cluster (and PostgreSQL when given). */
	private List<String> arguments() {
		List<String> arguments = new ArrayList<>(List.of("--podlens.embedding.enabled=false",
				"--podlens.search.backend=solr", "--podlens.search.solr.urls=" + String.join(",", this.solrUrls),
				"--podlens.search.solr.collection=" + COLLECTION, "--podlens.search.solr.shards=" + SHARDS,
				"--podlens.search.solr.replicas=" + REPLICAS));
		if (this.jdbcUrl != null) {
			arguments.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + this.jdbcUrl,
					"--spring.datasource.username=" + System.getProperty("bench.jdbc.user", "podlens"),
					"--spring.datasource.password=" + System.getProperty("bench.jdbc.password", "")));
		}
		return arguments;
	}

	private static Map<String, Object> stats(Latencies.Stats stats) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("clients", stats.clients());
		row.put("p50Ms", stats.p50Ms());
		row.put("p95Ms", stats.p95Ms());
		row.put("p99Ms", stats.p99Ms());
		row.put("perSec", Math.round(stats.perSec()));
		row.put("requests", stats.requests());
		row.put("errors", stats.errors());
		return row;
	}

	/**
	 * Index, heap and database after a hard commit, at the given number of imported
	 * segments.
	 */
	private Map<String, Object> footprint(ServiceProcess service, long segments) throws Exception {
		solr(COLLECTION + "/update", Map.of("commit", "true", "waitSearcher", "true"));
		Map<String, Object> point = new LinkedHashMap<>();
		long documents = solr(COLLECTION + "/select", Map.of("q", "*:*", "rows", "0")).path("response")
			.path("numFound")
			.asLong();
		if (documents != segments) {
			throw new IllegalStateException("Solr holds " + documents + " documents for " + segments + " segments");
		}
		long bytes = 0;
		long deleted = 0;
		int cores = 0;
		for (String url : this.solrUrls) {
			JsonNode status = get(url + "/admin/cores?" + form(Map.of("action", "STATUS", "wt", "json")))
				.path("status");
			for (JsonNode core : status) {
				// Core names are <collection>_shardN_replica_nM, the collection
				// bench_<generation>.
				if (core.path("name").asString("").startsWith(COLLECTION + "_")) {
					bytes += core.path("index").path("sizeInBytes").asLong();
					deleted += core.path("index").path("deletedDocs").asLong();
					cores++;
				}
			}
		}
		point.put("documents", documents);
		point.put("cores", cores);
		point.put("indexBytesAllReplicas", bytes);
		point.put("indexMbAllReplicas", mb(bytes));
		point.put("deletedDocs", deleted);
		point.put("solrHeapUsedAfterGcMb", mb(solrHeapAfterGc()));
		point.put("solrRssMb", rssMb(this.solrPid));
		point.put("serviceHeapUsedMb", service.heapUsedMb());
		point.put("databaseBytes", databaseBytes(service));
		return point;
	}

	/**
	 * Live heap of the test cluster's JVM: jcmd's class histogram runs a full GC first
	 * and counts what survives it (Solr's metrics API is switched off in the test
	 * framework's nodes).
	 */
	private long solrHeapAfterGc() throws Exception {
		Process histogram = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(this.solrPid), "GC.class_histogram")
			.redirectErrorStream(true)
			.start();
		String last = "";
		try (var lines = new java.io.BufferedReader(
				new java.io.InputStreamReader(histogram.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank()) {
					last = line.trim();
				}
			}
		}
		if (!histogram.waitFor(5, TimeUnit.MINUTES) || histogram.exitValue() != 0 || !last.startsWith("Total")) {
			throw new IllegalStateException("jcmd " + this.solrPid + " GC.class_histogram failed: " + last);
		}
		// "Total <instances> <bytes>"
		String[] fields = last.split("\\s+");
		return Long.parseLong(fields[2]);
	}

	private long databaseBytes(ServiceProcess service) throws Exception {
		if (this.jdbcUrl == null) {
			return Bench.treeSize(service.dataDir().resolve("db"));
		}
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl,
				System.getProperty("bench.jdbc.user", "podlens"), System.getProperty("bench.jdbc.password", ""));
				Statement statement = connection.createStatement()) {
			// Dead rows of the topic work's updates count until autovacuum; analyze only
			// refreshes statistics, so this is the size the database has on disk now.
			try (ResultSet rows = statement.executeQuery("select pg_database_size(current_database())")) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** Totals of the single-word queries, to compare with the embedded index's. */
	private Map<String, Long> totals(ServiceProcess service, List<Map<String, String>> mix) throws Exception {
		Map<String, Long> totals = new LinkedHashMap<>();
		for (Map<String, String> query : mix) {
			if (query.size() == 1 && query.containsKey("q")) {
				JsonNode page = this.json.readTree(service.search(query));
				totals.put(query.get("q"), page.path("total").asLong());
			}
		}
		return totals;
	}

	/**
	 * Bytes and heap per segment: the growth from the empty collection to the last step,
	 * divided by the segments; index bytes also per copy (one replica of each shard).
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> perSegment(Map<String, Object> result, List<Map<String, Object>> scale) {
		Map<String, Object> per = new LinkedHashMap<>();
		if (scale.isEmpty()) {
			return per;
		}
		Map<String, Object> empty = (Map<String, Object>) result.get("empty");
		Map<String, Object> last = scale.get(scale.size() - 1);
		double segments = ((Number) last.get("segments")).doubleValue();
		double index = ((Number) last.get("indexBytesAllReplicas")).doubleValue()
				- ((Number) empty.get("indexBytesAllReplicas")).doubleValue();
		per.put("atSegments", (long) segments);
		per.put("indexBytesAllReplicas", Math.round(index / segments));
		per.put("indexBytesOneCopy", Math.round(index / REPLICAS / segments));
		double heap = ((Number) last.get("solrHeapUsedAfterGcMb")).doubleValue()
				- ((Number) empty.get("solrHeapUsedAfterGcMb")).doubleValue();
		per.put("solrHeapBytesAllReplicas", Math.round(heap * 1048576 / segments));
		double database = ((Number) last.get("databaseBytes")).doubleValue()
				- ((Number) empty.get("databaseBytes")).doubleValue();
		per.put("databaseBytes", Math.round(database / segments));
		return per;
	}

	private JsonNode solr(String path, Map<String, String> params) throws Exception {
		IOException last = null;
		for (String url : this.solrUrls) {
			try {
				return get(url + "/" + path + "?" + form(params));
			}
			catch (IOException ex) {
				last = ex;
			}
		}
		throw last;
	}

	private JsonNode get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	private static String form(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static double mb(long bytes) {
		return ServiceProcess.round(bytes / 1048576.0);
	}

	private static double rssMb(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return ServiceProcess.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
			}
		}
		return Double.NaN;
	}

}
