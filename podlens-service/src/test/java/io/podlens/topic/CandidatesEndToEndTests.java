package io.podlens.topic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.podlens.TestDataDirs;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Discovery over the API: episodes written for this test are imported, the names no topic
 * knows are offered as candidates with counts across episodes, variants and contexts; a
 * rejected one stays hidden when it is said again; an accepted one becomes a topic (or
 * names of one) and, after the re-analysis, mentions of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CandidatesEndToEndTests {

	private static final Path dataDir = TestDataDirs.create("candidates");

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final String ENGLISH = """
			{"title":"Tools we tried","language":"en","segments":[
			 {"startMs":0,"endMs":4000,"text":"Welcome back. Today we look at tools from Zorblax and OpenAI."},
			 {"startMs":4000,"endMs":9000,"text":"On Monday we ran the Zorblax agent against our own tickets."},
			 {"startMs":9000,"endMs":15000,"text":"It calls a model named Quokka-7 under the hood, and Quokka-7 is fast."},
			 {"startMs":15000,"endMs":21000,"text":"Our colleague from Fennick said the Fennick team saw the same with Quokka-7."},
			 {"startMs":21000,"endMs":26000,"text":"The Zorblax dashboard is fine, and we asked Fennick about pricing."}]}""";

	private static final String CHINESE = """
			{"title":"工具评测","language":"zh-Hans","segments":[
			 {"startMs":0,"endMs":5000,"text":"这一期我们聊一下 Zorblax 这个工具"},
			 {"startMs":5000,"endMs":9000,"text":"我们团队用 Zorblax 做了三周的评测"},
			 {"startMs":9000,"endMs":14000,"text":"另外还试了 Quillmoth 和 Quillmoth 的插件"},
			 {"startMs":14000,"endMs":18000,"text":"Quillmoth 的文档写得很清楚"}]}""";

	private static final String MORE = """
			{"title":"Follow-up","language":"en","segments":[
			 {"startMs":0,"endMs":4000,"text":"We heard back from Fennick this week."},
			 {"startMs":4000,"endMs":8000,"text":"So the Fennick offer is still open."}]}""";

	private static final String INTERVIEW = """
			{"title":"Two founders","language":"en","segments":[
			 {"startMs":0,"endMs":6000,"text":"Welcome back. Today I'm talking with Nadia Quenby and Felix Fendle."},
			 {"startMs":6000,"endMs":9000,"text":"So, Nadia, how did the company start?"},
			 {"startMs":9000,"endMs":15000,"text":"Felix and I met at school, and Felix wrote the first version."},
			 {"startMs":15000,"endMs":20000,"text":"That's right. Nadia's idea, my code."},
			 {"startMs":20000,"endMs":25000,"text":"Thanks, Nadia Quenby and Felix Fendle, for coming on."}]}""";

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TopicWorker worker;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void candidatesAreCountedAcrossEpisodesAndBecomeTopicsOrStayHidden() throws Exception {
		long english = importEpisode(ENGLISH);
		long chinese = importEpisode(CHINESE);
		this.worker.awaitIdle(WAIT);

		JsonNode open = call(get("/api/topics/candidates"), 200);
		List<String> names = names(open);
		assertThat(names).contains("Zorblax", "Quokka-7", "Fennick", "Quillmoth")
			.doesNotContain("OpenAI", "Monday", "Welcome", "Today");
		JsonNode zorblax = candidate(open, "Zorblax");
		assertThat(zorblax.get("status").asString()).isEqualTo("open");
		assertThat(zorblax.get("mentionCount").asLong()).isEqualTo(5);
		assertThat(zorblax.get("episodeCount").asLong()).isEqualTo(2);
		assertThat(zorblax.get("kinds").valueStream().map(JsonNode::asString).toList()).containsExactly("capitalized",
				"latin-in-chinese");
		assertThat(zorblax.get("episodes").valueStream().map((e) -> e.get("title").asString()).toList())
			.containsExactly("Tools we tried", "工具评测");
		// A few contexts, one of each episode first, with times and segment references.
		JsonNode contexts = zorblax.get("contexts");
		assertThat(contexts).hasSize(3);
		assertThat(contexts.get(0).get("episodeId").asLong()).isEqualTo(english);
		assertThat(contexts.get(1).get("episodeId").asLong()).isEqualTo(chinese);
		assertThat(contexts.get(0).get("startMs").asLong()).isZero();
		assertThat(contexts.get(0).get("segmentIndex").asInt()).isZero();
		assertThat(contexts.get(0).get("segmentId").asLong()).isPositive();
		assertThat(contexts.get(0).get("text").asString()).contains("tools from Zorblax and OpenAI");
		assertThat(candidate(open, "Quokka-7").get("kinds").get(0).asString()).isEqualTo("model-like");
		assertThat(candidate(open, "Quokka-7").get("mentionCount").asLong()).isEqualTo(3);
		assertThat(open.get("total").asLong()).isEqualTo(open.get("items").size());

		// Rejected: hidden, also when a new episode says it again.
		long fennick = candidate(open, "Fennick").get("id").asLong();
		JsonNode rejected = call(post("/api/topics/candidates/" + fennick + "/reject"), 200);
		assertThat(rejected.get("status").asString()).isEqualTo("rejected");
		assertThat(rejected.get("decidedAt").isNull()).isFalse();
		assertProblem(call(post("/api/topics/candidates/" + fennick + "/reject"), 409), "already rejected");
		long more = importEpisode(MORE);
		this.worker.awaitIdle(WAIT);
		assertThat(names(call(get("/api/topics/candidates"), 200))).doesNotContain("Fennick");
		JsonNode hidden = call(get("/api/topics/candidates").param("status", "rejected"), 200);
		assertThat(candidate(hidden, "Fennick").get("mentionCount").asLong()).isEqualTo(5);
		// Deleting an episode deletes its occurrences.
		call(delete("/api/episodes/" + more), 204);
		this.worker.awaitIdle(WAIT);
		assertThat(candidate(call(get("/api/topics/candidates").param("status", "rejected"), 200), "Fennick")
			.get("mentionCount")
			.asLong()).isEqualTo(3);

		// Accepted as a new topic: re-analysis makes its forms mentions of it.
		long zorblaxId = zorblax.get("id").asLong();
		JsonNode accepted = call(
				post("/api/topics/candidates/" + zorblaxId + "/accept").contentType(MediaType.APPLICATION_JSON)
					.content("{\"category\":\"organization\",\"kind\":\"company\"}"),
				200);
		assertThat(accepted.get("status").asString()).isEqualTo("accepted");
		assertThat(accepted.get("topicId").asString()).isEqualTo("zorblax");
		this.worker.awaitIdle(WAIT);
		JsonNode topic = call(get("/api/topics/zorblax"), 200);
		assertThat(topic.get("kind").asString()).isEqualTo("company");
		assertThat(topic.get("mentionCount").asLong()).isEqualTo(5);
		assertThat(topicIds(call(get("/api/episodes/" + chinese + "/topics"), 200))).contains("zorblax");
		assertThat(names(call(get("/api/topics/candidates"), 200))).doesNotContain("Zorblax");
		assertProblem(call(post("/api/topics/candidates/" + zorblaxId + "/accept"), 409), "already accepted");

		// Accepted as names of an existing topic.
		JsonNode kestrel = candidate(call(get("/api/topics/candidates"), 200), "Quillmoth");
		JsonNode joined = call(post("/api/topics/candidates/" + kestrel.get("id").asLong() + "/accept")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topicId\":\"zorblax\"}"), 200);
		assertThat(joined.get("topicId").asString()).isEqualTo("zorblax");
		this.worker.awaitIdle(WAIT);
		assertThat(call(get("/api/topics/zorblax"), 200).get("aliases").valueStream().map(JsonNode::asString))
			.contains("Quillmoth");
		assertThat(call(get("/api/topics/zorblax"), 200).get("mentionCount").asLong()).isEqualTo(8);

		// Bad input: problem details naming what and where.
		long quokka = candidate(call(get("/api/topics/candidates"), 200), "Quokka-7").get("id").asLong();
		assertProblem(call(post("/api/topics/candidates/999999/accept"), 404), "Candidate 999999");
		assertThat(call(post("/api/topics/candidates/" + quokka + "/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{\"topicId\":\"no-such-topic\"}"), 400).get("field").asString()).isEqualTo("topicId");
		assertThat(call(post("/api/topics/candidates/" + quokka + "/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"planet\"}"), 400).get("field").asString()).isEqualTo("category");
		assertThat(call(post("/api/topics/candidates/" + quokka + "/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{\"topicId\":\"zorblax\",\"name\":\"Q\"}"), 400).get("field").asString()).isEqualTo("topicId");
		assertThat(call(post("/api/topics/candidates/" + quokka + "/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"Not An Id\"}"), 400).get("field").asString()).isEqualTo("id");
		assertThat(call(get("/api/topics/candidates").param("status", "maybe"), 400).get("field").asString())
			.isEqualTo("status");
		// Still open after the refused requests; accepted without a body: a model.
		JsonNode model = call(post("/api/topics/candidates/" + quokka + "/accept"), 200);
		assertThat(model.get("topicId").asString()).isEqualTo("quokka-7");
		assertThat(call(get("/api/topics/quokka-7"), 200).get("category").asString()).isEqualTo("model");
	}

	@Test
	void peopleAnEpisodeIntroducesAreItsNewNamesUntilReviewed() throws Exception {
		long episode = importEpisode(INTERVIEW);
		this.worker.awaitIdle(WAIT);

		JsonNode answer = call(get("/api/episodes/" + episode + "/topics"), 200);
		assertThat(answer.get("status").asString()).isEqualTo("ready");
		JsonNode newNames = answer.get("newNames");
		assertThat(newNames.valueStream().map((n) -> n.get("name").asString()).toList()).containsExactly("Felix Fendle",
				"Nadia Quenby");
		JsonNode nadia = newNames.get(1);
		assertThat(nadia.get("category").asString()).isEqualTo("person");
		// As often as Felix (4 each), so after him by name.
		assertThat(nadia.get("count").asInt()).isEqualTo(4);
		assertThat(nadia.get("mentions").valueStream().map((m) -> m.get("surface").asString()).toList())
			.containsExactly("Nadia Quenby", "Nadia", "Nadia", "Nadia Quenby");
		JsonNode first = nadia.get("mentions").get(1);
		assertThat(first.get("segmentIndex").asInt()).isEqualTo(1);
		assertThat(first.get("startMs").asLong()).isEqualTo(6000);
		assertThat(first.get("charStart").asInt()).isEqualTo(4);
		assertThat(first.get("confidence").asDouble()).isEqualTo(EpisodeNewName.FIRST_NAME);
		assertThat(nadia.get("mentions").get(0).get("confidence").asDouble()).isEqualTo(EpisodeNewName.FULL_NAME);

		// The candidate is named by the full name, its first name is no form of its own.
		JsonNode open = call(get("/api/topics/candidates"), 200);
		JsonNode candidate = candidate(open, "Nadia Quenby");
		assertThat(candidate.get("id").asLong()).isEqualTo(nadia.get("candidateId").asLong());
		assertThat(candidate.get("kinds").valueStream().map(JsonNode::asString).toList())
			.containsExactly("introduced-person");
		assertThat(names(open)).doesNotContain("Nadia", "Felix");

		// Accepted: a person topic by the full name only; the extractor's first-name rule
		// finds "Nadia" again, and she is no new name any more.
		JsonNode accepted = call(post("/api/topics/candidates/" + candidate.get("id").asLong() + "/accept"), 200);
		String topicId = accepted.get("topicId").asString();
		this.worker.awaitIdle(WAIT);
		JsonNode topic = call(get("/api/topics/" + topicId), 200);
		assertThat(topic.get("category").asString()).isEqualTo("person");
		assertThat(topic.get("aliases").valueStream().map(JsonNode::asString).toList()).doesNotContain("Nadia");
		JsonNode after = call(get("/api/episodes/" + episode + "/topics"), 200);
		assertThat(topicIds(after)).contains(topicId);
		assertThat(after.get("newNames").valueStream().map((n) -> n.get("name").asString()).toList())
			.containsExactly("Felix Fendle");

		// Rejected: hidden from the episode's new names too.
		long felix = after.get("newNames").get(0).get("candidateId").asLong();
		call(post("/api/topics/candidates/" + felix + "/reject"), 200);
		assertThat(call(get("/api/episodes/" + episode + "/topics"), 200).get("newNames")).isEmpty();
	}

	private long importEpisode(String body) throws Exception {
		return call(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content(body), 201).get("id")
			.asLong();
	}

	private static List<String> names(JsonNode page) {
		return page.get("items").valueStream().map((c) -> c.get("name").asString()).toList();
	}

	private static JsonNode candidate(JsonNode page, String name) {
		return page.get("items")
			.valueStream()
			.filter((c) -> c.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " not in " + names(page)));
	}

	/** The topic ids of an episode's topics answer. */
	private static List<String> topicIds(JsonNode answer) {
		return answer.get("topics").valueStream().map((t) -> t.get("topic").get("id").asString()).toList();
	}

	private static void assertProblem(JsonNode problem, String detail) {
		assertThat(problem.get("detail").asString()).contains(detail);
		assertThat(problem.get("status").asInt()).isGreaterThanOrEqualTo(400);
	}

	private JsonNode call(RequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		if (expectedStatus >= 400) {
			assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		return body.isEmpty() ? this.json.nullNode() : this.json.readTree(body);
	}

}
