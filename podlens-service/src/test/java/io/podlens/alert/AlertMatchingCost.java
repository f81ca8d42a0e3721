package io.podlens.alert;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.podlens.PodlensApplication;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;
import io.podlens.text.SharedData;
import io.podlens.topic.TopicLookup;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of matching one imported episode against 1,000 alerts, on the real service:
 * the shared corpus (Chinese and English) is imported, then each episode is matched
 * against 1,000 topic alerts, 1,000 query alerts and a mix of both, without storing the
 * deliveries (what an import adds to the matching thread). Not a test (surefire skips
 * it); run it with the test class path as {@code topic.ExtractionCost} says:
 *
 * <pre>
 * java -cp "podlens-service/target/test-classes:podlens-service/target/classes:$(cat podlens-service/target/cp.txt)" \
 *     io.podlens.alert.AlertMatchingCost [rounds]
 * </pre>
 */
public final class AlertMatchingCost {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** Words and phrases of the kind analysts follow, in both languages. */
	private static final List<String> QUERIES = List.of("multimodal", "\"reasoning model\"", "agent", "benchmark",
			"GPU", "inference", "open source", "fine-tuning", "訓練", "模型", "推理", "資料", "compiler",
			"\"large language model\"", "embedding", "RAG", "token", "latency", "diffusion", "robot");

	private AlertMatchingCost() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		Path dataDir = Files.createTempDirectory("alert-cost");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PodlensApplication.class).run(
				"--podlens.data-dir=" + dataDir, "--server.port=0", "--podlens.embedding.enabled=false",
				"--logging.level.root=WARN")) {
			List<Long> episodes = importCorpus(context);
			AlertMatcher matcher = context.getBean(AlertMatcher.class);
			List<EpisodeSummary> summaries = context.getBean(EpisodeCatalog.class).summaries(episodes);
			List<String> topicIds = topicIds(context.getBean(TopicLookup.class), context);
			Random random = new Random(14);
			Instant created = Instant.EPOCH;
			List<Alert> topicAlerts = new ArrayList<>();
			List<Alert> queryAlerts = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				List<String> topics = List.of(topicIds.get(random.nextInt(topicIds.size())),
						topicIds.get(random.nextInt(topicIds.size())));
				topicAlerts.add(alert(i, topics, null, created));
				queryAlerts.add(alert(1000 + i, List.of(),
						QUERIES.get(i % QUERIES.size()) + " " + QUERIES.get(random.nextInt(QUERIES.size())), created));
			}
			List<Alert> mixed = new ArrayList<>(topicAlerts.subList(0, 500));
			mixed.addAll(queryAlerts.subList(0, 500));
			int segments = context.getBean(io.podlens.episode.SegmentSource.class).segmentsOf(episodes).size();
			System.out.printf("%d episodes, %d segments, %d topics in the taxonomy%n", episodes.size(), segments,
					topicIds.size());
			measure("1,000 topic alerts", matcher, summaries, new AlertIndex(topicAlerts), rounds);
			measure("1,000 query alerts", matcher, summaries, new AlertIndex(queryAlerts), rounds);
			measure("500 topic + 500 query alerts", matcher, summaries, new AlertIndex(mixed), rounds);
		}
		// The MCP SDK's session sweeper is not a daemon thread and outlives the context:
		// without this the JVM stays up after the last figure.
		System.exit(0);
	}

	private static void measure(String label, AlertMatcher matcher, List<EpisodeSummary> episodes, AlertIndex index,
			int rounds) {
		// The first pass warms the JIT and the index caches; not counted.
		int events = 0;
		for (EpisodeSummary episode : episodes) {
			events += matcher.matchEpisode(episode, index, Instant.now()).size();
		}
		double[] wall = new double[rounds];
		double[] cpu = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			long started = System.nanoTime();
			long cpuStarted = THREADS.getCurrentThreadCpuTime();
			for (EpisodeSummary episode : episodes) {
				matcher.matchEpisode(episode, index, Instant.now());
			}
			wall[r] = (System.nanoTime() - started) / 1e6 / episodes.size();
			cpu[r] = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6 / episodes.size();
		}
		java.util.Arrays.sort(wall);
		java.util.Arrays.sort(cpu);
		System.out.printf(
				"%-30s per episode: median %.1f ms wall, %.1f ms CPU (of %d rounds); %d events over %d episodes;"
						+ " load average %s%n",
				label, wall[rounds / 2], cpu[rounds / 2], rounds, events, episodes.size(), loadAverage());
		System.out.flush();
	}

	/** The 1-minute load average (wall time on a shared machine depends on it). */
	private static String loadAverage() {
		return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static Alert alert(long id, List<String> topics, String query, Instant created) {
		return new Alert(id, "cost " + id, topics, query, false, null, null, "https://93.184.215.14/hook",
				"whsec_0123456789abcdef", true, false, null, null, created, created);
	}

	private static List<String> topicIds(TopicLookup lookup, ConfigurableApplicationContext context) throws Exception {
		String body = get(context, "/api/topics");
		List<String> ids = new ArrayList<>();
		JsonMapper.builder().build().readTree(body).forEach((t) -> ids.add(t.get("id").asString()));
		return ids;
	}

	private static List<Long> importCorpus(ConfigurableApplicationContext context) throws Exception {
		List<Path> files = new ArrayList<>();
		for (String language : List.of("corpus/zh", "corpus/en")) {
			try (Stream<Path> listed = Files.list(SharedData.dir().resolve(language))) {
				listed.filter((p) -> !p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
			}
		}
		JsonMapper json = JsonMapper.builder().build();
		List<Long> ids = new ArrayList<>();
		for (Path file : files) {
			var body = json.createObjectNode();
			body.put("title", file.getFileName().toString());
			body.putObject("transcript").put("format", "auto").put("content", Files.readString(file));
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri(context, "/api/episodes"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 201) {
				ids.add(json.readTree(response.body()).get("id").asLong());
			}
			else {
				System.out.println("skipped " + file.getFileName() + ": " + response.statusCode());
			}
		}
		// Mentions are extracted in the background; matching topics needs them.
		Thread.sleep(2000);
		while (get(context, "/api/topics/reanalysis").contains("\"episodesQueued\":0") == false) {
			Thread.sleep(500);
		}
		return ids;
	}

	private static String get(ConfigurableApplicationContext context, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(context, path)).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

}
