package io.podlens.topic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.podlens.text.SharedData;
import io.podlens.TestDataDirs;
import io.podlens.analysis.TimelineMarks;
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
		JsonNode topics = call(get("/api/episodes/" + episode + "/topics"), 200);
		assertThat(surfaces(topics, "chameleon", "fuzzy", "phonetic")).contains("Camellian");
		assertThat(surfaces(topics, "gpt-4o", "exact", "alias", "fuzzy", "phonetic")).contains("GBT-4O");
		assertThat(topics.get(0).get("count").asInt()).isGreaterThanOrEqualTo(topics.get(1).get("count").asInt());

		JsonNode gpt = call(get("/api/topics").param("category", "model").param("q", "ＧＰＴ－４ｏ"), 200);
		assertThat(gpt.valueStream().map((t) -> t.get("id").asString()).toList()).contains("gpt-4o");
		JsonNode gptView = gpt.valueStream().filter((t) -> t.get("id").asString().equals("gpt-4o")).findFirst().get();
		assertThat(gptView.get("episodeCount").asLong()).isEqualTo(1);
		assertThat(gptView.get("mentionCount").asLong()).isPositive();
		JsonNode page = call(get("/api/topics/gpt-4o/mentions").param("size", "2"), 200);
		assertThat(page.get("items")).hasSize(2);
		assertThat(page.get("items").get(0).get("episodeTitle").asString()).isEqualTo("seed");
		assertThat(page.get("total").asLong()).isEqualTo(gptView.get("mentionCount").asLong());

		// The published seams for other features.
		assertThat(this.lookup.named("gpt 4O")).extracting(Topic::id).containsExactly("gpt-4o");
		List<Mention> inEpisode = this.lookup.mentionsInEpisode(episode);
		assertThat(inEpisode).isNotEmpty();
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
		JsonNode chameleon = call(get("/api/topics/chameleon"), 200);
		assertThat(chameleon.get("episodeCount").asLong()).isEqualTo(1);
		assertThat(chameleon.get("mentionCount").asLong())
			.isEqualTo(inEpisode.stream().filter((m) -> m.topicId().equals("chameleon")).count());
		List<TimelineMarks.Mark> timeline = this.marks.marksFor(episode);
		assertThat(timeline).isNotEmpty();
		assertThat(timeline.stream().map(TimelineMarks.Mark::label).distinct()).hasSizeLessThanOrEqualTo(8)
			.contains("Chameleon");

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
		assertThat(surfaces(call(get("/api/episodes/" + episode + "/topics"), 200), "open-weights", "alias"))
			.contains("publicly available");
		// The re-analysis reached the index.
		assertThat(call(get("/api/search").param("topic", "open-weights"), 200).get("total").asLong()).isPositive();
		assertThat(call(get("/api/topics/open-weights"), 200).get("episodeCount").asLong()).isEqualTo(1);

		// On demand, synchronously; deleting the topic deletes its mentions.
		assertThat(topicIds(call(post("/api/episodes/" + episode + "/analysis"), 200))).contains("open-weights",
				"chameleon");
		call(delete("/api/topics/open-weights"), 204);
		assertThat(topicIds(call(get("/api/episodes/" + episode + "/topics"), 200))).doesNotContain("open-weights")
			.contains("chameleon");
		call(get("/api/topics/open-weights"), 404);

		// Deleting the episode deletes its mentions.
		call(delete("/api/episodes/" + episode), 204);
		call(get("/api/episodes/" + episode + "/topics"), 404);
		call(post("/api/episodes/" + episode + "/analysis"), 404);
		assertThat(this.lookup.mentionsInEpisode(episode)).isEmpty();
	}

	private JsonNode call(RequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
		return body.isEmpty() ? null : this.json.readTree(body);
	}

	private static Set<String> topicIds(JsonNode topics) {
		return topics.valueStream().map((t) -> t.get("topic").get("id").asString()).collect(Collectors.toSet());
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

}
