package io.podlens;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole service over HTTP with an API key: four episodes of our own (three published
 * in February and March 2025, one without a date) are imported and their topics
 * extracted; then the trend endpoints count them by week and month, roll them up to their
 * parents and rank the risers, and an MCP client of the official SDK lists and calls
 * every tool at {@code /mcp}, which refuses a client without the key.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsAndMcpEndToEndTests {

	private static final String KEY = "trend-test-key";

	private static final Path dataDir = TestDataDirs.create("trends-mcp");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
		registry.add("podlens.api-key", () -> KEY);
	}

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Long> ids = new HashMap<>();

	/** Mentions per episode title and topic id, as extraction stored them. */
	private final Map<String, Map<String, Integer>> counts = new HashMap<>();

	private final Map<String, String> parents = new HashMap<>();

	private McpSyncClient mcp;

	@BeforeAll
	void importEpisodes() throws Exception {
		importEpisode("Trend Weekly 1", "2025-02-12T09:00:00Z", "OpenAI released GPT-4o today.");
		// 20:00 at +08:00 is noon in UTC: the week of Monday 2025-03-03
		importEpisode("Trend Weekly 2", "2025-03-04T20:00:00+08:00", "We tried GPT-4o twice. GPT-4o is fast.");
		importEpisode("Trend Weekly 3", "2025-03-11T10:00:00Z",
				"GPT-4o, GPT-4o and ChatGPT everywhere. GPT-4o wins again.");
		importEpisode("Trend Weekly 4", null, "GPT-4o without a publication date.");
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (get("/api/topics/reanalysis").get("episodesQueued").asInt() > 0 || !analysed()) {
			assertThat(System.nanoTime()).as("topic extraction finished").isLessThan(deadline);
			Thread.sleep(200);
		}
		get("/api/topics").valueStream()
			.filter((t) -> !t.get("parent").isNull())
			.forEach((t) -> this.parents.put(t.get("id").asString(), t.get("parent").asString()));
		assertThat(count("Trend Weekly 3", "gpt-4o")).isGreaterThanOrEqualTo(3);
		assertThat(this.parents).containsEntry("gpt-4o", "gpt").containsEntry("gpt", "openai");
		this.mcp = client(KEY);
		this.mcp.initialize();
	}

	@AfterAll
	void closeClient() {
		if (this.mcp != null) {
			this.mcp.closeGracefully();
		}
	}

	@Test
	void weeklyTrendPlacesEpisodesByPublicationDateInUtc() throws Exception {
		JsonNode trend = get(
				"/api/topics/gpt-4o/trend?interval=week&from=2025-02-10&to=2025-03-17&includeChildren=false");
		assertThat(trend.get("series")).hasSize(5);
		assertThat(trend.get("series").valueStream().map((p) -> p.get("mentions").asLong()).toList()).containsExactly(
				(long) count("Trend Weekly 1", "gpt-4o"), 0L, 0L, (long) count("Trend Weekly 2", "gpt-4o"),
				(long) count("Trend Weekly 3", "gpt-4o"));
		assertThat(trend.get("series").get(3).get("start").asString()).isEqualTo("2025-03-03T00:00:00Z");
		assertThat(trend.get("episodes").asLong()).isEqualTo(3);
		assertThat(trend.get("episodesByImportTime").asLong()).isZero();

		JsonNode months = get(
				"/api/topics/gpt-4o/trend?interval=month&from=2025-02-01&to=2025-04-01&includeChildren=false");
		assertThat(months.get("series").valueStream().map((p) -> p.get("episodes").asLong()).toList())
			.containsExactly(1L, 2L);
	}

	@Test
	void anEpisodeWithoutADateCountsByItsImportTimeAndSaysSo() throws Exception {
		JsonNode trend = get("/api/topics/gpt-4o/trend?interval=day&includeChildren=false");
		assertThat(trend.get("series")).hasSize(30);
		JsonNode today = trend.get("series").get(29);
		assertThat(Instant.parse(today.get("end").asString())).isAfter(Instant.now());
		assertThat(today.get("mentions").asLong()).isEqualTo(count("Trend Weekly 4", "gpt-4o"));
		assertThat(today.get("episodesByImportTime").asLong()).isEqualTo(1);
		assertThat(trend.get("episodesByImportTime").asLong()).isEqualTo(1);
	}

	@Test
	void aParentCountsTheTopicsBelowIt() throws Exception {
		String range = "?interval=month&from=2025-02-01&to=2025-04-01";
		long below = 0;
		long own = 0;
		for (String title : List.of("Trend Weekly 1", "Trend Weekly 2", "Trend Weekly 3")) {
			for (Map.Entry<String, Integer> topic : this.counts.get(title).entrySet()) {
				if (rollsUpTo(topic.getKey(), "openai")) {
					below += topic.getValue();
				}
				if (topic.getKey().equals("openai")) {
					own += topic.getValue();
				}
			}
		}
		JsonNode rolled = get("/api/topics/openai/trend" + range);
		assertThat(rolled.get("mentions").asLong()).isEqualTo(below).isGreaterThan(own);
		assertThat(rolled.get("topicCount").asInt()).isGreaterThan(3);
		assertThat(get("/api/topics/openai/trend" + range + "&includeChildren=false").get("mentions").asLong())
			.isEqualTo(own);
	}

	@Test
	void risersOfAWeekAndTheChart() throws Exception {
		JsonNode rising = get("/api/trends?interval=week&to=2025-03-17&minMentions=2");
		assertThat(rising.get("currentFrom").asString()).isEqualTo("2025-03-10T00:00:00Z");
		JsonNode gpt4o = rising.get("topics")
			.valueStream()
			.filter((t) -> t.get("id").asString().equals("gpt-4o"))
			.findFirst()
			.orElseThrow();
		double baseline = (count("Trend Weekly 1", "gpt-4o") + count("Trend Weekly 2", "gpt-4o")) / 4.0;
		assertThat(gpt4o.get("mentions").asLong()).isEqualTo(count("Trend Weekly 3", "gpt-4o"));
		assertThat(gpt4o.get("baselineMentions").asDouble()).isEqualTo(baseline);
		assertThat(gpt4o.get("ratio").asDouble()).isCloseTo((gpt4o.get("mentions").asLong() + 1) / (baseline + 1),
				org.assertj.core.data.Offset.offset(0.01));

		HttpResponse<String> svg = send(
				HttpRequest.newBuilder(uri("/api/topics/gpt-4o/trend.svg?from=2025-02-10&to=2025-03-17")));
		assertThat(svg.statusCode()).isEqualTo(200);
		assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(svg.body()).startsWith("<svg").contains("GPT-4o: mentions per week");
		assertThat(send(HttpRequest.newBuilder(uri("/api/topics/gpt-4o/trend?interval=fortnight"))).statusCode())
			.isEqualTo(400);
		assertThat(send(HttpRequest.newBuilder(uri("/api/topics/no-such-topic/trend"))).statusCode()).isEqualTo(404);
		// documented in the OpenAPI contract, with the tag of their own
		JsonNode paths = get("/v3/api-docs").get("paths");
		for (String path : List.of("/api/topics/{id}/trend", "/api/topics/{id}/trend.svg", "/api/trends")) {
			JsonNode operation = paths.get(path).get("get");
			assertThat(operation.get("description").asString()).as(path).isNotBlank();
			assertThat(operation.get("tags").get(0).asString()).isEqualTo("Trends");
			assertThat(operation.get("parameters").valueStream()).as(path)
				.allSatisfy((p) -> assertThat(p.get("description").asString()).isNotBlank());
		}
	}

	@Test
	void mcpListsItsReadOnlyToolsWithSchemas() {
		List<McpSchema.Tool> tools = this.mcp.listTools().tools();
		assertThat(tools).extracting(McpSchema.Tool::name)
			.containsExactlyInAnyOrder("search_segments", "find_mentions", "get_episode", "list_topics", "topic_trend");
		assertThat(tools).allSatisfy((tool) -> {
			assertThat(tool.description()).isNotBlank();
			assertThat(tool.inputSchema()).containsEntry("type", "object").containsKey("properties");
			assertThat(tool.annotations().readOnlyHint()).isTrue();
		});
		assertThat(this.mcp.getServerInfo().name()).isEqualTo("podlens");
	}

	@Test
	void mcpToolsAnswerWithCitableTimes() {
		String search = text(call("search_segments", Map.of("query", "ChatGPT")));
		assertThat(search).contains("[12:34] Trend Weekly 3 (episode " + this.ids.get("Trend Weekly 3") + ", segment 1")
			.contains("**ChatGPT**");

		String mentions = text(call("find_mentions", Map.of("topic", "GPT-4o", "limit", 3)));
		// newest first: the undated episode is last, so episode 3 leads
		assertThat(mentions).startsWith("GPT-4o (gpt-4o): ")
			.contains("[12:34] Trend Weekly 3 (episode " + this.ids.get("Trend Weekly 3") + ", 2025-03-11): **GPT-4o**")
			.contains("More: page 1.");

		String episode = text(call("get_episode", Map.of("episodeId", this.ids.get("Trend Weekly 2"))));
		assertThat(episode).startsWith("Episode " + this.ids.get("Trend Weekly 2") + ": Trend Weekly 2")
			.contains("Podcast: Trend Weekly", "Published: 2025-03-04T12:00:00Z", "Chapters:\n[00:00] ",
					"GPT-4o (gpt-4o, model): " + count("Trend Weekly 2", "gpt-4o") + " mentions, first at [12:34]");

		String topics = text(call("list_topics", Map.of("query", "gpt-4o", "mentionedOnly", true)));
		assertThat(topics).contains("gpt-4o: GPT-4o, model, parent gpt: ");

		String trend = text(call("topic_trend",
				Map.of("topic", "gpt-4o", "from", "2025-02-10", "to", "2025-03-17", "includeChildren", false)));
		assertThat(trend).startsWith("GPT-4o (gpt-4o) per week, 2025-02-10 to 2025-03-16 (UTC): ")
			.contains("2025-03-10: " + count("Trend Weekly 3", "gpt-4o") + " mentions in 1 episode")
			.doesNotContain("2025-02-17:");
	}

	@Test
	void mcpAnswersBadCallsAsToolErrors() {
		McpSchema.CallToolResult missing = call("get_episode", Map.of("episodeId", 987654321));
		assertThat(missing.isError()).isTrue();
		assertThat(text(missing)).isEqualTo("Episode 987654321 does not exist");
		McpSchema.CallToolResult interval = call("topic_trend", Map.of("topic", "gpt-4o", "interval", "year"));
		assertThat(interval.isError()).isTrue();
		// the SDK checks arguments against the tool's input schema first
		assertThat(text(interval)).contains("/interval").contains("\"day\", \"week\", \"month\"");
		McpSchema.CallToolResult range = call("topic_trend",
				Map.of("topic", "gpt-4o", "interval", "day", "from", "2020-01-01", "to", "2025-01-01"));
		assertThat(range.isError()).isTrue();
		assertThat(text(range)).contains("at most 366");
		McpSchema.CallToolResult topic = call("find_mentions", Map.of("topic", "no such thing"));
		assertThat(topic.isError()).isTrue();
		assertThat(text(topic)).isEqualTo("Topic no such thing does not exist");
		McpSchema.CallToolResult mode = call("search_segments", Map.of("query", "GPT-4o", "mode", "telepathic"));
		assertThat(mode.isError()).isTrue();
		assertThat(text(mode)).contains("/mode");
		McpSchema.CallToolResult limit = call("search_segments", Map.of("query", "GPT-4o", "limit", 500));
		assertThat(limit.isError()).isTrue();
		McpSchema.CallToolResult noQuery = call("search_segments", Map.of("topic", "gpt-4o"));
		assertThat(noQuery.isError()).isTrue();
	}

	@Test
	void mcpNeedsTheApiKey() throws Exception {
		try (McpSyncClient anonymous = client(null)) {
			assertThatThrownBy(anonymous::initialize).isInstanceOf(RuntimeException.class);
		}
		try (McpSyncClient wrong = client(KEY + "x")) {
			assertThatThrownBy(wrong::initialize).isInstanceOf(RuntimeException.class);
		}
		String initialize = """
				{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
				 "capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";
		HttpRequest.Builder post = HttpRequest.newBuilder(uri("/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(initialize));
		HttpResponse<String> refused = this.http.send(post.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("X-API-Key");
		// reads of the endpoint (the event stream) need it too
		assertThat(this.http
			.send(HttpRequest.newBuilder(uri("/mcp")).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		// a browser page of another origin is refused even with the key
		HttpResponse<String> foreign = this.http.send(
				post.header("X-API-Key", KEY).header("Origin", "http://evil.example").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(foreign.statusCode()).isEqualTo(403);
	}

	private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
		return this.mcp.callTool(new McpSchema.CallToolRequest(tool, arguments));
	}

	private static String text(McpSchema.CallToolResult result) {
		assertThat(result.content()).hasSize(1);
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private McpSyncClient client(String key) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + this.port)
			.endpoint("/mcp")
			.httpRequestCustomizer((builder, method, endpoint, body, context) -> {
				if (key != null) {
					builder.header("X-API-Key", key);
				}
			})
			.build();
		return McpClient.sync(transport)
			.requestTimeout(Duration.ofSeconds(30))
			.initializationTimeout(Duration.ofSeconds(30))
			.build();
	}

	private boolean rollsUpTo(String topic, String ancestor) {
		for (String at = topic; at != null; at = this.parents.get(at)) {
			if (at.equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

	private int count(String title, String topic) {
		return this.counts.get(title).getOrDefault(topic, 0);
	}

	/** Whether every episode has topics stored (each mentions GPT-4o); records them. */
	private boolean analysed() throws Exception {
		for (Map.Entry<String, Long> episode : this.ids.entrySet()) {
			JsonNode answer = get("/api/episodes/" + episode.getValue() + "/topics");
			JsonNode topics = answer.get("topics");
			if (!"ready".equals(answer.get("status").asString()) || topics.isEmpty()) {
				return false;
			}
			Map<String, Integer> byTopic = new HashMap<>();
			topics.valueStream()
				.forEach((t) -> byTopic.put(t.get("topic").get("id").asString(), t.get("count").asInt()));
			this.counts.put(episode.getKey(), byTopic);
		}
		return true;
	}

	private void importEpisode(String title, String publishedAt, String text) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("podcast", "Trend Weekly");
		body.put("language", "en");
		if (publishedAt != null) {
			body.put("publishedAt", publishedAt);
		}
		body.put("segments", List.of(Map.of("startMs", 0, "endMs", 5000, "text", "Welcome to the show."),
				Map.of("startMs", 754_000, "endMs", 760_000, "text", text)));
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/episodes"))
			.header("Content-Type", "application/json")
			.header("X-API-Key", KEY)
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.ids.put(title, this.json.readTree(created.body()).get("id").asLong());
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)));
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
