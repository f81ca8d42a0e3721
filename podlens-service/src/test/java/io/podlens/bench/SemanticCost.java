package io.podlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost of semantic search (bench.sh --semantic): the service, started on the
 * benchmark's data with embeddings on, embeds every stored segment in the background;
 * this measures how fast (segments with a vector per second, and distinct passage texts
 * through the model per second), then keyword, semantic and hybrid latency at one client,
 * heap and index size with the vectors.
 * <p>
 * The query-vector cache is switched off so that every semantic and hybrid request embeds
 * its query, as a user's first request does.
 */
final class SemanticCost {

	/** Questions and paraphrases of our own wording, beside the keyword mix. */
	static final List<String> QUESTIONS = List.of("how do they keep inference cheap",
			"what data are multimodal models trained on", "why open source models matter", "who builds the chips",
			"how does reinforcement learning improve reasoning", "what is the future of AI agents", "大模型的训练数据从哪里来",
			"开源模型和闭源模型有什么不同", "為什麼推理成本會下降", "多模態模型怎麼理解圖片", "芯片出口限制有什么影响", "AI 会不会取代工程师");

	private SemanticCost() {
	}

	static Map<String, Object> measure(Path jar, Path data, Path log, JsonMapper json, List<Map<String, String>> mix,
			Duration window, Duration maxWait) throws Exception {
		return measure(jar, data, log, json, mix, window, maxWait, List.of());
	}

	/** The same with more service arguments (the Solr backend's). */
	static Map<String, Object> measure(Path jar, Path data, Path log, JsonMapper json, List<Map<String, String>> mix,
			Duration window, Duration maxWait, List<String> arguments) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		List<String> all = new ArrayList<>(arguments);
		all.addAll(List.of("--podlens.embedding.enabled=true", "--podlens.embedding.query-cache=0"));
		try (ServiceProcess service = ServiceProcess.start(jar, data, log, json, all)) {
			result.put("startupSeconds", ServiceProcess.round(service.startupSeconds()));
			result.putAll(awaitVectors(service, maxWait));
			// The last vectors set off merges that rebuild HNSW graphs on both cores:
			// searches are measured on the settled index, as users meet it.
			double[] settle = service.awaitIdle(0.05, Duration.ofMinutes(10));
			Bench.log("settled %.1f s after the last vector (%.1f CPU s of background work)", settle[0], settle[1]);
			result.put("settleSeconds", settle[0]);
			result.put("settleCpuSeconds", settle[1]);
			List<Map<String, String>> queries = new ArrayList<>();
			mix.stream().filter((q) -> q.size() == 1 && q.containsKey("q")).forEach(queries::add);
			QUESTIONS.forEach((q) -> queries.add(Map.of("q", q)));
			Map<String, Object> modes = new LinkedHashMap<>();
			for (String mode : List.of("keyword", "semantic", "hybrid")) {
				List<Map<String, String>> inMode = queries.stream().map((q) -> with(q, mode)).toList();
				Latencies.run(2, Duration.ofSeconds(5), (k) -> search(service, inMode.get(k % inMode.size())));
				Latencies.Stats stats = Latencies.run(1, window, (k) -> search(service, inMode.get(k % inMode.size())));
				Bench.log("%-8s %s", mode, stats);
				modes.put(mode, Map.of("p50Ms", stats.p50Ms(), "p95Ms", stats.p95Ms(), "p99Ms", stats.p99Ms(), "perSec",
						Math.round(stats.perSec()), "errors", stats.errors()));
			}
			result.put("searchAtOneClient", modes);
			result.put("queries", queries.size());
			result.put("heapUsedMb", service.heapUsedMb());
			result.put("rssMb", service.rssMb());
		}
		result.put("indexSizeMb", ServiceProcess.round(Bench.treeSize(data.resolve("index")) / 1048576.0));
		result.put("databaseSizeMb", ServiceProcess.round(Bench.treeSize(data.resolve("db")) / 1048576.0));
		result.put("jarMb", ServiceProcess.round(Files.size(jar) / 1048576.0));
		return result;
	}

	/**
	 * Polls the embedding progress until every segment has a vector (or the wait is over)
	 * and returns the rates over that time.
	 */
	private static Map<String, Object> awaitVectors(ServiceProcess service, Duration maxWait) throws Exception {
		JsonNode first = service.getJson("/api/admin/embeddings");
		long started = System.nanoTime();
		long deadline = started + maxWait.toNanos();
		JsonNode last = first;
		while (System.nanoTime() < deadline && (last.path("pending").asLong() > 0
				|| last.path("episodesQueued").asInt() > 0 || last.path("embedded").asLong() == 0)) {
			Thread.sleep(2000);
			last = service.getJson("/api/admin/embeddings");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long embedded = last.path("embedded").asLong() - first.path("embedded").asLong();
		long distinct = last.path("distinctTexts").asLong() - first.path("distinctTexts").asLong();
		Map<String, Object> rates = new LinkedHashMap<>();
		rates.put("model", last.path("model").asString());
		rates.put("segments", last.path("segments").asLong());
		rates.put("embedded", last.path("embedded").asLong());
		rates.put("pendingAtEnd", last.path("pending").asLong());
		rates.put("embedSeconds", ServiceProcess.round(seconds));
		rates.put("segmentsPerSec", ServiceProcess.round(embedded / seconds));
		rates.put("distinctTexts", last.path("distinctTexts").asLong());
		rates.put("distinctTextsPerSec", ServiceProcess.round(distinct / seconds));
		Bench.log("embeddings: %s", rates);
		return rates;
	}

	private static Map<String, String> with(Map<String, String> query, String mode) {
		Map<String, String> params = new HashMap<>(query);
		params.put("mode", mode);
		return params;
	}

	private static void search(ServiceProcess service, Map<String, String> query) {
		try {
			service.search(query);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
