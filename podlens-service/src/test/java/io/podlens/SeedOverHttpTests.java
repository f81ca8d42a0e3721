package io.podlens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.podlens.text.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a real port: imports the seed transcript over HTTP as a client
 * would and checks storage, search and export end to end.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedOverHttpTests {

	private static final String SEED = "seeds/000_95363aa04b2cdaad.txt";

	private static final Path dataDir = TestDataDirs.create("seed-over-http");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
	}

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = JsonMapper.builder().build();

	private long episodeId;

	@BeforeAll
	void importSeed() throws Exception {
		Path seed = SharedData.file(SEED);
		HttpResponse<String> created = upload(seed, "Meta's forgotten multimodal model", "科技浪",
				"seed-" + UUID.randomUUID());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).isPresent();
		this.episodeId = this.json.readTree(created.body()).get("id").asLong();
	}

	@Test
	void storesAll61SegmentsWithTheirTimes() throws Exception {
		JsonNode episode = getJson("/api/episodes/" + this.episodeId);
		assertThat(episode.get("segmentCount").asInt()).isEqualTo(61);
		assertThat(episode.get("language").asString()).isEqualTo("zh-Hant");
		assertThat(episode.get("durationMs").asLong()).isEqualTo(3647000);

		JsonNode segments = getJson("/api/episodes/" + this.episodeId + "/segments");
		assertThat(segments).hasSize(61);
		assertThat(segments.get(0).get("startMs").asLong()).isZero();
		assertThat(segments.get(0).get("endMs").asLong()).isEqualTo(65000);
		assertThat(segments.get(60).get("startMs").asLong()).isEqualTo(3635000);
		assertThat(segments.get(60).get("endMs").asLong()).isEqualTo(3647000);
	}

	@Test
	void simplifiedQueryFindsTraditionalText() throws Exception {
		// The seed writes 多模態模型 (Traditional) in these segments, never in Simplified.
		List<Integer> written = List.of(2, 3, 5, 14, 15, 17, 18, 20, 21, 25, 32, 37, 50, 59);
		JsonNode result = getJson("/api/search?size=100&episodeId=" + this.episodeId + "&q=" + encode("\"多模态模型\""));
		assertThat(result.get("total").asLong()).isEqualTo(written.size());
		assertThat(result.get("totalExact").asBoolean()).isTrue();
		List<JsonNode> hits = result.get("hits").valueStream().toList();
		assertThat(hits).extracting((hit) -> hit.get("segmentIndex").asInt())
			.containsExactlyInAnyOrderElementsOf(written);
		assertThat(hits).allSatisfy((hit) -> {
			assertThat(hit.get("matchedBy").asString()).isEqualTo("exact");
			assertThat(hit.get("matchedTerms").valueStream().map(JsonNode::asString)).containsOnly("多模態模型");
			assertThat(hit.get("text").asString()).contains("多模態模型").doesNotContain("多模态模型");
			assertThat(hit.get("snippet").asString()).contains("<mark>多模態模型</mark>");
		});
		// The query as written in the transcript finds the same segments.
		assertThat(hitIndexes("\"多模態模型\"")).containsExactlyInAnyOrderElementsOf(written);
		// Without quotes its words (多模態, 模型) rank: the same segments first, then those
		// with both words apart or one right after the other.
		List<Integer> ranked = hitIndexes("多模态模型");
		assertThat(ranked).hasSizeGreaterThan(written.size());
		assertThat(ranked.subList(0, written.size())).containsExactlyInAnyOrderElementsOf(written);
	}

	@Test
	void phraseFindsOnlyAdjacentWords() throws Exception {
		List<Integer> hits = hitIndexes("\"Project Astra\"");
		assertThat(hits).contains(2, 3).doesNotContain(4);
	}

	@Test
	void caseDoesNotMatter() throws Exception {
		assertThat(hitIndexes("gpt-4v")).hasSize(4).containsExactlyInAnyOrderElementsOf(hitIndexes("GPT-4V"));
	}

	@Test
	void chineseWordMatchesAsAPhrase() throws Exception {
		// Where its characters are adjacent first; then, through cross-lingual expansion,
		// the segments that say its English name.
		List<JsonNode> hits = getJson("/api/search?size=100&episodeId=" + this.episodeId + "&q=" + encode("變色龍"))
			.get("hits")
			.valueStream()
			.toList();
		assertThat(hits.subList(0, 2)).extracting((hit) -> hit.get("segmentIndex").asInt())
			.containsExactlyInAnyOrder(6, 7);
		assertThat(hits.subList(2, hits.size())).extracting((hit) -> hit.get("segmentIndex").asInt())
			.containsExactlyInAnyOrder(14, 15, 16, 33, 36, 41);
		assertThat(hits.subList(2, hits.size())).allSatisfy((hit) -> assertThat(
				hit.get("matchedTerms").valueStream().map(JsonNode::asString).map(String::toLowerCase))
			.contains("chameleon"));
	}

	@Test
	void soundsLikeFindsMisheardSpellingsAfterExactHits() throws Exception {
		// Quoted, 大型語言模型 is one phrase (語言 heard as one syllable, 圓); without quotes
		// the segments saying 大型圓模型 are exact hits for 大型 and 模型.
		for (String[] pair : new String[][] { { "向量", "項量" }, { "\"大型語言模型\"", "大型圓模型" }, { "Chameleon", "Camellian" },
				{ "GPT-4o", "GBT-4O" } }) {
			JsonNode result = getJson(
					"/api/search?size=100&soundsLike=true&episodeId=" + this.episodeId + "&q=" + encode(pair[0]));
			List<JsonNode> hits = result.get("hits").valueStream().toList();
			assertThat(hits).as(pair[0])
				.anySatisfy((hit) -> assertThat(hit.get("matchedTerms").valueStream().map(JsonNode::asString))
					.anySatisfy((term) -> assertThat(term).containsIgnoringCase(pair[1])));
			List<String> kinds = hits.stream().map((hit) -> hit.get("matchedBy").asString()).toList();
			int lastExact = kinds.lastIndexOf("exact");
			assertThat(kinds.subList(lastExact + 1, kinds.size())).as(pair[0])
				.isNotEmpty()
				.allSatisfy((kind) -> assertThat(kind).isIn("alias", "sounds-like"));
		}
		// Without soundsLike a spelling matches only where it is written: the misheard
		// Camellian (a word of the transcript too) in its own segments, Chameleon in
		// others, neither in the other's.
		assertThat(hitIndexes("Camellian")).containsExactlyInAnyOrder(6, 7, 19, 20);
		List<JsonNode> chameleon = getJson("/api/search?size=100&episodeId=" + this.episodeId + "&q=Chameleon")
			.get("hits")
			.valueStream()
			.toList();
		assertThat(chameleon.subList(0, 6)).extracting((hit) -> hit.get("segmentIndex").asInt())
			.containsExactlyInAnyOrder(14, 15, 16, 33, 36, 41);
		// Then, through cross-lingual expansion, where its Chinese name is said.
		assertThat(chameleon.subList(6, chameleon.size())).extracting((hit) -> hit.get("segmentIndex").asInt())
			.containsExactlyInAnyOrder(6, 7);
		assertThat(chameleon.stream().map((hit) -> hit.get("matchedBy").asString())).containsOnly("exact");
	}

	@Test
	void malformedQueryIsABadRequest() throws Exception {
		HttpResponse<String> response = get("/api/search?q=" + encode("\"unbalanced (quote"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void overlongQueriesAreProblemsNotTomcatPages() throws Exception {
		// 10 KB of Chinese: over podlens.max-query-length, within the header limit.
		HttpResponse<String> tooLong = get("/api/search?q=" + encode("模".repeat(3_500)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(tooLong.body()).get("field").asString()).isEqualTo("q");
		// Beyond what the server reads at all: Tomcat refuses it, still as a problem.
		HttpResponse<String> huge = get("/api/search?q=" + "a".repeat(100_000));
		assertThat(huge.statusCode()).isEqualTo(400);
		assertThat(huge.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(huge.body()).doesNotContain("<html").contains("\"status\":400");
	}

	@Test
	void exportReimportsToTheSameSegments() throws Exception {
		JsonNode original = getJson("/api/episodes/" + this.episodeId + "/segments");
		for (String format : List.of("srt", "webvtt", "podcast-json")) {
			HttpResponse<String> export = get("/api/episodes/" + this.episodeId + "/transcript?format=" + format);
			assertThat(export.statusCode()).isEqualTo(200);
			Path file = Files.writeString(dataDir.resolve("export." + format), export.body());
			HttpResponse<String> created = upload(file, "re-import " + format, null, null);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			long copy = this.json.readTree(created.body()).get("id").asLong();
			JsonNode copied = getJson("/api/episodes/" + copy + "/segments");
			assertThat(copied).isEqualTo(original);
			assertThat(delete("/api/episodes/" + copy).statusCode()).isEqualTo(204);
		}
	}

	@Test
	void sameExternalIdTwiceIsAConflict() throws Exception {
		String body = """
				{"title":"a","podcast":"P","externalId":"dup-%s","segments":[{"startMs":0,"endMs":10,"text":"hi"}]}"""
			.formatted(UUID.randomUUID());
		assertThat(postJson("/api/episodes", body).statusCode()).isEqualTo(201);
		HttpResponse<String> second = postJson("/api/episodes", body);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(second.body()).get("detail").asString()).contains("already has externalId");
	}

	@Test
	void deletingAnEpisodeRemovesItFromSearch() throws Exception {
		String marker = "zebracorn" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
		HttpResponse<String> created = postJson("/api/episodes", """
				{"title":"temp","segments":[{"startMs":0,"endMs":10,"text":"a %s appears"}]}""".formatted(marker));
		long id = this.json.readTree(created.body()).get("id").asLong();
		assertThat(getJson("/api/search?q=" + marker).get("total").asLong()).isEqualTo(1);
		assertThat(delete("/api/episodes/" + id).statusCode()).isEqualTo(204);
		assertThat(getJson("/api/search?q=" + marker).get("total").asLong()).isZero();
		assertThat(get("/api/episodes/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void openApiAndHealthAreServed() throws Exception {
		assertThat(get("/v3/api-docs").body()).contains("/api/episodes", "/api/search");
		JsonNode info = getJson("/v3/api-docs").get("info");
		assertThat(info.get("title").asString()).isEqualTo("Podlens API");
		assertThat(info.get("version").asString()).isEqualTo(buildVersion());
		assertThat(info.get("description").asString()).contains("podcast transcripts");
		assertThat(info.get("license").get("name").asString()).isEqualTo("Proprietary. All rights reserved.");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	/** The version the build wrote into {@code META-INF/build-info.properties}. */
	private static String buildVersion() throws IOException {
		Properties build = new Properties();
		try (InputStream in = SeedOverHttpTests.class.getResourceAsStream("/META-INF/build-info.properties")) {
			assertThat(in).as("build-info.properties, written by spring-boot-maven-plugin").isNotNull();
			build.load(in);
		}
		assertThat(build.getProperty("build.version")).isNotBlank();
		return build.getProperty("build.version");
	}

	private List<Integer> hitIndexes(String query) throws Exception {
		JsonNode result = getJson("/api/search?size=100&episodeId=" + this.episodeId + "&q=" + encode(query));
		return result.get("hits").valueStream().map((hit) -> hit.get("segmentIndex").asInt()).toList();
	}

	private JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> upload(Path file, String title, String podcast, String externalId)
			throws IOException, InterruptedException {
		String boundary = "podlens-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "title", title);
		if (podcast != null) {
			field(body, boundary, "podcast", podcast);
		}
		if (externalId != null) {
			field(body, boundary, "externalId", externalId);
		}
		body.write(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
						+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		body.write(Files.readAllBytes(file));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri("/api/episodes"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
			throws IOException {
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
