package io.podlens.topic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.podlens.text.SharedData;
import io.podlens.TestDataDirs;
import io.podlens.analysis.TimelineMarks;
import io.podlens.bulkimport.ForegroundWork;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The whole service: the seed transcript is imported over the API, its topics are
 * extracted in the background, and a topic added over the API reaches the stored episode
 * by re-analysis.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TopicsEndToEndTests {

	private static final Path dataDir = TestDataDirs.create("topics");

	private static final Duration WAIT = Duration.ofMinutes(2);

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TopicWorker worker;

	@Autowired
	private TopicLookup lookup;

	@Autowired
	private ForegroundWork foreground;

	@Autowired
	private TimelineMarks marks;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void importedSeedGetsItsTopicsAndFollowsTaxonomyChanges() throws Exception {
		byte[] seed = Files.readAllBytes(SharedData.file("seeds/000_95363aa04b2cdaad.txt"));
		JsonNode created = call(
				multipart("/api/episodes").file(new MockMultipartFile("file", "seed.txt", "text/plain", seed))
					.param("title", "seed"),
				201);
		long episode = created.get("id").asLong();
		this.worker.awaitIdle(WAIT);

		// Extracted in the background after the import, speech-recognition errors
		// included.
		JsonNode topics = ready(call(get("/api/episodes/" + episode + "/topics"), 200));
		JsonNode segments = call(get("/api/episodes/" + episode + "/segments"), 200);
		assertThat(surfaces(topics, "chameleon", "fuzzy", "phonetic")).contains("Camellian");
		assertThat(surfaces(topics, "gpt-4o", "exact", "alias", "fuzzy", "phonetic")).contains("GBT-4O");
		assertThat(topics.get(0).get("count").asInt()).isGreaterThanOrEqualTo(topics.get(1).get("count").asInt());
		assertMentionsAreSpansOfTheirSegments(topics, segments);
		assertThat(topics.valueStream().map((t) -> t.get("count").asInt()).toList())
			.isSortedAccordingTo(Comparator.reverseOrder());
		// On equal counts, the topic whose mentions are surer comes first.
		for (int i = 1; i < topics.size(); i++) {
			if (topics.get(i - 1).get("count").asInt() == topics.get(i).get("count").asInt()) {
				assertThat(meanConfidence(topics.get(i - 1))).isGreaterThanOrEqualTo(meanConfidence(topics.get(i)));
			}
		}
		// The misheard GBT-4O sounds like GPT-4o (B for P): phonetic, where it is said.
		assertThat(mentions(topics, "gpt-4o", "GBT-4O")).containsExactly("2 phonetic", "2 phonetic", "3 phonetic",
				"3 phonetic", "4 phonetic", "4 phonetic");
		assertThat(mentions(topics, "gpt-4o", "GPD-4O")).containsExactly("20 phonetic", "41 phonetic");
		assertThat(where(topics, "gpt-4o", "exact")).containsExactly("10 GPT4O", "13 GPT-4O", "14 GPT-4O", "14 GPT-4O",
				"15 GPT-4O", "15 GPT-4O", "15 GPT-4O", "18 GPT-4O", "18 GPT-4O", "36 GPT-4O", "58 GPT-4O", "58 GPT-4O",
				"59 GPT-4O", "59 GPT-4O");
		assertThat(count(topics, "gpt-4o")).isEqualTo(25);
		// Chameleon: as written, as 變色龍 and as the misheard Camellian and Camellion.
		assertThat(where(topics, "chameleon", "exact")).containsExactly("14 Chameleon", "15 Chameleon", "16 Chameleon",
				"33 chameleon", "36 chameleon", "41 chameleon");
		assertThat(where(topics, "chameleon", "alias")).containsExactly("6 變色龍", "7 變色龍");
		assertThat(mentions(topics, "chameleon", "Camellian")).containsExactly("6 phonetic", "6 phonetic", "6 phonetic",
				"6 phonetic", "6 phonetic", "6 phonetic", "7 phonetic", "7 phonetic", "19 phonetic", "20 phonetic",
				"20 phonetic");
		assertThat(mentions(topics, "chameleon", "Camellion")).containsExactly("17 phonetic", "17 phonetic",
				"18 phonetic", "18 phonetic", "18 phonetic", "19 phonetic");
		assertThat(count(topics, "chameleon")).isEqualTo(31);

		JsonNode gpt = call(get("/api/topics").param("category", "model").param("q", "ＧＰＴ－４ｏ"), 200);
		assertThat(gpt.valueStream().map((t) -> t.get("id").asString()).toList()).contains("gpt-4o");
		JsonNode gptView = gpt.valueStream().filter((t) -> t.get("id").asString().equals("gpt-4o")).findFirst().get();
		assertThat(gptView.get("episodeCount").asLong()).isEqualTo(1);
		assertThat(gptView.get("mentionCount").asLong()).isPositive().isEqualTo(count(topics, "gpt-4o"));
		JsonNode page = call(get("/api/topics/gpt-4o/mentions").param("size", "2"), 200);
		assertThat(page.get("items")).hasSize(2);
		assertThat(page.get("items").get(0).get("episodeTitle").asString()).isEqualTo("seed");
		assertThat(page.get("total").asLong()).isEqualTo(gptView.get("mentionCount").asLong());
		// The first mentions: the two GBT-4O of segment 2, with the segment's times.
		assertThat(page.get("items")).allSatisfy((item) -> {
			assertThat(item.get("episodeId").asLong()).isEqualTo(episode);
			assertThat(item.get("segmentIndex").asInt()).isEqualTo(2);
			assertThat(item.get("startMs").asLong()).isEqualTo(126_000);
			assertThat(item.get("endMs").asLong()).isEqualTo(187_000);
			assertThat(item.get("surface").asString()).isEqualTo("GBT-4O");
			assertThat(item.get("matchedBy").asString()).isEqualTo("phonetic");
		});

		// The published seams for other features.
		assertThat(this.lookup.named("gpt 4O")).extracting(Topic::id).containsExactly("gpt-4o");
		List<Mention> inEpisode = this.lookup.mentionsInEpisode(episode);
		assertThat(inEpisode).isNotEmpty()
			.hasSize(topics.valueStream().mapToInt((t) -> t.get("count").asInt()).sum())
			.isSortedAccordingTo(Comparator.comparingInt(Mention::segmentIndex));
		assertThat(inEpisode).allSatisfy(
				(m) -> assertThat(segments.get(m.segmentIndex()).get("text").asString().substring(m.start(), m.end()))
					.isEqualTo(m.surface()));
		List<Mention> chameleon = inEpisode.stream().filter((m) -> m.topicId().equals("chameleon")).toList();
		assertThat(chameleon).isNotEmpty().allSatisfy((m) -> assertThat(m.topicId()).isEqualTo("chameleon"));
		assertThat(chameleon).extracting((m) -> m.segmentIndex() + " " + m.surface() + " " + m.matchedBy().json())
			.containsExactlyElementsOf(mentions(topics, "chameleon"));
		assertThat(this.lookup.mentionsInSegments(inEpisode.stream().map(Mention::segmentId).distinct().toList()))
			.containsExactlyElementsOf(inEpisode);
		// The topic ids are indexed with the segments: the topic filter and the counts.
		Set<Long> chameleonSegments = inEpisode.stream()
			.filter((m) -> m.topicId().equals("chameleon"))
			.map(Mention::segmentId)
			.collect(Collectors.toSet());
		assertThat(chameleonSegments).isNotEmpty();
		JsonNode filtered = call(get("/api/search").param("topic", "chameleon").param("size", "100"), 200);
		assertThat(filtered.get("total").asLong()).isEqualTo(chameleonSegments.size());
		JsonNode chameleonTopic = call(get("/api/topics/chameleon"), 200);
		assertThat(chameleonTopic.get("episodeCount").asLong()).isEqualTo(1);
		assertThat(chameleonTopic.get("mentionCount").asLong())
			.isEqualTo(inEpisode.stream().filter((m) -> m.topicId().equals("chameleon")).count());
		// Parents: GPT-4o rolls up to GPT and GPT to OpenAI; counted with its
		// descendants,
		// OpenAI has the mentions of all of them.
		JsonNode all = call(get("/api/topics").param("includeChildren", "true"), 200);
		Map<String, String> parents = new HashMap<>();
		all.valueStream()
			.filter((t) -> !t.get("parent").isNull())
			.forEach((t) -> parents.put(t.get("id").asString(), t.get("parent").asString()));
		assertThat(parents).containsEntry("gpt-4o", "gpt").containsEntry("gpt", "openai");
		assertThat(call(get("/api/topics").param("parent", "openai"), 200).valueStream()
			.map((t) -> t.get("id").asString())
			.toList()).contains("gpt", "chatgpt").doesNotContain("gpt-4o", "openai");
		long belowOpenai = topics.valueStream()
			.filter((t) -> rollsUpTo(t.get("topic").get("id").asString(), "openai", parents))
			.mapToLong((t) -> t.get("count").asLong())
			.sum();
		JsonNode openai = call(get("/api/topics/openai").param("includeChildren", "true"), 200);
		assertThat(openai.get("withDescendants").get("mentionCount").asLong()).isEqualTo(belowOpenai)
			.isGreaterThan(openai.get("mentionCount").asLong() + count(topics, "gpt-4o") - 1);
		assertThat(openai.get("withDescendants").get("episodeCount").asLong()).isEqualTo(1);
		assertThat(all.valueStream()
			.filter((t) -> t.get("id").asString().equals("openai"))
			.findFirst()
			.get()
			.get("withDescendants")).isEqualTo(openai.get("withDescendants"));
		assertThat(call(get("/api/topics/openai"), 200).has("withDescendants")).isFalse();
		List<TimelineMarks.Mark> timeline = this.marks.marksFor(episode);
		assertThat(timeline).isNotEmpty();
		assertThat(timeline.stream().map(TimelineMarks.Mark::label).distinct()).hasSizeLessThanOrEqualTo(8)
			.contains("Chameleon");
		// The eight most mentioned named things, most first; every mention a mark at the
		// start of its segment. Gemini's versions (Gemini 1.5 Pro, Gemini 2) are topics
		// of
		// their own, so Gemini itself comes last.
		assertThat(timeline.stream().map(TimelineMarks.Mark::label).distinct()).containsExactly("Chameleon", "GPT-4o",
				"OpenAI", "Meta", "GPT-4V", "Google", "ChatGPT", "Gemini");
		assertThat(timeline.stream().filter((m) -> m.label().equals("Chameleon")).map(TimelineMarks.Mark::timeMs))
			.containsExactlyElementsOf(topic(topics, "chameleon").get("mentions")
				.valueStream()
				.map((m) -> m.get("startMs").asLong())
				.toList());

		// A new topic reaches the stored episode by re-analysis in the background.
		call(post("/api/topics").contentType(MediaType.APPLICATION_JSON).content("""
				{"id":"open-weights","name":"Open weights","category":"concept","aliases":["publicly available"]}"""),
				201);
		long version = call(get("/api/topics/reanalysis"), 200).get("taxonomyVersion").asLong();
		this.worker.awaitIdle(WAIT);
		JsonNode status = call(get("/api/topics/reanalysis"), 200);
		assertThat(status.get("status").asString()).isEqualTo("done");
		assertThat(status.get("taxonomyVersion").asLong()).isEqualTo(version);
		assertThat(status.get("episodesDone").asInt()).isEqualTo(1);
		assertThat(status.get("episodesTotal").asInt()).isEqualTo(1);
		assertThat(status.get("episodesQueued").asInt()).isZero();
		assertThat(status.get("finishedAt").isNull()).isFalse();
		JsonNode reanalysed = ready(call(get("/api/episodes/" + episode + "/topics"), 200));
		assertThat(surfaces(reanalysed, "open-weights", "alias")).contains("publicly available");
		assertMentionsAreSpansOfTheirSegments(reanalysed, segments);
		assertThat(mentions(reanalysed, "open-weights")).containsExactly("39 publicly available alias",
				"39 publicly available alias", "39 publicly available alias", "39 publicly available alias",
				"40 publicly available alias", "40 publicly available alias", "40 publicly available alias",
				"40 publicly available alias");
		// The new topic takes nothing from the others.
		assertThat(withoutTopic(reanalysed, "open-weights")).isEqualTo(withoutTopic(topics, "open-weights"));
		// The re-analysis reached the index.
		assertThat(call(get("/api/search").param("topic", "open-weights"), 200).get("total").asLong()).isPositive();
		assertThat(call(get("/api/topics/open-weights"), 200).get("episodeCount").asLong()).isEqualTo(1);

		// On demand, synchronously; deleting the topic deletes its mentions.
		JsonNode analysed = ready(call(post("/api/episodes/" + episode + "/analysis"), 200));
		assertThat(topicIds(analysed)).contains("open-weights", "chameleon");
		// The same analysis as in the background.
		assertThat(analysed).isEqualTo(reanalysed);
		call(delete("/api/topics/open-weights"), 204);
		// the episode is analysed again without the topic
		this.worker.awaitIdle(WAIT);
		JsonNode afterDelete = ready(call(get("/api/episodes/" + episode + "/topics"), 200));
		assertThat(topicIds(afterDelete)).doesNotContain("open-weights").contains("chameleon");
		assertThat(afterDelete).isEqualTo(topics);
		call(get("/api/topics/open-weights"), 404);

		// Deleting the episode deletes its mentions.
		call(delete("/api/episodes/" + episode), 204);
		call(get("/api/episodes/" + episode + "/topics"), 404);
		call(post("/api/episodes/" + episode + "/analysis"), 404);
		assertThat(this.lookup.mentionsInEpisode(episode)).isEmpty();
	}

	@Test
	void topicsArePendingUntilExtractedAndAgainAfterATaxonomyChange() throws Exception {
		long first = importSegments("pending 1", "OpenAI trained Whisper for speech recognition",
				"and the Zorblax team answered with GPT-4o in real time");
		this.worker.awaitIdle(WAIT);
		JsonNode before = call(get("/api/episodes/" + first + "/topics"), 200);
		assertThat(topicIds(ready(before))).contains("whisper", "gpt-4o").doesNotContain("zorblax");

		long second;
		// New episodes wait while a bulk import runs, and the worker's one thread with
		// them: what is asked meanwhile is answered from the stored state.
		try (ForegroundWork.Running bulk = this.foreground.begin()) {
			second = importSegments("pending 2", "Anthropic released Claude", "and Google answered with Gemini");
			MvcResult pending = this.mvc.perform(get("/api/episodes/" + second + "/topics")).andReturn();
			assertThat(pending.getResponse().getStatus()).isEqualTo(200);
			assertThat(pending.getResponse().getHeader("Retry-After")).isEqualTo("5");
			assertThat(pending.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
			JsonNode justImported = this.json.readTree(pending.getResponse().getContentAsString());
			assertThat(justImported.get("status").asString()).isEqualTo("pending");
			assertThat(justImported.get("analysedAt").isNull()).isTrue();
			assertThat(justImported.get("topics").isEmpty()).isTrue();

			// A taxonomy change: the analysed episode is pending again and keeps its
			// topics until the re-analysis replaces them.
			call(post("/api/topics").contentType(MediaType.APPLICATION_JSON).content("""
					{"id":"zorblax","name":"Zorblax","category":"product"}"""), 201);
			JsonNode again = call(get("/api/episodes/" + first + "/topics"), 200);
			assertThat(again.get("status").asString()).isEqualTo("pending");
			assertThat(again.get("detail").asString()).contains("previous taxonomy");
			assertThat(again.get("analysedAt")).isEqualTo(before.get("analysedAt"));
			assertThat(again.get("topics")).isEqualTo(before.get("topics"));
			assertThat(call(get("/api/topics/reanalysis"), 200).get("episodesPending").asLong())
				.isGreaterThanOrEqualTo(2);
		}

		this.worker.awaitIdle(WAIT);
		assertThat(topicIds(ready(call(get("/api/episodes/" + first + "/topics"), 200)))).contains("zorblax",
				"whisper");
		assertThat(topicIds(ready(call(get("/api/episodes/" + second + "/topics"), 200)))).contains("claude", "gemini");
		JsonNode status = call(get("/api/topics/reanalysis"), 200);
		assertThat(status.get("episodesPending").asLong()).isZero();
		assertThat(status.get("episodesFailed").asLong()).isZero();

		call(delete("/api/topics/zorblax"), 204);
		call(delete("/api/episodes/" + first), 204);
		call(delete("/api/episodes/" + second), 204);
		this.worker.awaitIdle(WAIT);
	}

	private long importSegments(String title, String... texts) throws Exception {
		StringBuilder segments = new StringBuilder();
		for (int i = 0; i < texts.length; i++) {
			segments.append((i > 0) ? "," : "")
				.append("{\"startMs\":")
				.append(i * 10_000)
				.append(",\"endMs\":")
				.append((i + 1) * 10_000)
				.append(",\"text\":\"")
				.append(texts[i])
				.append("\"}");
		}
		return call(post("/api/episodes").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"" + title + "\",\"segments\":[" + segments + "]}"), 201).get("id").asLong();
	}

	private JsonNode call(RequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body.isEmpty() ? null : this.json.readTree(body);
	}

	/** The topics of an answer that must be ready. */
	private static JsonNode ready(JsonNode answer) {
		assertThat(answer.get("status").asString()).as(String.valueOf(answer.get("detail"))).isEqualTo("ready");
		assertThat(answer.get("analysedAt").isNull()).isFalse();
		assertThat(answer.get("detail").isNull()).isTrue();
		return answer.get("topics");
	}

	private static Set<String> topicIds(JsonNode topics) {
		return topics.valueStream().map((t) -> t.get("topic").get("id").asString()).collect(Collectors.toSet());
	}

	private static JsonNode topic(JsonNode topics, String topicId) {
		return topics.valueStream()
			.filter((t) -> t.get("topic").get("id").asString().equals(topicId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no topic " + topicId + " in " + topics));
	}

	private static int count(JsonNode topics, String topicId) {
		return topic(topics, topicId).get("count").asInt();
	}

	/** "segment surface kind" of each mention of the topic, in order. */
	private static List<String> mentions(JsonNode topics, String topicId) {
		return topic(topics, topicId).get("mentions")
			.valueStream()
			.map((m) -> m.get("segmentIndex").asInt() + " " + m.get("surface").asString() + " "
					+ m.get("matchedBy").asString())
			.toList();
	}

	/**
	 * "segment kind" of each mention of the topic written as {@code surface}, in order.
	 */
	private static List<String> mentions(JsonNode topics, String topicId, String surface) {
		return topic(topics, topicId).get("mentions")
			.valueStream()
			.filter((m) -> m.get("surface").asString().equals(surface))
			.map((m) -> m.get("segmentIndex").asInt() + " " + m.get("matchedBy").asString())
			.toList();
	}

	/**
	 * "segment surface" of each mention of the topic that matched as {@code kind}, in
	 * order.
	 */
	private static List<String> where(JsonNode topics, String topicId, String kind) {
		return topic(topics, topicId).get("mentions")
			.valueStream()
			.filter((m) -> m.get("matchedBy").asString().equals(kind))
			.map((m) -> m.get("segmentIndex").asInt() + " " + m.get("surface").asString())
			.toList();
	}

	private static List<JsonNode> withoutTopic(JsonNode topics, String topicId) {
		return topics.valueStream().filter((t) -> !t.get("topic").get("id").asString().equals(topicId)).toList();
	}

	/**
	 * Every mention is the text between its offsets in its segment, carries that
	 * segment's times, and the mentions of a topic come in segment order.
	 */
	private static void assertMentionsAreSpansOfTheirSegments(JsonNode topics, JsonNode segments) {
		assertThat(topics.valueStream()).allSatisfy((t) -> {
			List<JsonNode> mentions = t.get("mentions").valueStream().toList();
			assertThat(t.get("count").asInt()).isEqualTo(mentions.size());
			assertThat(mentions)
				.isSortedAccordingTo(Comparator.comparingInt((JsonNode m) -> m.get("segmentIndex").asInt())
					.thenComparingInt((m) -> m.get("charStart").asInt()));
			assertThat(mentions).allSatisfy((m) -> {
				JsonNode segment = segments.get(m.get("segmentIndex").asInt());
				String text = segment.get("text").asString();
				assertThat(text.substring(m.get("charStart").asInt(), m.get("charEnd").asInt())).as(m.toString())
					.isEqualTo(m.get("surface").asString());
				assertThat(m.get("startMs").asLong()).isEqualTo(segment.get("startMs").asLong());
				assertThat(m.get("endMs").asLong()).isEqualTo(segment.get("endMs").asLong());
				assertThat(m.get("confidence").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
			});
		});
	}

	/** Surfaces of the topic's mentions that matched in one of the given ways. */
	private static Set<String> surfaces(JsonNode topics, String topicId, String... kinds) {
		Set<String> accepted = Set.of(kinds);
		return topics.valueStream()
			.filter((t) -> t.get("topic").get("id").asString().equals(topicId))
			.flatMap((t) -> t.get("mentions").valueStream())
			.filter((m) -> accepted.contains(m.get("matchedBy").asString()))
			.map((m) -> m.get("surface").asString())
			.collect(Collectors.toSet());
	}

	private static boolean rollsUpTo(String id, String ancestor, Map<String, String> parents) {
		for (String next = id; next != null; next = parents.get(next)) {
			if (next.equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

	private static double meanConfidence(JsonNode topic) {
		return topic.get("mentions")
			.valueStream()
			.mapToDouble((m) -> m.get("confidence").asDouble())
			.average()
			.orElse(0);
	}

}
