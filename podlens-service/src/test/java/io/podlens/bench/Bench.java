package io.podlens.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.search.BenchLucene;
import io.podlens.search.SearchQuery;

/**
 * The Podlens benchmark (run by scripts/bench.sh, not by the test suite): ingest over
 * HTTP against raw Lucene, search over HTTP against the same index opened directly, the
 * SQL LIKE peer, and cost at growing corpus sizes. Prints a table and writes
 * target/bench/summary.json.
 * <p>
 * Arguments:
 * {@code [--quick] [--segments N] [--seconds S] [--semantic [--semantic-wait M]]
 * [--backend solr --solr-endpoints FILE [--solr-only]]}. The service runs with embeddings
 * off while ingest and keyword search are measured (so that the background embedding does
 * not share the two cores with them); with {@code --semantic} it is started once more
 * with embeddings on and {@link SemanticCost} measures their cost. With
 * {@code --backend solr}, {@link SolrPhase} then measures the Solr backend on the test
 * cluster described by the endpoints file (bench.sh starts it): the same import steps and
 * search mix, side by side with the embedded index's figures; {@code --solr-only} skips
 * the embedded phases (for the capacity figures at large sizes).
 */
public final class Bench {

	private static final int[] CLIENTS = { 1, 4, 16 };

	private static final List<String> KEYWORD_ONLY = List.of("--podlens.embedding.enabled=false");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path project = Path.of("").toAbsolutePath();

	// bench.out (bench.sh: BENCH_OUT) lets two runs, such as a capacity run beside a
	// quick one, keep their files apart.
	private final Path out = this.project.resolve(System.getProperty("bench.out", "target/bench"));

	private final Map<String, Object> summary = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final @Nullable Path solrEndpoints;

	private final boolean solrOnly;

	private Bench(@Nullable Path solrEndpoints, boolean solrOnly) {
		this.solrEndpoints = solrEndpoints;
		this.solrOnly = solrOnly;
	}

	public static void main(String[] args) throws Exception {
		// Kept-alive connections per host for the search clients (the default keeps 5).
		System.setProperty("http.maxConnections", "32");
		boolean quick = List.of(args).contains("--quick");
		long segments = quick ? 100_000 : 1_000_000;
		int seconds = quick ? 8 : 20;
		boolean semantic = List.of(args).contains("--semantic");
		Duration semanticWait = Duration.ofMinutes(90);
		String backend = "lucene";
		Path solrEndpoints = null;
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--semantic-wait")) {
				semanticWait = Duration.ofMinutes(Long.parseLong(args[i + 1]));
			}
			if (args[i].equals("--segments")) {
				segments = Long.parseLong(args[i + 1]);
			}
			if (args[i].equals("--seconds")) {
				seconds = Integer.parseInt(args[i + 1]);
			}
			if (args[i].equals("--backend")) {
				backend = args[i + 1];
			}
			if (args[i].equals("--solr-endpoints")) {
				solrEndpoints = Path.of(args[i + 1]).toAbsolutePath();
			}
		}
		if (!List.of("lucene", "solr").contains(backend)) {
			throw new IllegalArgumentException("--backend must be lucene or solr, was " + backend);
		}
		if (backend.equals("solr") && solrEndpoints == null) {
			throw new IllegalArgumentException("--backend solr needs --solr-endpoints FILE (bench.sh passes it)");
		}
		boolean solrOnly = List.of(args).contains("--solr-only");
		if (solrOnly && !backend.equals("solr")) {
			throw new IllegalArgumentException("--solr-only needs --backend solr");
		}
		new Bench(backend.equals("solr") ? solrEndpoints : null, solrOnly).run(segments, Duration.ofSeconds(seconds),
				quick, semantic ? semanticWait : null);
	}

	private void run(long targetSegments, Duration window, boolean quick, @Nullable Duration semanticWait)
			throws Exception {
		long wallStart = System.nanoTime();
		deleteTree(this.out);
		Files.createDirectories(this.out);
		Path jar = findJar(this.project);
		Path shared = Path.of(System.getProperty("podlens.shared.dir", "../shared")).resolve("corpus");
		BenchCorpus corpus = BenchCorpus.load(this.project.getParent(), shared);
		int episodes = (int) (targetSegments / BenchCorpus.SEGMENTS_PER_EPISODE);
		long segments = (long) episodes * BenchCorpus.SEGMENTS_PER_EPISODE;
		log("corpus: %d episodes x %d segments from %d transcripts%s", episodes, BenchCorpus.SEGMENTS_PER_EPISODE,
				corpus.sources().size(), Files.isDirectory(shared) ? " (with ../shared/corpus)" : "");
		this.summary.put("segments", segments);
		this.summary.put("episodes", episodes);
		this.summary.put("sources", corpus.sources().stream().map(BenchCorpus.Source::name).toList());
		this.summary.put("machine", machine());
		this.summary.put("loadAverageStart", loadAverage());

		List<Integer> steps = new ArrayList<>();
		for (int size : new int[] { 10_000, 100_000, 1_000_000 }) {
			if (size < segments) {
				steps.add(size / BenchCorpus.SEGMENTS_PER_EPISODE);
			}
		}
		steps.add(episodes);
		if (this.solrOnly) {
			runSolrOnly(jar, corpus, steps, window, wallStart, semanticWait);
			return;
		}

		// Raw Lucene ingest first, while nothing else runs.
		Path raw = this.out.resolve("raw");
		Files.createDirectories(raw.resolve("index"));
		long t0 = System.nanoTime();
		long indexed = BenchLucene.indexRaw(raw.resolve("index"), corpus.segments(episodes));
		double luceneRate = indexed / ((System.nanoTime() - t0) / 1e9);
		log("raw Lucene: %d segments at %.0f/s", indexed, luceneRate);
		deleteTree(raw);

		Path data = this.out.resolve("data");
		Path serviceLog = this.out.resolve("service.log");
		List<Map<String, Object>> scale = new ArrayList<>();
		long importedSegments = 0;
		double importSeconds = 0;
		ServiceProcess service = ServiceProcess.start(jar, data, serviceLog, this.json, KEYWORD_ONLY);
		log("service up in %.1f s (empty)", service.startupSeconds());
		int from = 0;
		for (int to : steps) {
			Path ndjson = this.out.resolve("corpus-" + from + "-" + to + ".ndjson");
			corpus.writeNdjson(from, to, ndjson, this.json);
			long stepSegments = (long) (to - from) * BenchCorpus.SEGMENTS_PER_EPISODE;
			double took = importOverHttp(service, ndjson, to - from);
			Files.delete(ndjson);
			importedSegments += stepSegments;
			importSeconds += took;
			log("imported episodes %d..%d: %d segments in %.1f s (%.0f/s)", from, to, stepSegments, took,
					stepSegments / took);
			// Topic extraction waits for the import and catches up now; let it finish so
			// that it does not share the CPU with the rebuild and the searches.
			double topicSeconds = awaitTopics(service);
			log("topics caught up %.1f s after the import", topicSeconds);
			JsonNode rebuild = service.post("/api/admin/index/rebuild", HttpRequest.BodyPublishers.noBody(),
					"application/json");
			double rebuildSeconds = rebuild.get("tookMs").asLong() / 1000.0;
			service.close();
			service = ServiceProcess.start(jar, data, serviceLog, this.json, KEYWORD_ONLY);
			List<Map<String, String>> warm = queries(service);
			warmUp(service, warm, Duration.ofSeconds(5));
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("segments", importedSegments);
			point.put("importSegmentsPerSec", Math.round(stepSegments / took));
			point.put("indexSizeMb", ServiceProcess.round(treeSize(data.resolve("index")) / 1048576.0));
			point.put("databaseSizeMb", ServiceProcess.round(treeSize(data.resolve("db")) / 1048576.0));
			point.put("heapUsedMb", service.heapUsedMb());
			point.put("rssMb", service.rssMb());
			point.put("startupSeconds", ServiceProcess.round(service.startupSeconds()));
			point.put("rebuildSeconds", rebuildSeconds);
			point.put("topicCatchUpSeconds", ServiceProcess.round(topicSeconds));
			// How latency grows with the corpus: one client, a short window, same mix.
			ServiceProcess current = service;
			Latencies.Stats atSize = Latencies.run(1, Duration.ofSeconds(Math.max(2, window.toSeconds() / 2)),
					(k) -> searchQuietly(current, warm.get(k % warm.size())));
			point.put("searchP50Ms", atSize.p50Ms());
			point.put("searchP99Ms", atSize.p99Ms());
			scale.add(point);
			log("scale %s", point);
			from = to;
		}
		this.summary.put("ingest",
				Map.of("serviceSegmentsPerSec", Math.round(importedSegments / importSeconds), "luceneSegmentsPerSec",
						Math.round(luceneRate), "ratio",
						Math.round(100 * importedSegments / importSeconds / luceneRate) / 100.0));

		List<Map<String, String>> mix = queries(service);
		this.summary.put("queries", mix);
		// Same warm-up on both sides: the mix from 4 clients for a while, so that the JIT
		// has compiled the service's request path as it has the driver's Lucene code.
		Duration warmUp = Duration.ofSeconds(Math.max(10, window.toSeconds()));
		warmUp(service, mix, warmUp);
		Map<Integer, Latencies.Stats> overHttp = new LinkedHashMap<>();
		ServiceProcess running = service;
		for (int clients : CLIENTS) {
			Latencies.Stats stats = Latencies.run(clients, window,
					(k) -> searchQuietly(running, mix.get(k % mix.size())));
			overHttp.put(clients, stats);
			log("HTTP   %s", stats);
		}
		// topic= filters, one client, on their own (the direct side marks no mention
		// spans).
		List<Map<String, String>> topicMix = topicQueries();
		Latencies.Stats topicOverHttp = Latencies.run(1, window,
				(k) -> searchQuietly(running, topicMix.get(k % topicMix.size())));
		log("topic= HTTP   %s", topicOverHttp);
		this.summary.put("memory", Map.of("heapUsedMb", service.heapUsedMb(), "rssMb", service.rssMb()));
		service.close();

		Map<Integer, Latencies.Stats> direct = new LinkedHashMap<>();
		Latencies.Stats topicDirect;
		try (BenchLucene lucene = BenchLucene.open(data)) {
			Latencies.run(4, warmUp, (k) -> lucene.search(toQuery(mix.get(k % mix.size()))));
			for (int clients : CLIENTS) {
				Latencies.Stats stats = Latencies.run(clients, window,
						(k) -> lucene.search(toQuery(mix.get(k % mix.size()))));
				direct.put(clients, stats);
				log("Lucene %s", stats);
			}
			topicDirect = Latencies.run(1, window, (k) -> lucene.search(toQuery(topicMix.get(k % topicMix.size()))));
			log("topic= Lucene %s", topicDirect);
		}
		Map<String, Object> topicFilter = new LinkedHashMap<>();
		topicFilter.put("serviceP50Ms", topicOverHttp.p50Ms());
		topicFilter.put("serviceP95Ms", topicOverHttp.p95Ms());
		topicFilter.put("serviceP99Ms", topicOverHttp.p99Ms());
		topicFilter.put("serviceErrors", topicOverHttp.errors());
		topicFilter.put("luceneP50Ms", topicDirect.p50Ms());
		topicFilter.put("luceneP99Ms", topicDirect.p99Ms());
		topicFilter.put("luceneErrors", topicDirect.errors());
		topicFilter.put("queries", topicMix);
		this.summary.put("topicFilter", topicFilter);
		Map<String, Object> byClients = new LinkedHashMap<>();
		for (int clients : CLIENTS) {
			Latencies.Stats h = overHttp.get(clients);
			Latencies.Stats d = direct.get(clients);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("serviceP50Ms", h.p50Ms());
			row.put("serviceP95Ms", h.p95Ms());
			row.put("serviceP99Ms", h.p99Ms());
			row.put("servicePerSec", Math.round(h.perSec()));
			row.put("serviceErrors", h.errors());
			row.put("luceneP50Ms", d.p50Ms());
			row.put("luceneP95Ms", d.p95Ms());
			row.put("luceneP99Ms", d.p99Ms());
			row.put("lucenePerSec", Math.round(d.perSec()));
			row.put("luceneErrors", d.errors());
			byClients.put(Integer.toString(clients), row);
		}
		this.summary.put("search", Map.of("windowSeconds", window.toSeconds(), "clients", byClients));
		this.summary.put("likeBaseline", likeBaseline(data, mix));
		this.summary.put("scale", scale);
		if (this.solrEndpoints != null) {
			// After the embedded phases, so that their figures are taken as without it.
			Map<String, Object> solr = SolrPhase.measure(jar, this.out, this.solrEndpoints, this.json, corpus, steps,
					mix, topicMix, window, warmUp, semanticWait);
			this.summary.put("solr", solr);
			this.summary.put("sideBySide", sideBySide(importedSegments / importSeconds, overHttp.get(1), topicOverHttp,
					(Double) scale.get(scale.size() - 1).get("indexSizeMb"), solr));
		}
		if (semanticWait != null) {
			this.summary.put("semantic",
					SemanticCost.measure(jar, data, serviceLog, this.json, mix, window, semanticWait));
		}
		Map<String, Object> last = scale.get(scale.size() - 1);
		this.summary.put("rebuildSeconds", last.get("rebuildSeconds"));
		this.summary.put("startupSeconds", last.get("startupSeconds"));
		this.summary.put("loadAverageEnd", loadAverage());
		this.summary.put("notes", this.notes);
		this.summary.put("quick", quick);
		this.summary.put("wallSeconds", Math.round((System.nanoTime() - wallStart) / 1e9));
		Files.writeString(this.out.resolve("summary.json"),
				this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.summary));
		BenchReport.print(this.summary, scale, overHttp, direct);
		BenchPlot.write(scale, this.out.resolve("scale.svg"));
		deleteTree(data.resolve("db"));
	}

	/**
	 * Only the Solr phase (--solr-only), for the capacity figures: no raw Lucene, no
	 * embedded service, no LIKE peer.
	 */
	private void runSolrOnly(Path jar, BenchCorpus corpus, List<Integer> steps, Duration window, long wallStart,
			@Nullable Duration semanticWait) throws Exception {
		List<Map<String, String>> mix = baseMix();
		mix.add(Map.of("q", "deep seek", "soundsLike", "true"));
		this.summary.put("queries", mix);
		Map<String, Object> solr = SolrPhase.measure(jar, this.out, this.solrEndpoints, this.json, corpus, steps, mix,
				topicQueries(), window, Duration.ofSeconds(Math.max(10, window.toSeconds())), semanticWait);
		this.summary.put("solr", solr);
		this.summary.put("loadAverageEnd", loadAverage());
		this.summary.put("solrOnly", true);
		this.summary.put("wallSeconds", Math.round((System.nanoTime() - wallStart) / 1e9));
		Files.writeString(this.out.resolve("summary.json"),
				this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.summary));
		BenchReport.printSolr(this.summary);
	}

	/** The figures both backends have, at one client, over HTTP. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> sideBySide(double luceneIngest, Latencies.Stats luceneSearch,
			Latencies.Stats luceneTopic, double luceneIndexMb, Map<String, Object> solr) {
		Map<String, Object> ingest = (Map<String, Object>) solr.get("ingest");
		Map<String, Object> search = (Map<String, Object>) solr.get("search");
		Map<String, Object> topic = (Map<String, Object>) solr.get("topicFilter");
		List<Map<String, Object>> scale = (List<Map<String, Object>>) solr.get("scale");
		Map<String, Object> lucene = new LinkedHashMap<>();
		lucene.put("ingestSegmentsPerSec", Math.round(luceneIngest));
		lucene.put("searchP50Ms", luceneSearch.p50Ms());
		lucene.put("searchP95Ms", luceneSearch.p95Ms());
		lucene.put("topicP50Ms", luceneTopic.p50Ms());
		lucene.put("topicP95Ms", luceneTopic.p95Ms());
		lucene.put("indexMb", luceneIndexMb);
		Map<String, Object> other = new LinkedHashMap<>();
		other.put("ingestSegmentsPerSec", ingest.get("serviceSegmentsPerSec"));
		other.put("searchP50Ms", search.get("p50Ms"));
		other.put("searchP95Ms", search.get("p95Ms"));
		other.put("topicP50Ms", topic.get("p50Ms"));
		other.put("topicP95Ms", topic.get("p95Ms"));
		other.put("indexMbAllReplicas", scale.get(scale.size() - 1).get("indexMbAllReplicas"));
		Map<String, Object> both = new LinkedHashMap<>();
		both.put("lucene", lucene);
		both.put("solr", other);
		both.put("ingestRatioSolrToLucene",
				Math.round(100 * ((Number) ingest.get("serviceSegmentsPerSec")).doubleValue() / luceneIngest) / 100.0);
		both.put("searchP50RatioSolrToLucene",
				Math.round(100 * ((Number) search.get("p50Ms")).doubleValue() / luceneSearch.p50Ms()) / 100.0);
		return both;
	}

	/** The 1, 5 and 15 minute load averages (the machine is shared with other builds). */
	private static String loadAverage() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		if (!Files.exists(loadavg)) {
			return "unknown";
		}
		String[] fields = Files.readString(loadavg).trim().split("\\s+");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

	/** POSTs the file, polls the job until it is done and returns the seconds taken. */
	static double importOverHttp(ServiceProcess service, Path ndjson, int episodes) throws Exception {
		long started = System.nanoTime();
		JsonNode job = service.post("/api/imports", HttpRequest.BodyPublishers.ofFile(ndjson), "application/x-ndjson");
		String id = job.get("id").asString();
		while (true) {
			job = service.getJson("/api/imports/" + id);
			if (!"running".equals(job.get("status").asString())) {
				break;
			}
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		if (!"done".equals(job.get("status").asString()) || job.get("done").asLong() != episodes) {
			throw new IllegalStateException("import did not store every episode: " + job);
		}
		return seconds;
	}

	private static void warmUp(ServiceProcess service, List<Map<String, String>> mix, Duration duration)
			throws InterruptedException {
		Latencies.run(4, duration, (k) -> searchQuietly(service, mix.get(k % mix.size())));
	}

	static void searchQuietly(ServiceProcess service, Map<String, String> query) {
		try {
			service.search(query);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits until topic extraction has no queued episode; returns the seconds waited. */
	static double awaitTopics(ServiceProcess service) throws Exception {
		long started = System.nanoTime();
		while (true) {
			JsonNode status = service.getJson("/api/topics/reanalysis");
			if (status.path("episodesQueued").asInt(0) == 0 && !"running".equals(status.path("status").asString())) {
				return (System.nanoTime() - started) / 1e9;
			}
			Thread.sleep(250);
		}
	}

	/**
	 * Chinese words, English names, phrases and a podcast filter: every mix starts so.
	 */
	static List<Map<String, String>> baseMix() {
		List<Map<String, String>> mix = new ArrayList<>();
		for (String word : singleTerms()) {
			mix.add(Map.of("q", word));
		}
		for (String phrase : List.of("\"language model\"", "\"open source\"", "\"大模型\"", "\"the future\"")) {
			mix.add(Map.of("q", phrase));
		}
		mix.add(Map.of("q", "model", "podcast", BenchCorpus.podcast(3)));
		return mix;
	}

	/**
	 * The fixed mix: Chinese words, English names, phrases, a podcast filter, and the
	 * sounds-like and topic queries when the service declares those parameters.
	 */
	private List<Map<String, String>> queries(ServiceProcess service) throws Exception {
		List<Map<String, String>> mix = baseMix();
		JsonNode parameters = service.getJson("/v3/api-docs")
			.path("paths")
			.path("/api/search")
			.path("get")
			.path("parameters");
		List<String> declared = new ArrayList<>();
		parameters.forEach((p) -> declared.add(p.path("name").asString()));
		if (declared.contains("soundsLike")) {
			mix.add(Map.of("q", "deep seek", "soundsLike", "true"));
		}
		else {
			note("sounds-like queries skipped: /api/search declares no soundsLike parameter");
		}
		note("topic= queries are measured on their own, over HTTP and directly: both filter on the indexed topic ids; "
				+ "the direct side has no mention store, so it does not mark the mention spans in their snippets");
		return mix;
	}

	/** Popular topics of the default taxonomy, alone and with a query string. */
	private static List<Map<String, String>> topicQueries() {
		return List.of(Map.of("topic", "openai"), Map.of("topic", "large-language-model"), Map.of("topic", "nvidia"),
				Map.of("topic", "gpt-4o"), Map.of("topic", "open-source"), Map.of("q", "model", "topic", "openai"));
	}

	private static List<String> singleTerms() {
		return List.of("模型", "人工智能", "开源", "公司", "數據", "OpenAI", "Nvidia", "DeepSeek", "Google", "LeCun");
	}

	private static SearchQuery toQuery(Map<String, String> params) {
		return new SearchQuery(params.get("q"), null, params.get("podcast"), null, null, 0, SearchQuery.DEFAULT_SIZE,
				Boolean.parseBoolean(params.get("soundsLike")), params.get("topic"));
	}

	/** The single-term queries as {@code LIKE '%term%'} on the H2 file, one client. */
	private Map<String, Object> likeBaseline(Path data, List<Map<String, String>> mix) throws Exception {
		String url = "jdbc:h2:file:" + data.resolve("db/podlens") + ";ACCESS_MODE_DATA=r";
		List<Long> samples = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement statement = connection
					.prepareStatement("select count(*) from segment where text like ?")) {
			for (int round = 0; round < 4; round++) {
				for (String term : singleTerms()) {
					statement.setString(1, "%" + term + "%");
					long t0 = System.nanoTime();
					try (ResultSet rows = statement.executeQuery()) {
						rows.next();
					}
					if (round > 0) {
						samples.add(System.nanoTime() - t0);
					}
				}
			}
		}
		long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
		return Map.of("p50Ms", Latencies.percentile(sorted, 50), "p99Ms", Latencies.percentile(sorted, 99), "queries",
				sorted.length, "sql", "select count(*) from segment where text like '%term%'");
	}

	private void note(String note) {
		if (!this.notes.contains(note)) {
			this.notes.add(note);
			log("note: %s", note);
		}
	}

	static Path findJar(Path project) throws IOException {
		try (Stream<Path> files = Files.list(project.resolve("target"))) {
			return files.filter((f) -> f.getFileName().toString().matches("podlens-.*\\.jar"))
				.filter((f) -> !f.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/podlens-*.jar; run ./mvnw package first"));
		}
	}

	private static Map<String, Object> machine() throws IOException {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		Path meminfo = Path.of("/proc/meminfo");
		if (Files.exists(meminfo)) {
			machine.put("memory", Files.readAllLines(meminfo).get(0).replaceAll("\\s+", " "));
		}
		return machine;
	}

	static long treeSize(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong((f) -> f.toFile().length()).sum();
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	static void log(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

}
