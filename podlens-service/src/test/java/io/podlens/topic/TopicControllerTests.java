package io.podlens.topic;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.podlens.common.ConflictException;
import io.podlens.common.NotFoundException;
import io.podlens.common.Paged;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ TopicController.class, EpisodeTopicController.class })
class TopicControllerTests {

	private static final Topic GPT_4O = new Topic("gpt-4o", "GPT-4o", TopicCategory.MODEL, List.of("GPT4o"), List.of());

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TopicService topics;

	@Test
	void listsTopicsOfACategoryWithCounts() throws Exception {
		given(this.topics.list(TopicCategory.MODEL, null, null, "gpt", false))
			.willReturn(List.of(TopicView.of(GPT_4O, 0, 2, 7, null)));
		this.mvc.perform(get("/api/topics").param("category", "Model").param("q", "gpt"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("gpt-4o"))
			.andExpect(jsonPath("$[0].category").value("model"))
			.andExpect(jsonPath("$[0].aliases[0]").value("GPT4o"))
			.andExpect(jsonPath("$[0].episodeCount").value(2))
			.andExpect(jsonPath("$[0].mentionCount").value(7))
			.andExpect(jsonPath("$[0].kind").value("model"))
			.andExpect(jsonPath("$[0].withDescendants").doesNotExist());
	}

	@Test
	void listsChildrenWithRolledUpCounts() throws Exception {
		Topic gpt = new Topic("gpt", "GPT", TopicCategory.MODEL, List.of(), List.of(), TopicKind.MODEL_FAMILY, "openai",
				List.of(), List.of(), false);
		given(this.topics.list(null, TopicKind.MODEL_FAMILY, "openai", null, true))
			.willReturn(List.of(TopicView.of(gpt, 6, 1, 2, new TopicView.RolledUp(7, 5, 40))));
		this.mvc
			.perform(get("/api/topics").param("kind", "model-family")
				.param("parent", "openai")
				.param("includeChildren", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("model-family"))
			.andExpect(jsonPath("$[0].parent").value("openai"))
			.andExpect(jsonPath("$[0].childCount").value(6))
			.andExpect(jsonPath("$[0].mentionCount").value(2))
			.andExpect(jsonPath("$[0].withDescendants.topicCount").value(7))
			.andExpect(jsonPath("$[0].withDescendants.episodeCount").value(5))
			.andExpect(jsonPath("$[0].withDescendants.mentionCount").value(40));
		given(this.topics.get("gpt", true)).willReturn(TopicView.of(gpt, 6, 1, 2, new TopicView.RolledUp(7, 5, 40)));
		this.mvc.perform(get("/api/topics/gpt").param("includeChildren", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withDescendants.mentionCount").value(40));
		this.mvc.perform(get("/api/topics").param("kind", "chatbot"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("kind"))
			.andExpect(jsonPath("$.detail").value(containsString("model-family")));
	}

	@Test
	void unknownCategoryNamesTheAcceptedValues() throws Exception {
		this.mvc.perform(get("/api/topics").param("category", "llm"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("category"))
			.andExpect(jsonPath("$.detail").value(containsString("model, organization, person, product")));
	}

	@Test
	void createsATopicWithLocation() throws Exception {
		given(this.topics.create(any())).willAnswer((call) -> TopicView.of(call.getArgument(0), 0, 0, 0, null));
		this.mvc.perform(post("/api/topics").contentType(MediaType.APPLICATION_JSON).content("""
				{"id":"deepseek-r1","name":" DeepSeek-R1 ","category":"model","aliases":["深度求索R1","DeepSeek R1"]}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/topics/deepseek-r1"))
			.andExpect(jsonPath("$.name").value("DeepSeek-R1"))
			.andExpect(jsonPath("$.aliases[0]").value("深度求索R1"))
			.andExpect(jsonPath("$.contextCues").isEmpty());
	}

	@Test
	void creationNamesTheInvalidField() throws Exception {
		expectInvalid("""
				{"id":"Bad Id","name":"x","category":"model"}""", "id");
		expectInvalid("""
				{"id":"reanalysis","name":"x","category":"model"}""", "id");
		expectInvalid("""
				{"id":"x","name":"  ","category":"model"}""", "name");
		expectInvalid("""
				{"id":"x","name":"X"}""", "category");
		expectInvalid("""
				{"id":"x","name":"X","category":"llm"}""", "category");
		expectInvalid("""
				{"id":"x","name":"X","category":"model","aliases":["ok"," "]}""", "aliases[1]");
		expectInvalid("""
				{"id":"x","name":"X","category":"model","kind":"lab"}""", "kind");
		expectInvalid("""
				{"id":"x","name":"X","category":"model","parent":"Not An Id"}""", "parent");
		expectInvalid("""
				{"id":"x","name":"X","category":"model","zhHans":[""]}""", "zhHans[0]");
		expectInvalid("""
				{"id":"x","name":"X","category":"model","contextCues":["%s"]}""".formatted("a".repeat(201)),
				"contextCues[0]");
		String many = "\"a\",".repeat(101);
		expectInvalid("""
				{"id":"x","name":"X","category":"model","aliases":[%s]}"""
			.formatted(many.substring(0, many.length() - 1)), "aliases");
		then(this.topics).should(never()).create(any());
	}

	@Test
	void anExistingIdIsAConflict() throws Exception {
		given(this.topics.create(any())).willThrow(new ConflictException("Topic 'gpt-4o' already exists",
				java.util.Map.of("existing", "/api/topics/gpt-4o")));
		this.mvc.perform(post("/api/topics").contentType(MediaType.APPLICATION_JSON).content("""
				{"id":"gpt-4o","name":"GPT-4o","category":"model"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.existing").value("/api/topics/gpt-4o"));
	}

	@Test
	void replacesByPathIdAndRefusesAnotherBodyId() throws Exception {
		given(this.topics.replace(any())).willAnswer((call) -> TopicView.of(call.getArgument(0), 0, 1, 3, null));
		this.mvc.perform(put("/api/topics/gpt-4o").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"GPT-4o","category":"model","aliases":["gpt 4 omni"]}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("gpt-4o"))
			.andExpect(jsonPath("$.aliases[0]").value("gpt 4 omni"));
		this.mvc.perform(put("/api/topics/gpt-4o").contentType(MediaType.APPLICATION_JSON).content("""
				{"id":"gpt-5","name":"GPT-5","category":"model"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("id"));
	}

	@Test
	void replacingKeepsTheNewerFieldsTheBodyLeavesOut() throws Exception {
		Topic stored = new Topic("gpt-4o", "GPT-4o", TopicCategory.MODEL, List.of("GPT4o"), List.of("openai"),
				TopicKind.MODEL, "gpt", List.of("GPT-4o"), List.of("GPT-4o"), true);
		given(this.topics.stored("gpt-4o")).willReturn(stored);
		given(this.topics.replace(any())).willAnswer((call) -> TopicView.of(call.getArgument(0), 0, 1, 3, null));
		// a client that knows only the older fields
		this.mvc.perform(put("/api/topics/gpt-4o").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"GPT-4o","category":"model","aliases":["gpt 4 omni"]}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parent").value("gpt"))
			.andExpect(jsonPath("$.zhHans[0]").value("GPT-4o"))
			.andExpect(jsonPath("$.ambiguous").value(true))
			.andExpect(jsonPath("$.aliases[0]").value("gpt 4 omni"));
		// "" removes the parent; another category takes its own kind
		this.mvc.perform(put("/api/topics/gpt-4o").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"GPT-4o","category":"product","parent":"","ambiguous":false,"zhHant":[]}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parent").doesNotExist())
			.andExpect(jsonPath("$.kind").value("product"))
			.andExpect(jsonPath("$.ambiguous").value(false))
			.andExpect(jsonPath("$.zhHant").isEmpty())
			.andExpect(jsonPath("$.zhHans[0]").value("GPT-4o"));
		this.mvc.perform(put("/api/topics/gpt-4o").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"GPT-4o","category":"product","kind":"model-family"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("kind"));
	}

	@Test
	void unknownTopicsAreNotFound() throws Exception {
		given(this.topics.get("nope", false)).willThrow(new NotFoundException("Topic", "nope"));
		given(this.topics.replace(any())).willThrow(new NotFoundException("Topic", "nope"));
		willThrow(new NotFoundException("Topic", "nope")).given(this.topics).delete("nope");
		given(this.topics.mentions("nope", 0, 20)).willThrow(new NotFoundException("Topic", "nope"));
		this.mvc.perform(get("/api/topics/nope")).andExpect(status().isNotFound());
		this.mvc.perform(put("/api/topics/nope").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Nope","category":"theme"}""")).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/topics/nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/topics/nope/mentions")).andExpect(status().isNotFound());
	}

	@Test
	void deletesWithNoContent() throws Exception {
		this.mvc.perform(delete("/api/topics/gpt-4o")).andExpect(status().isNoContent());
		then(this.topics).should().delete("gpt-4o");
	}

	@Test
	void pagesMentionsOfATopic() throws Exception {
		given(this.topics.mentions("gpt-4o", 1, 2)).willReturn(
				new Paged<>(List.of(new TopicMention(4, "Ep. 4", OffsetDateTime.parse("2026-02-01T08:00:00+08:00"), 3,
						195000, 250000, "GBT-4O", MatchKind.FUZZY, 0.75)), 1, 2, 3));
		this.mvc.perform(get("/api/topics/gpt-4o/mentions").param("page", "1").param("size", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].episodeTitle").value("Ep. 4"))
			.andExpect(jsonPath("$.items[0].matchedBy").value("fuzzy"))
			.andExpect(jsonPath("$.total").value(3));
		this.mvc.perform(get("/api/topics/gpt-4o/mentions").param("size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	@Test
	void showsReanalysisProgress() throws Exception {
		given(this.topics.reanalysisStatus())
			.willReturn(new ReanalysisStatus(ReanalysisStatus.State.RUNNING, 10, 4, null, null, 3).withEpisodes(6, 1));
		this.mvc.perform(get("/api/topics/reanalysis"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.episodesDone").value(4))
			.andExpect(jsonPath("$.episodesPending").value(6))
			.andExpect(jsonPath("$.episodesFailed").value(1))
			.andExpect(jsonPath("$.taxonomyVersion").value(3));
	}

	@Test
	void episodeTopicsAndAnalysis() throws Exception {
		EpisodeTopic gpt = new EpisodeTopic(EpisodeTopic.TopicRef.of(GPT_4O, "gpt"), 1,
				List.of(new EpisodeTopic.EpisodeMention(3, 195000, 250000, 5, 11, "GBT-4O", MatchKind.PHONETIC, 0.7)));
		TopicState ready = new TopicState(TopicStatus.READY, Instant.parse("2026-11-28T21:03:14Z"));
		given(this.topics.episodeTopics(4)).willReturn(EpisodeTopics.of(4, ready, List.of(gpt)));
		given(this.topics.analyse(4)).willReturn(EpisodeTopics.of(4, ready, List.of(gpt)));
		given(this.topics.episodeTopics(9)).willThrow(new NotFoundException("Episode", 9));
		given(this.topics.analyse(9)).willThrow(new NotFoundException("Episode", 9));
		this.mvc.perform(get("/api/episodes/4/topics"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(jsonPath("$.episodeId").value(4))
			.andExpect(jsonPath("$.status").value("ready"))
			.andExpect(jsonPath("$.analysedAt").value("2026-11-28T21:03:14Z"))
			.andExpect(jsonPath("$.detail").doesNotExist())
			.andExpect(jsonPath("$.topics[0].topic.id").value("gpt-4o"))
			.andExpect(jsonPath("$.topics[0].topic.category").value("model"))
			.andExpect(jsonPath("$.topics[0].topic.parent").value("gpt"))
			.andExpect(jsonPath("$.topics[0].count").value(1))
			.andExpect(jsonPath("$.topics[0].mentions[0].matchedBy").value("phonetic"))
			.andExpect(jsonPath("$.topics[0].mentions[0].startMs").value(195000));
		this.mvc.perform(post("/api/episodes/4/analysis"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ready"))
			.andExpect(jsonPath("$.topics[0].mentions[0].surface").value("GBT-4O"));
		this.mvc.perform(get("/api/episodes/9/topics")).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/episodes/9/analysis")).andExpect(status().isNotFound());
	}

	@Test
	void justImportedTopicsArePendingNotNone() throws Exception {
		given(this.topics.episodeTopics(5)).willReturn(EpisodeTopics.of(5, TopicState.neverAnalysed(), List.of()));
		this.mvc.perform(get("/api/episodes/5/topics"))
			.andExpect(status().isOk())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.analysedAt").doesNotExist())
			.andExpect(jsonPath("$.detail").value(containsString("queued")))
			.andExpect(jsonPath("$.topics").isEmpty());
	}

	@Test
	void afterATaxonomyChangeTopicsArePendingWithThePreviousOnes() throws Exception {
		EpisodeTopic gpt = new EpisodeTopic(EpisodeTopic.TopicRef.of(GPT_4O, "gpt"), 1,
				List.of(new EpisodeTopic.EpisodeMention(3, 195000, 250000, 5, 11, "GPT-4o", MatchKind.EXACT, 1.0)));
		TopicState stale = new TopicState(TopicStatus.PENDING, Instant.parse("2026-11-28T21:03:14Z"));
		given(this.topics.episodeTopics(6)).willReturn(EpisodeTopics.of(6, stale, List.of(gpt)));
		this.mvc.perform(get("/api/episodes/6/topics"))
			.andExpect(status().isOk())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.analysedAt").value("2026-11-28T21:03:14Z"))
			.andExpect(jsonPath("$.detail").value(containsString("previous taxonomy")))
			.andExpect(jsonPath("$.topics[0].topic.id").value("gpt-4o"));
	}

	@Test
	void failedExtractionSaysSoAndHowToRetry() throws Exception {
		given(this.topics.episodeTopics(7))
			.willReturn(EpisodeTopics.of(7, new TopicState(TopicStatus.FAILED, null), List.of()));
		this.mvc.perform(get("/api/episodes/7/topics"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(jsonPath("$.status").value("failed"))
			.andExpect(jsonPath("$.detail").value(containsString("POST /api/episodes/7/analysis")))
			.andExpect(jsonPath("$.topics").isEmpty());
	}

	private void expectInvalid(String body, String field) throws Exception {
		this.mvc.perform(post("/api/topics").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
	}

}
