package io.podlens.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.bench.RelevanceSet.Judgment;
import io.podlens.bench.RelevanceSet.Query;

/**
 * The relevance scorer (run by scripts/relevance.sh, not by the test suite): starts the
 * service jar on a fresh data directory, imports the judged transcripts through the API,
 * waits for the background work, runs every query of the judged set in each search mode
 * and prints nDCG@10 and recall@20 per mode, split, language, script and style. Writes
 * target/relevance/summary.json and per-query.tsv.
 * <p>
 * Arguments: {@code [--modes keyword,semantic,hybrid] [--split all|tuning|holdout]
 * [--progress /api/path]... [--wait-minutes N] [--sweep "a=1 b=2;a=3"]}. A sweep restarts
 * the service on the same data once per variant (settings separated by spaces, variants
 * by semicolons) and prints the figures of each, for tuning settings without importing
 * and embedding again.
 */
public final class Relevance {

	static final int NDCG_AT = 10;

	static final int RECALL_AT = 20;

	private static final List<String> DEFAULT_MODES = List.of("keyword", "semantic", "hybrid");

	/** Progress of background work the service is known to offer today. */
	private static final List<String> KNOWN_PROGRESS = List.of("/api/topics/reanalysis");

	/**
	 * GET paths of the API that may report background progress (found in /v3/api-docs).
	 */
	private static final Pattern PROGRESS_PATH = Pattern.compile("(?i).*(embedding|vector|progress|backlog|status).*");

	private static final Pattern PENDING_NUMBER = Pattern
		.compile("(?i).*(queued|pending|remaining|backlog|todo|waiting|inprogress|outstanding).*");

	private static final Set<String> BUSY_STATES = Set.of("running", "queued", "pending", "in_progress", "in-progress",
			"inprogress", "indexing", "embedding", "busy", "started", "working");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path project = Path.of("").toAbsolutePath();

	private final Path out = this.project.resolve("target/relevance");

	private final List<String> notes = new ArrayList<>();

	private Relevance() {
	}

	public static void main(String[] args) throws Exception {
		List<String> modes = DEFAULT_MODES;
		String split = "all";
		List<String> progress = new ArrayList<>(KNOWN_PROGRESS);
		int waitMinutes = 30;
		List<List<String>> sweep = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : "";
			switch (args[i]) {
				case "--modes" -> {
					modes = Arrays.stream(value.split(",")).map(String::strip).filter((m) -> !m.isEmpty()).toList();
					i++;
				}
				case "--split" -> {
					split = value;
					i++;
				}
				case "--progress" -> {
					progress.add(value);
					i++;
				}
				case "--wait-minutes" -> {
					waitMinutes = Integer.parseInt(value);
					i++;
				}
				case "--sweep" -> {
					for (String variant : value.split(";")) {
						List<String> settings = Arrays.stream(variant.strip().split("\\s+"))
							.filter((a) -> !a.isEmpty())
							.map((a) -> a.startsWith("--") ? a : "--" + a)
							.toList();
						if (!settings.isEmpty()) {
							sweep.add(settings);
						}
					}
					i++;
				}
				default -> throw new IllegalArgumentException("unknown argument " + args[i]
						+ "; usage: [--modes a,b] [--split all|tuning|holdout] [--progress /path] [--wait-minutes N]"
						+ " [--sweep \"a=1 b=2;a=3\"]");
			}
		}
		if (!split.equals("all") && !RelevanceSet.SPLITS.contains(split)) {
			throw new IllegalArgumentException("--split must be all, tuning or holdout: " + split);
		}
		if (modes.isEmpty()) {
			throw new IllegalArgumentException("--modes needs at least one mode");
		}
		new Relevance().run(modes, split, progress, Duration.ofMinutes(waitMinutes), sweep);
	}

	private void run(List<String> modes, String split, List<String> progress, Duration wait, List<List<String>> sweep)
			throws Exception {
		long wallStart = System.nanoTime();
		Bench.deleteTree(this.out);
		Files.createDirectories(this.out);
		RelevanceSet set = RelevanceSet.load();
		List<Query> queries = set.queries()
			.stream()
			.filter((q) -> split.equals("all") || q.split().equals(split))
			.toList();
		Map<String, List<Judgment>> judgments = set.judgmentsByQuery();
		Path shared = Path.of(System.getProperty("podlens.shared.dir", "../shared"));
		if (!Files.isDirectory(shared)) {
			throw new IllegalStateException("the judged transcripts are read from " + shared.toAbsolutePath()
					+ "; set -Dpodlens.shared.dir (RELEVANCE_JAVA_OPTS) to point elsewhere");
		}
		log("%d queries (%s), %d judgments over %d transcripts", queries.size(), split, set.judgments().size(),
				set.files().size());

		Map<String, Object> summary = new LinkedHashMap<>();
		Map<String, Episode> imported = new LinkedHashMap<>();
		try (ServiceProcess service = ServiceProcess.start(Bench.findJar(this.project), this.out.resolve("data"),
				this.out.resolve("service.log"), this.json)) {
			log("service up in %.1f s", service.startupSeconds());
			Map<String, Episode> episodes = new LinkedHashMap<>();
			long importStart = System.nanoTime();
			for (String file : set.files()) {
				Episode episode = importFile(service, shared, file);
				episodes.put(file, episode);
				log("imported %s: episode %d, %d segments, %s", file, episode.id(), episode.starts().length,
						episode.language());
			}
			double importSeconds = (System.nanoTime() - importStart) / 1e9;
			double waited = awaitBackgroundWork(service, progress, wait);
			log("background work done %.1f s after the imports", waited);

			Map<String, Map<String, Integer>> resolved = resolve(queries, judgments, episodes);
			imported.putAll(episodes);
			Map<String, Object> byMode = new LinkedHashMap<>();
			List<String> perQueryRows = new ArrayList<>();
			perQueryRows.add("mode\tid\tsplit\tlanguage\tscript\tstyle\tndcg@10\trecall@20\thits\tfirstRelevantRank\t"
					+ "status\tquery");
			Map<String, Map<String, Stat>> tables = new LinkedHashMap<>();
			ModeSupport support = modeSupport(service);
			for (String mode : modes) {
				String unavailable = support.unavailable(mode, service);
				if (unavailable != null) {
					log("mode %s: unavailable (%s)", mode, unavailable);
					byMode.put(mode, Map.of("available", false, "reason", unavailable));
					continue;
				}
				List<QueryResult> results = new ArrayList<>();
				for (Query query : queries) {
					QueryResult result = runQuery(service, support.parameter(mode), query, resolved.get(query.id()),
							judgments.get(query.id()), episodes);
					results.add(result);
					perQueryRows.add(String.join("\t", mode, query.id(), query.split(), query.language(),
							query.script(), query.style(), fmt(result.ndcg()), fmt(result.recall()),
							Integer.toString(result.hits()), Integer.toString(result.firstRelevantRank()),
							Integer.toString(result.status()), query.text()));
				}
				Map<String, Stat> table = aggregate(set, results);
				tables.put(mode, table);
				Map<String, Object> modeSummary = new LinkedHashMap<>();
				modeSummary.put("available", true);
				modeSummary.put("parameter", support.parameter(mode));
				Map<String, Object> groups = new LinkedHashMap<>();
				table.forEach((group, stat) -> groups.put(group, stat.toMap()));
				modeSummary.put("groups", groups);
				modeSummary.put("errors", results.stream().filter((r) -> r.status() != 200).count());
				modeSummary.put("meanLatencyMs",
						Math.round(results.stream().mapToDouble(QueryResult::millis).average().orElse(0) * 10) / 10.0);
				byMode.put(mode, modeSummary);
				Stat all = table.get("all");
				log("mode %s: nDCG@10 %.3f, recall@20 %.3f, %d of %d queries without a relevant hit", mode, all.ndcg(),
						all.recall(), all.noRelevant(), all.n());
			}

			summary.put("queries", Map.of("total", queries.size(), "split", split));
			summary.put("judgments", set.judgments().size());
			List<Map<String, Object>> episodeList = new ArrayList<>();
			episodes.forEach((file, e) -> episodeList
				.add(Map.of("file", file, "id", e.id(), "segments", e.starts().length, "language", e.language())));
			summary.put("episodes", episodeList);
			summary.put("importSeconds", ServiceProcess.round(importSeconds));
			summary.put("backgroundWaitSeconds", ServiceProcess.round(waited));
			summary.put("metrics",
					Map.of("ndcg", "nDCG@" + NDCG_AT + ", gain = grade, log2 discount", "recall",
							"recall@" + RECALL_AT + ": judged segments (grade >= 1) in the first " + RECALL_AT
									+ " hits / min(" + RECALL_AT + ", judged)",
							"match", "a hit counts for the judged segment of the same episode whose start is within "
									+ RelevanceMetrics.TOLERANCE_MS + " ms, each judged segment once"));
			summary.put("modes", byMode);
			summary.put("notes", this.notes);
			summary.put("wallSeconds", Math.round((System.nanoTime() - wallStart) / 1e9));
			Files.writeString(this.out.resolve("summary.json"),
					this.json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
			Files.write(this.out.resolve("per-query.tsv"), perQueryRows);
			print(modes, byMode, tables);
			log("wrote %s and %s", this.project.relativize(this.out.resolve("summary.json")),
					this.project.relativize(this.out.resolve("per-query.tsv")));
		}
		if (!sweep.isEmpty()) {
			sweep(set, queries, judgments, imported, modes, sweep);
		}
		Bench.deleteTree(this.out.resolve("data"));
	}

	/** Each variant of settings on the same data: nDCG@10 and recall@20 per mode. */
	private void sweep(RelevanceSet set, List<Query> queries, Map<String, List<Judgment>> judgments,
			Map<String, Episode> episodes, List<String> modes, List<List<String>> variants) throws Exception {
		Map<String, Map<String, Integer>> resolved = resolve(queries, judgments, episodes);
		List<String> lines = new ArrayList<>();
		lines.add("variant\tmode\tgroup\tn\tndcg@10\trecall@20\tnone");
		for (List<String> variant : variants) {
			try (ServiceProcess service = ServiceProcess.start(Bench.findJar(this.project), this.out.resolve("data"),
					this.out.resolve("service.log"), this.json, variant)) {
				ModeSupport support = modeSupport(service);
				for (String mode : modes) {
					if (support.unavailable(mode, service) != null) {
						continue;
					}
					List<QueryResult> results = new ArrayList<>();
					for (Query query : queries) {
						results.add(runQuery(service, support.parameter(mode), query, resolved.get(query.id()),
								judgments.get(query.id()), episodes));
					}
					Map<String, Stat> table = aggregate(set, results);
					for (String group : table.keySet()) {
						Stat stat = table.get(group);
						if (stat != null) {
							lines.add(String.join("\t", String.join(" ", variant), mode, group,
									Integer.toString(stat.n()), fmt(stat.ndcg()), fmt(stat.recall()),
									Integer.toString(stat.noRelevant())));
						}
					}
					Stat all = table.get("all");
					log("sweep %s, %s: nDCG@10 %.3f, recall@20 %.3f", String.join(" ", variant), mode, all.ndcg(),
							all.recall());
				}
			}
		}
		Files.write(this.out.resolve("sweep.tsv"), lines);
		log("wrote %s", this.project.relativize(this.out.resolve("sweep.tsv")));
	}

	/** An imported transcript: its id, language and segment starts (index = position). */
	record Episode(long id, String language, long[] starts, int[] indexes) {
	}

	record QueryResult(Query query, double ndcg, double recall, int hits, int firstRelevantRank, int status,
			double millis) {
	}

	private Episode importFile(ServiceProcess service, Path shared, String file) throws Exception {
		Path path = shared.resolve(file);
		String boundary = "relevance-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", path.getFileName().toString());
		fields.put("podcast", "podlens-relevance");
		fields.put("externalId", file);
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + path.getFileName()
						+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(Files.readAllBytes(path));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		JsonNode episode = service.post("/api/episodes", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
		long id = episode.get("id").asLong();
		JsonNode segments = service.getJson("/api/episodes/" + id + "/segments");
		List<long[]> rows = new ArrayList<>();
		segments.forEach((s) -> rows.add(new long[] { s.get("startMs").asLong(), s.get("index").asLong() }));
		rows.sort(Comparator.<long[]>comparingLong((r) -> r[0]).thenComparingLong((r) -> r[1]));
		return new Episode(id, episode.path("language").asString(""), rows.stream().mapToLong((r) -> r[0]).toArray(),
				rows.stream().mapToInt((r) -> (int) r[1]).toArray());
	}

	/**
	 * Waits until every progress endpoint reports no pending work on three polls in a row
	 * (work is queued right after an import, so one idle poll is not enough). Endpoints
	 * that do not exist (yet) are noted and ignored, so the wait works before and after
	 * new background features land. Returns the seconds waited.
	 */
	private double awaitBackgroundWork(ServiceProcess service, List<String> configured, Duration limit)
			throws Exception {
		Set<String> endpoints = new LinkedHashSet<>(configured);
		JsonNode paths = service.getJson("/v3/api-docs").path("paths");
		for (String path : paths.propertyNames()) {
			if (!path.contains("{") && PROGRESS_PATH.matcher(path).matches() && paths.path(path).has("get")) {
				endpoints.add(path);
			}
		}
		long started = System.nanoTime();
		long deadline = started + limit.toNanos();
		Set<String> absent = new LinkedHashSet<>();
		int idlePolls = 0;
		while (idlePolls < 3) {
			List<String> busy = new ArrayList<>();
			for (String endpoint : endpoints) {
				if (absent.contains(endpoint)) {
					continue;
				}
				HttpResponse<String> response = service.get(endpoint);
				JsonNode body = null;
				if (response.statusCode() == 200) {
					try {
						body = this.json.readTree(response.body());
					}
					catch (RuntimeException ex) {
						// not JSON: no progress to read
					}
				}
				if (body == null) {
					absent.add(endpoint);
					note("progress endpoint " + endpoint + " answered " + response.statusCode()
							+ " without JSON; not waited on");
					continue;
				}
				if (pending(body)) {
					busy.add(endpoint + " " + abbreviate(body.toString()));
				}
			}
			if (!indexCaughtUp(service)) {
				busy.add("/api/admin/index behind the stored segments");
			}
			idlePolls = busy.isEmpty() ? idlePolls + 1 : 0;
			if (System.nanoTime() > deadline) {
				note("gave up waiting for background work after " + limit.toMinutes() + " min: " + busy);
				break;
			}
			Thread.sleep(busy.isEmpty() ? 500 : 1000);
		}
		List<String> polled = endpoints.stream().filter((e) -> !absent.contains(e)).toList();
		note("waited on " + (polled.isEmpty() ? "no progress endpoint" : String.join(", ", polled)));
		return (System.nanoTime() - started) / 1e9;
	}

	/**
	 * Whether a progress document says that work is pending: a positive count named like
	 * queued/pending/remaining, a status such as running, or done below total.
	 */
	static boolean pending(JsonNode node) {
		if (node.isArray()) {
			for (JsonNode item : node) {
				if (pending(item)) {
					return true;
				}
			}
			return false;
		}
		if (!node.isObject()) {
			return false;
		}
		for (String name : node.propertyNames()) {
			JsonNode value = node.get(name);
			if (value.isNumber() && value.asDouble() > 0 && PENDING_NUMBER.matcher(name).matches()) {
				return true;
			}
			if (value.isString() && (name.equalsIgnoreCase("status") || name.equalsIgnoreCase("state"))
					&& BUSY_STATES.contains(value.asString().toLowerCase(Locale.ROOT))) {
				return true;
			}
			if ((value.isObject() || value.isArray()) && pending(value)) {
				return true;
			}
		}
		JsonNode total = node.get("total");
		if (total != null && total.isNumber()) {
			for (String done : List.of("done", "processed", "completed", "embedded", "indexed")) {
				JsonNode count = node.get(done);
				if (count != null && count.isNumber() && count.asLong() < total.asLong()) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean indexCaughtUp(ServiceProcess service) throws Exception {
		HttpResponse<String> index = service.get("/api/admin/index");
		HttpResponse<String> episodes = service.get("/api/episodes?size=100");
		if (index.statusCode() != 200 || episodes.statusCode() != 200) {
			return true;
		}
		long documents = this.json.readTree(index.body()).path("documents").asLong(-1);
		long segments = 0;
		for (JsonNode item : this.json.readTree(episodes.body()).path("items")) {
			segments += item.path("segmentCount").asLong();
		}
		return documents < 0 || documents >= segments;
	}

	/**
	 * Judged segments by API segment key (episode id and segment index), per query: each
	 * judged start is placed on the episode's segment with the nearest start within the
	 * tolerance.
	 */
	private Map<String, Map<String, Integer>> resolve(List<Query> queries, Map<String, List<Judgment>> judgments,
			Map<String, Episode> episodes) {
		Map<String, Map<String, Integer>> resolved = new LinkedHashMap<>();
		int unresolved = 0;
		for (Query query : queries) {
			Map<String, Integer> keys = new LinkedHashMap<>();
			for (Judgment j : judgments.get(query.id())) {
				Episode episode = episodes.get(j.file());
				int position = RelevanceMetrics.nearest(episode.starts(), j.startMs());
				if (position < 0) {
					unresolved++;
					note("no segment of " + j.file() + " starts within " + RelevanceMetrics.TOLERANCE_MS + " ms of "
							+ RelevanceSet.formatStart(j.startMs()) + " (query " + query.id()
							+ "): counted as judged but unfindable");
					continue;
				}
				keys.merge(episode.id() + ":" + episode.indexes()[position], j.grade(), Math::max);
			}
			resolved.put(query.id(), keys);
		}
		if (unresolved > 0) {
			log("%d judgments match no segment the API reports (see notes)", unresolved);
		}
		return resolved;
	}

	private QueryResult runQuery(ServiceProcess service, String modeParameter, Query query, Map<String, Integer> judged,
			List<Judgment> judgments, Map<String, Episode> episodes) throws Exception {
		StringBuilder url = new StringBuilder("/api/search?q=")
			.append(URLEncoder.encode(query.text(), StandardCharsets.UTF_8))
			.append("&size=")
			.append(RECALL_AT);
		if (modeParameter != null) {
			url.append("&mode=").append(URLEncoder.encode(modeParameter, StandardCharsets.UTF_8));
		}
		long t0 = System.nanoTime();
		HttpResponse<String> response = service.get(url.toString());
		double millis = (System.nanoTime() - t0) / 1e6;
		List<String> keys = new ArrayList<>();
		if (response.statusCode() == 200) {
			Map<Long, Episode> byId = new LinkedHashMap<>();
			episodes.values().forEach((e) -> byId.put(e.id(), e));
			for (JsonNode hit : this.json.readTree(response.body()).path("hits")) {
				keys.add(hitKey(hit, byId));
			}
		}
		else {
			note("query " + query.id() + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
		}
		List<Integer> gains = RelevanceMetrics.gains(keys, judged);
		List<Integer> grades = judgments.stream().map(Judgment::grade).toList();
		double ndcg = RelevanceMetrics.ndcg(gains, grades, NDCG_AT);
		double recall = RelevanceMetrics.recall(gains, judgments.size(), RECALL_AT);
		int first = 0;
		for (int i = 0; i < gains.size(); i++) {
			if (gains.get(i) > 0) {
				first = i + 1;
				break;
			}
		}
		return new QueryResult(query, ndcg, recall, keys.size(), first, response.statusCode(), millis);
	}

	/**
	 * The API segment key of a hit: its segment index, or else the segment nearest to its
	 * start; {@code null} when it lies on no known segment.
	 */
	private static String hitKey(JsonNode hit, Map<Long, Episode> episodes) {
		long episodeId = hit.path("episodeId").asLong(-1);
		Episode episode = episodes.get(episodeId);
		if (episode == null) {
			return null;
		}
		if (hit.has("segmentIndex") && hit.get("segmentIndex").isNumber()) {
			return episodeId + ":" + hit.get("segmentIndex").asInt();
		}
		int position = RelevanceMetrics.nearest(episode.starts(), hit.path("startMs").asLong(-1_000_000));
		return (position < 0) ? null : episodeId + ":" + episode.indexes()[position];
	}

	/** How the service takes a search mode, read from its OpenAPI document. */
	private record ModeSupport(boolean declared, List<String> allowed) {

		String unavailable(String mode, ServiceProcess service) throws Exception {
			if (!this.declared) {
				return mode.equals("keyword") ? null
						: "GET /api/search declares no mode parameter; only keyword search exists";
			}
			if (!this.allowed.isEmpty() && !this.allowed.contains(mode)) {
				return "mode not among the declared values " + this.allowed;
			}
			HttpResponse<String> probe = service.get("/api/search?q=" + URLEncoder.encode("模型", StandardCharsets.UTF_8)
					+ "&size=1&mode=" + URLEncoder.encode(mode, StandardCharsets.UTF_8));
			if (probe.statusCode() != 200) {
				return "probe answered " + probe.statusCode() + ": " + abbreviate(probe.body());
			}
			return null;
		}

		/**
		 * The mode= value to send, or null when the service takes none (keyword only).
		 */
		String parameter(String mode) {
			return this.declared ? mode : null;
		}

	}

	private ModeSupport modeSupport(ServiceProcess service) throws Exception {
		JsonNode parameters = service.getJson("/v3/api-docs")
			.path("paths")
			.path("/api/search")
			.path("get")
			.path("parameters");
		for (JsonNode parameter : parameters) {
			if ("mode".equals(parameter.path("name").asString())) {
				List<String> allowed = new ArrayList<>();
				parameter.path("schema").path("enum").forEach((v) -> allowed.add(v.asString()));
				return new ModeSupport(true, allowed);
			}
		}
		note("GET /api/search declares no mode parameter: keyword is measured without mode=, other modes are "
				+ "reported unavailable");
		return new ModeSupport(false, List.of());
	}

	/** Mean nDCG@10 and recall@20 of one group of queries. */
	record Stat(int n, double ndcg, double recall, int noRelevant) {

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("queries", this.n);
			map.put("ndcg@" + NDCG_AT, round3(this.ndcg));
			map.put("recall@" + RECALL_AT, round3(this.recall));
			map.put("queriesWithoutRelevantHit", this.noRelevant);
			return map;
		}

	}

	/**
	 * The groups reported: all queries, each split, language, script and style, the
	 * cross-lingual queries, and per split each language and style.
	 */
	static Map<String, Predicate<Query>> groups(RelevanceSet set) {
		Map<String, Predicate<Query>> groups = new LinkedHashMap<>();
		groups.put("all", (q) -> true);
		for (String split : List.of("tuning", "holdout")) {
			groups.put(split, (q) -> q.split().equals(split));
		}
		for (String language : List.of("zh", "en")) {
			groups.put(language, (q) -> q.language().equals(language));
		}
		groups.put("zh Hant", (q) -> q.script().equals("Hant"));
		groups.put("zh Hans", (q) -> q.script().equals("Hans"));
		groups.put("cross-lingual", set::crossLingual);
		for (String style : List.of("keyword", "question", "paraphrase")) {
			groups.put(style, (q) -> q.style().equals(style));
		}
		for (String split : List.of("tuning", "holdout")) {
			for (String language : List.of("zh", "en")) {
				groups.put(split + " " + language, (q) -> q.split().equals(split) && q.language().equals(language));
			}
			for (String style : List.of("keyword", "question", "paraphrase")) {
				groups.put(split + " " + style, (q) -> q.split().equals(split) && q.style().equals(style));
			}
			groups.put(split + " cross-lingual", (q) -> q.split().equals(split) && set.crossLingual(q));
		}
		return groups;
	}

	private static Map<String, Stat> aggregate(RelevanceSet set, List<QueryResult> results) {
		Map<String, Stat> table = new LinkedHashMap<>();
		groups(set).forEach((name, predicate) -> {
			List<QueryResult> members = results.stream().filter((r) -> predicate.test(r.query())).toList();
			if (!members.isEmpty()) {
				table.put(name,
						new Stat(members.size(),
								RelevanceMetrics.mean(members.stream().map(QueryResult::ndcg).toList()),
								RelevanceMetrics.mean(members.stream().map(QueryResult::recall).toList()),
								(int) members.stream().filter((r) -> r.firstRelevantRank() == 0).count()));
			}
		});
		return table;
	}

	private static void print(List<String> modes, Map<String, Object> byMode, Map<String, Map<String, Stat>> tables) {
		StringBuilder header = new StringBuilder(String.format("%-18s %4s", "group", "n"));
		StringBuilder rule = new StringBuilder("-".repeat(23));
		for (String mode : modes) {
			header.append(String.format(" | %-22s", mode + " nDCG@10 R@20 none"));
			rule.append("-+-").append("-".repeat(22));
		}
		System.out.println();
		System.out.println(header);
		System.out.println(rule);
		Set<String> groupNames = new LinkedHashSet<>();
		tables.values().forEach((t) -> groupNames.addAll(t.keySet()));
		for (String group : groupNames) {
			StringBuilder row = new StringBuilder();
			int n = tables.values().stream().map((t) -> t.get(group)).filter((s) -> s != null).findFirst().get().n();
			row.append(String.format("%-18s %4d", group, n));
			for (String mode : modes) {
				Stat stat = tables.getOrDefault(mode, Map.of()).get(group);
				row.append((stat == null) ? String.format(" | %-22s", "unavailable")
						: String.format(" | %7.3f %6.3f %5d   ", stat.ndcg(), stat.recall(), stat.noRelevant()));
			}
			System.out.println(row);
		}
		if (tables.isEmpty()) {
			System.out.println("(no mode available)");
		}
		for (String mode : modes) {
			if (byMode.get(mode) instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("available"))) {
				System.out.printf("%s: unavailable, %s%n", mode, m.get("reason"));
			}
		}
		System.out.println("none = queries without any relevant hit in the first " + RECALL_AT);
		System.out.println();
	}

	private static String fmt(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
	}

	/** Three decimals; {@code null} (JSON null) for a group without a value. */
	private static Double round3(double value) {
		return Double.isNaN(value) ? null : Math.round(value * 1000) / 1000.0;
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return (flat.length() > 200) ? flat.substring(0, 200) + "…" : flat;
	}

	private void note(String note) {
		if (!this.notes.contains(note)) {
			this.notes.add(note);
			log("note: %s", note);
		}
	}

	static void log(String format, Object... args) {
		System.out.printf("[relevance] " + format + "%n", args);
	}

}
