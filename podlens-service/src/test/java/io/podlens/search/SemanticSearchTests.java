package io.podlens.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.podlens.TestDataDirs;
import io.podlens.bulkimport.ForegroundWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Semantic and hybrid search and similar segments through the whole service, with the
 * shipped model: imports are embedded in the background, then found by meaning across
 * Chinese and English, with the filters, exclusions and paging of keyword search; hybrid
 * hits say how they matched; the rebuild keeps the vectors without embedding anything
 * again.
 */
@Tag("integration")
@SpringBootTest
@AutoConfigureMockMvc
class SemanticSearchTests {

	private static final Path dataDir = TestDataDirs.create("semantic-search");

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static long chinese;

	private static long english;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
		registry.add("podlens.embedding.enabled", () -> "true");
		// The product's default (the other tests pin keyword: they assert keyword
		// totals).
		registry.add("podlens.search.default-mode", () -> "auto");
		registry.add("podlens.embedding.quiet-after", () -> "0s");
		registry.add("podlens.embedding.native-dir",
				() -> Path.of("target", "test-native").toAbsolutePath().toString());
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ForegroundWork foreground;

	@BeforeEach
	void episodes() throws Exception {
		if (chinese != 0) {
			return;
		}
		chinese = importEpisode("開源與閉源", "科技浪", "zh-Hant",
				List.of("今天我們聊開源大模型和閉源大模型之間的差距", "有人認為開源模型永遠追不上閉源模型，因為算力和訓練資料差太多", "另一方面，新版開源模型的發布讓很多開發者覺得開源社群還是有希望",
						"接下來聊聊在筆記型電腦上跑七百億參數的模型需要多少記憶體", "六十四GB的記憶體大概就能跑量化過的七十B模型"));
		english = importEpisode("Open weights", "Latent Talk", "en",
				List.of("Welcome back, today we talk about open source versus closed models",
						"Many people think open weights models will never catch up with the closed frontier labs",
						"Running a seventy billion parameter model on a laptop needs a lot of memory",
						"The weather in Lisbon was lovely during the software engineering conference"));
		awaitEmbedded();
	}

	@Test
	void anEnglishQuestionFindsTheChineseAnswer() throws Exception {
		JsonNode result = search(get("/api/search").param("q", "How much memory does a laptop need to run a 70B model?")
			.param("mode", "semantic")
			.param("episodeId", Long.toString(chinese)));
		JsonNode first = result.get("hits").get(0);
		assertThat(first.get("segmentIndex").asInt()).isIn(3, 4);
		assertThat(first.get("matchedBy").asText()).isEqualTo("semantic");
		assertThat(first.get("semanticRank").asInt()).isEqualTo(1);
		assertThat(first.get("keywordRank").isNull()).isTrue();
		assertThat(first.get("semanticScore").asDouble()).isBetween(0.0, 1.0);
		assertThat(first.get("score").asDouble()).isEqualTo(first.get("semanticScore").asDouble());
		assertThat(result.get("total").asInt()).isEqualTo(5);
		assertThat(result.get("totalExact").asBoolean()).isTrue();
	}

	@Test
	void filtersApplyToTheNearestSegments() throws Exception {
		JsonNode zh = search(
				get("/api/search").param("q", "open source models").param("mode", "semantic").param("language", "zh"));
		assertThat(episodes(zh)).containsOnly(chinese).hasSize(5);
		JsonNode podcast = search(get("/api/search").param("q", "open source models")
			.param("mode", "semantic")
			.param("podcast", "Latent Talk"));
		assertThat(episodes(podcast)).containsOnly(english).hasSize(4);
		JsonNode early = search(get("/api/search").param("q", "open source models")
			.param("mode", "hybrid")
			.param("episodeId", Long.toString(english))
			.param("toMs", "15000"));
		assertThat(early.get("hits"))
			.allSatisfy((hit) -> assertThat(hit.get("startMs").asLong()).isLessThanOrEqualTo(15000));
		assertThat(early.get("hits")).hasSize(2);
	}

	@Test
	void excludedWordsExcludeInSemanticModeToo() throws Exception {
		JsonNode result = search(get("/api/search").param("q", "model memory -laptop").param("mode", "semantic"));
		assertThat(result.get("hits")).isNotEmpty()
			.allSatisfy((hit) -> assertThat(hit.get("text").asText()).doesNotContainIgnoringCase("laptop"));
	}

	@Test
	void hybridFusesBothRankingsAndSaysHowEachHitMatched() throws Exception {
		JsonNode result = search(get("/api/search").param("q", "memory").param("mode", "hybrid"));
		List<JsonNode> hits = new ArrayList<>();
		result.get("hits").forEach(hits::add);
		JsonNode keywordHit = hits.stream()
			.filter((hit) -> hit.get("matchedBy").asText().equals("exact"))
			.findFirst()
			.orElseThrow();
		assertThat(keywordHit.get("text").asText()).contains("memory");
		assertThat(keywordHit.get("keywordRank").asInt()).isEqualTo(1);
		assertThat(keywordHit.get("semanticRank").isNull()).isFalse();
		assertThat(keywordHit.get("snippet").asText()).contains("<mark>memory</mark>");
		// The Chinese segments about 記憶體 share no word with the query.
		assertThat(hits).anySatisfy((hit) -> {
			assertThat(hit.get("matchedBy").asText()).isEqualTo("semantic");
			assertThat(hit.get("keywordRank").isNull()).isTrue();
			assertThat(hit.get("episodeId").asLong()).isEqualTo(chinese);
		});
		// Fused scores, best first: 1/(60 + rank) summed over the rankings.
		double previous = Double.MAX_VALUE;
		for (JsonNode hit : hits) {
			double expected = 0;
			if (!hit.get("keywordRank").isNull()) {
				expected += 1.0 / (60 + hit.get("keywordRank").asInt());
			}
			if (!hit.get("semanticRank").isNull()) {
				expected += 1.0 / (60 + hit.get("semanticRank").asInt());
			}
			assertThat(hit.get("score").asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
			assertThat(expected).isLessThanOrEqualTo(previous);
			previous = expected;
		}
		// The keyword matches plus the nearest segments that are none: here every segment
		// (the index is smaller than the candidates taken).
		assertThat(result.get("total").asLong()).isEqualTo(search(get("/api/admin/index")).get("documents").asLong());
	}

	@Test
	void pagingAppliesToTheFusedList() throws Exception {
		JsonNode all = search(get("/api/search").param("q", "open models").param("mode", "hybrid").param("size", "6"));
		JsonNode second = search(get("/api/search").param("q", "open models")
			.param("mode", "hybrid")
			.param("size", "3")
			.param("page", "1"));
		for (int i = 0; i < 3; i++) {
			assertThat(second.get("hits").get(i).get("text")).isEqualTo(all.get("hits").get(3 + i).get("text"));
		}
	}

	@Test
	void wordsAndQuestionsRunHybridByDefaultAndSyntaxRunsKeyword() throws Exception {
		JsonNode words = search(get("/api/search").param("q", "memory"));
		assertThat(words.get("mode").asText()).isEqualTo("hybrid");
		assertThat(words.get("hits").get(0).get("keywordRank").asInt()).isEqualTo(1);
		assertThat(words.get("hits"))
			.anySatisfy((hit) -> assertThat(hit.get("matchedBy").asText()).isEqualTo("semantic"));
		// Quotes, operators and sounds-like ask for the words themselves.
		for (JsonNode keyword : List.of(search(get("/api/search").param("q", "\"memory\"")),
				search(get("/api/search").param("q", "memory -sourdough")),
				search(get("/api/search").param("q", "memory").param("soundsLike", "true")))) {
			assertThat(keyword.get("mode").asText()).isEqualTo("keyword");
			assertThat(keyword.get("hits")).isNotEmpty()
				.allSatisfy((hit) -> assertThat(hit.get("text").asText()).containsIgnoringCase("memory"));
			assertThat(keyword.get("hits").get(0).get("semanticRank").isNull()).isTrue();
		}
		// An explicit mode is kept, auto included.
		assertThat(search(get("/api/search").param("q", "memory").param("mode", "keyword")).get("mode").asText())
			.isEqualTo("keyword");
		assertThat(search(get("/api/search").param("q", "memory").param("mode", "auto")).get("mode").asText())
			.isEqualTo("hybrid");
	}

	@Test
	void badModesAndMissingWordsAreProblems() throws Exception {
		this.mvc.perform(get("/api/search").param("q", "memory").param("mode", "fuzzy"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("mode"))
			.andExpect(jsonPath("$.detail").value("mode: must be one of keyword, semantic, hybrid, auto; was 'fuzzy'"));
		this.mvc.perform(get("/api/search").param("topic", "chameleon").param("mode", "semantic"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("q"));
		this.mvc.perform(get("/api/search").param("q", "-memory").param("mode", "hybrid"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("q"));
		this.mvc.perform(get("/api/search").param("q", "memory").param("mode", "semantic").param("language", "z!"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("language"));
	}

	@Test
	void similarSegmentsComeFromOtherEpisodes() throws Exception {
		JsonNode similar = search(get("/api/episodes/" + chinese + "/segments/3/similar").param("size", "3"));
		assertThat(similar.get("segmentIndex").asInt()).isEqualTo(3);
		assertThat(similar.get("text").asText()).contains("記憶體");
		assertThat(episodes(similar)).hasSize(3).doesNotContain(chinese);
		assertThat(similar.get("hits")).anySatisfy((hit) -> assertThat(hit.get("text").asText()).contains("memory"));
		assertThat(similar.get("hits").get(0).get("semanticRank").asInt()).isEqualTo(1);
		assertThat(similar.get("hits").get(0).get("semanticScore").asDouble())
			.isGreaterThanOrEqualTo(similar.get("hits").get(2).get("semanticScore").asDouble());
	}

	@Test
	void similarSegmentsAnswerProblemsForUnknownAndUnembeddedSegments() throws Exception {
		this.mvc.perform(get("/api/episodes/987654/segments/0/similar"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.resource").value("Episode"));
		this.mvc.perform(get("/api/episodes/" + chinese + "/segments/99/similar"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.resource").value("Segment"));
		this.mvc.perform(get("/api/episodes/" + chinese + "/segments/0/similar").param("size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
		try (ForegroundWork.Running running = this.foreground.begin()) {
			// The worker waits for the bulk import: this episode has no vectors yet.
			long pending = importEpisode("pending", null, "en", List.of("A segment about sourdough baking at home"));
			this.mvc.perform(get("/api/episodes/" + pending + "/segments/0/similar"))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no embedding yet")));
			// Until then it is found by keyword, also in hybrid mode.
			JsonNode hybrid = search(get("/api/search").param("q", "sourdough").param("mode", "hybrid"));
			assertThat(hybrid.get("hits").get(0).get("episodeId").asLong()).isEqualTo(pending);
			assertThat(hybrid.get("hits").get(0).get("semanticRank").isNull()).isTrue();
		}
		awaitEmbedded();
	}

	@Test
	void aRebuildKeepsTheVectorsWithoutEmbeddingAgain() throws Exception {
		JsonNode before = search(get("/api/admin/embeddings"));
		JsonNode nearest = search(get("/api/search").param("q", "closed frontier labs").param("mode", "semantic"))
			.get("hits")
			.get(0);
		this.mvc.perform(post("/api/admin/index/rebuild")).andExpect(status().isOk());
		JsonNode stats = search(get("/api/admin/index"));
		assertThat(stats.get("vectors").asLong()).isEqualTo(stats.get("documents").asLong()).isPositive();
		JsonNode after = search(get("/api/admin/embeddings"));
		assertThat(after.get("distinctTexts")).isEqualTo(before.get("distinctTexts"));
		// Quantization is recomputed per index segment, so scores may move a little.
		JsonNode again = search(get("/api/search").param("q", "closed frontier labs").param("mode", "semantic"))
			.get("hits")
			.get(0);
		assertThat(again.get("text")).isEqualTo(nearest.get("text"));
		assertThat(again.get("semanticScore").asDouble()).isCloseTo(nearest.get("semanticScore").asDouble(),
				org.assertj.core.api.Assertions.within(0.02));
	}

	@Test
	void identicalTextIsEmbeddedOnce() throws Exception {
		JsonNode before = search(get("/api/admin/embeddings"));
		importEpisode("Open weights, again", "Latent Talk reruns", "en",
				List.of("Welcome back, today we talk about open source versus closed models",
						"Many people think open weights models will never catch up with the closed frontier labs",
						"Running a seventy billion parameter model on a laptop needs a lot of memory",
						"The weather in Lisbon was lovely during the software engineering conference"));
		awaitEmbedded();
		JsonNode after = search(get("/api/admin/embeddings"));
		assertThat(after.get("embedded").asLong()).isEqualTo(before.get("embedded").asLong() + 4);
		assertThat(after.get("distinctTexts")).isEqualTo(before.get("distinctTexts"));
	}

	@Test
	void theOpenApiDocumentDescribesModesSimilarSegmentsAndProgress() throws Exception {
		JsonNode api = search(get("/v3/api-docs"));
		JsonNode mode = null;
		for (JsonNode parameter : api.at("/paths/~1api~1search/get/parameters")) {
			if (parameter.get("name").asText().equals("mode")) {
				mode = parameter;
			}
		}
		assertThat(mode).isNotNull();
		assertThat(mode.get("description").asText()).contains("hybrid");
		assertThat(mode.get("example").asText()).isEqualTo("hybrid");
		assertThat(mode.at("/schema/enum")).hasSize(4);
		JsonNode similar = api.at("/paths/~1api~1episodes~1{id}~1segments~1{index}~1similar/get");
		assertThat(similar.get("responses").has("409")).isTrue();
		assertThat(similar.get("parameters")).allSatisfy((parameter) -> {
			assertThat(parameter.get("description").asText()).isNotBlank();
			assertThat(parameter.has("example")).isTrue();
		});
		assertThat(api.at("/paths/~1api~1admin~1embeddings/get/summary").asText()).isEqualTo("Embedding progress");
	}

	private List<Long> episodes(JsonNode result) {
		List<Long> ids = new ArrayList<>();
		result.get("hits").forEach((hit) -> ids.add(hit.get("episodeId").asLong()));
		return ids;
	}

	private JsonNode search(MockHttpServletRequestBuilder request) throws Exception {
		String body = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body);
	}

	/** Segments 10 s apart. */
	private long importEpisode(String title, String podcast, String language, List<String> texts) throws Exception {
		StringBuilder segments = new StringBuilder();
		for (int i = 0; i < texts.size(); i++) {
			if (i > 0) {
				segments.append(',');
			}
			segments.append("{\"startMs\":")
				.append(i * 10_000)
				.append(",\"endMs\":")
				.append(i * 10_000 + 9_000)
				.append(",\"text\":")
				.append(JSON.writeValueAsString(texts.get(i)))
				.append('}');
		}
		String body = "{\"title\":" + JSON.writeValueAsString(title)
				+ ((podcast != null) ? ",\"podcast\":" + JSON.writeValueAsString(podcast) : "") + ",\"language\":\""
				+ language + "\",\"segments\":[" + segments + "]}";
		String response = this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(response).get("id").asLong();
	}

	/** Until every segment has its vector in the database and in the index. */
	private void awaitEmbedded() throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode progress = search(get("/api/admin/embeddings"));
			JsonNode stats = search(get("/api/admin/index"));
			if (progress.get("pending").asLong() == 0 && progress.get("episodesQueued").asInt() == 0
					&& stats.get("vectors").asLong() == stats.get("documents").asLong()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("segments not embedded within " + WAIT);
	}

}
