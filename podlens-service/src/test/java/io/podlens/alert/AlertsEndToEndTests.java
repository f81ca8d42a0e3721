package io.podlens.alert;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.podlens.TestDataDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The whole service with a loopback webhook receiver (allowed by
 * {@code allow-private-targets}, short retry delays): an import fires topic and query
 * alerts with signed events, failures are retried with the same delivery id, a receiver
 * that keeps failing pauses the alert, backfill decides about older episodes, and the
 * event feed pages through imports, mentions and deletions. Each test filters by a
 * podcast of its own, so alerts of one test never see another's episodes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertsEndToEndTests {

	private static final Path dataDir = TestDataDirs.create("alerts");

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final String SECRET = "whsec_end_to_end_0123456789";

	private static WebhookReceiver receiver;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
		registry.add("podlens.alerts.allow-private-targets", () -> "true");
		registry.add("podlens.alerts.retry-initial-delay", () -> "300ms");
		registry.add("podlens.alerts.retry-max-delay", () -> "600ms");
		registry.add("podlens.alerts.retry-for", () -> "4s");
		registry.add("podlens.alerts.poll-every", () -> "100ms");
		registry.add("podlens.alerts.read-timeout", () -> "3s");
	}

	@BeforeAll
	static void startReceiver() throws Exception {
		receiver = new WebhookReceiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Autowired
	private MockMvc mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anImportFiresTopicAndQueryAlertsWithSignedEvents() throws Exception {
		long topicAlert = createAlert("""
				{"name":"OpenAI and below","topics":["openai"],"podcast":"p-signed",
				 "webhookUrl":"%s","secret":"%s"}""".formatted(receiver.url("/signed-topic"), SECRET));
		long queryAlert = createAlert("""
				{"name":"Multimodal","query":"multimodal","podcast":"p-signed",
				 "webhookUrl":"%s","secret":"%s"}""".formatted(receiver.url("/signed-query"), SECRET));
		long episode = importEpisode("p-signed", "今天我們聊 GPT-4o 跟 Gemini", "and the multimodal models they ship");
		long imported = System.nanoTime();

		WebhookReceiver.Received topicEvent = receiver.await("/signed-topic", 1, WAIT).get(0);
		WebhookReceiver.Received queryEvent = receiver.await("/signed-query", 1, WAIT).get(0);
		System.out.printf("alert delivery latency after the import's 201: topic alert %d ms, query alert %d ms%n",
				(topicEvent.receivedNanos() - imported) / 1_000_000,
				(queryEvent.receivedNanos() - imported) / 1_000_000);

		assertThat(topicEvent.signedWith(SECRET)).as("signature verifies").isTrue();
		assertThat(topicEvent.signedWith(SECRET + "x")).isFalse();
		assertThat(Math.abs(topicEvent.signedAt() - System.currentTimeMillis() / 1000)).isLessThan(120);
		assertThat(topicEvent.header("Content-Type")).startsWith("application/json");
		JsonNode body = this.json.readTree(topicEvent.body());
		assertThat(body.get("type").asString()).isEqualTo("alert.matched");
		assertThat(body.get("deliveryId").asString()).isEqualTo(topicEvent.header("X-Podlens-Delivery"));
		assertThat(body.get("alert").get("id").asLong()).isEqualTo(topicAlert);
		assertThat(body.get("episode").get("id").asLong()).isEqualTo(episode);
		assertThat(body.get("episode").get("podcast").asString()).isEqualTo("p-signed");
		JsonNode segment = body.get("segments").get(0);
		assertThat(segment.get("segmentIndex").asInt()).isZero();
		assertThat(segment.get("endMs").asLong()).isEqualTo(5000);
		assertThat(segment.get("snippet").asString()).contains("<mark>GPT-4o</mark>");
		JsonNode reason = segment.get("matchedBy").get(0);
		assertThat(reason.get("by").asString()).isEqualTo("topic");
		// GPT-4o rolls up to GPT, which rolls up to OpenAI.
		assertThat(reason.get("topicId").asString()).isEqualTo("openai");
		assertThat(reason.get("mentionedTopicId").asString()).isEqualTo("gpt-4o");
		assertThat(body.get("matchCount").asInt()).isEqualTo(1);

		assertThat(queryEvent.signedWith(SECRET)).isTrue();
		JsonNode query = this.json.readTree(queryEvent.body());
		assertThat(query.get("alert").get("id").asLong()).isEqualTo(queryAlert);
		assertThat(query.get("segments").get(0).get("segmentIndex").asInt()).isEqualTo(1);
		assertThat(query.get("segments").get(0).get("snippet").asString()).contains("<mark>multimodal</mark>");
		assertThat(query.get("segments").get(0).get("matchedBy").get(0).get("by").asString()).isEqualTo("query");

		JsonNode deliveries = awaitDeliveries(topicAlert, "delivered", 1);
		JsonNode delivery = deliveries.get("items").get(0);
		assertThat(delivery.get("deliveryId").asString()).isEqualTo(topicEvent.header("X-Podlens-Delivery"));
		assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
		assertThat(delivery.get("attempts").get(0).get("responseExcerpt").asString()).isEqualTo("ok");
		JsonNode alert = call(get("/api/alerts/" + topicAlert), 200);
		assertThat(alert.get("deliveries").get("delivered").asLong()).isEqualTo(1);
		assertThat(alert.has("secret")).isFalse();
	}

	@Test
	void failedDeliveriesAreRetriedWithTheSameDeliveryIdAndNoRedirectFollowed() throws Exception {
		receiver.script("/flaky", 302, 500);
		long alert = createAlert("""
				{"name":"Zeppelins","query":"zeppelin","podcast":"p-retry","webhookUrl":"%s","secret":"%s"}"""
			.formatted(receiver.url("/flaky"), SECRET));
		importEpisode("p-retry", "a zeppelin over the bay", "nothing else");

		List<WebhookReceiver.Received> attempts = receiver.await("/flaky", 3, WAIT);
		assertThat(attempts).hasSize(3);
		Set<String> ids = new HashSet<>();
		for (WebhookReceiver.Received attempt : attempts) {
			ids.add(attempt.header("X-Podlens-Delivery"));
			assertThat(attempt.signedWith(SECRET)).isTrue();
			assertThat(attempt.text()).isEqualTo(attempts.get(0).text());
		}
		assertThat(ids).hasSize(1);
		// Backoff: 300 ms, then 600 ms at least.
		assertThat(attempts.get(1).receivedNanos() - attempts.get(0).receivedNanos()).isGreaterThan(250_000_000L);
		assertThat(attempts.get(2).receivedNanos() - attempts.get(1).receivedNanos()).isGreaterThan(550_000_000L);
		assertThat(receiver.at("/followed")).as("redirect not followed").isEmpty();

		JsonNode delivery = awaitDeliveries(alert, "delivered", 1).get("items").get(0);
		JsonNode recorded = delivery.get("attempts");
		assertThat(recorded).hasSize(3);
		assertThat(recorded.get(0).get("statusCode").asInt()).isEqualTo(302);
		assertThat(recorded.get(0).get("error").asString()).contains("not followed");
		assertThat(recorded.get(1).get("outcome").asString()).isEqualTo("failed");
		assertThat(recorded.get(1).get("statusCode").asInt()).isEqualTo(500);
		assertThat(recorded.get(1).get("responseExcerpt").asString()).startsWith("receiver says 500").hasSize(200);
		assertThat(recorded.get(2).get("outcome").asString()).isEqualTo("delivered");
	}

	@Test
	void anAlertThatKeepsFailingIsPausedWithTheReasonAndResumes() throws Exception {
		receiver.script("/down", 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
		long alert = createAlert("""
				{"name":"Blimps","query":"blimp","podcast":"p-down","webhookUrl":"%s","secret":"%s"}"""
			.formatted(receiver.url("/down"), SECRET));
		importEpisode("p-down", "a blimp drifts by", "nothing else");

		JsonNode paused = awaitAlert(alert, true);
		assertThat(paused.get("pausedReason").asString()).contains("failed").contains("HTTP 503");
		JsonNode failed = awaitDeliveries(alert, "failed", 1).get("items").get(0);
		int tries = failed.get("attempts").size();
		assertThat(tries).isGreaterThanOrEqualTo(3);
		assertThat(receiver.at("/down")).hasSize(tries);

		receiver.script("/down");
		call(post("/api/alerts/" + alert + "/resume"), 200);
		JsonNode delivered = awaitDeliveries(alert, "delivered", 1).get("items").get(0);
		assertThat(delivered.get("deliveryId").asString()).isEqualTo(failed.get("deliveryId").asString());
		assertThat(delivered.get("attempts").size()).isEqualTo(tries + 1);
		assertThat(call(get("/api/alerts/" + alert), 200).get("paused").asBoolean()).isFalse();
	}

	@Test
	void onlyABackfillAlertFiresForEpisodesStoredBeforeIt() throws Exception {
		long older = importEpisode("p-backfill", "an airship lands", "nothing else");
		long plain = createAlert("""
				{"name":"Airships","query":"airship","podcast":"p-backfill","webhookUrl":"%s","secret":"%s"}"""
			.formatted(receiver.url("/backfill-no"), SECRET));
		long backfill = createAlert("""
				{"name":"Airships, all","query":"airship","podcast":"p-backfill","webhookUrl":"%s","secret":"%s",
				 "backfill":true}""".formatted(receiver.url("/backfill-yes"), SECRET));
		long newer = importEpisode("p-backfill", "another airship", "nothing else");

		List<Long> all = episodesOf(receiver.await("/backfill-yes", 2, WAIT));
		assertThat(all).containsExactlyInAnyOrder(older, newer);
		List<Long> onlyNew = episodesOf(receiver.await("/backfill-no", 1, WAIT));
		assertThat(onlyNew).containsExactly(newer);
		// Matching runs episodes in order on one thread: the older episode's matching
		// (after its extraction) is done by the time the newer one fired.
		assertThat(awaitDeliveries(plain, "delivered", 1).get("total").asLong()).isEqualTo(1);
		assertThat(awaitDeliveries(backfill, "delivered", 2).get("total").asLong()).isEqualTo(2);
	}

	@Test
	void theEventFeedPagesThroughImportsMentionsAndDeletions() throws Exception {
		String cursor = feedEnd();
		long first = importEpisode("p-feed", "OpenAI 發表了 GPT-4o", "end");
		long second = importEpisode("p-feed", "nothing to see", "end");
		call(delete("/api/episodes/" + second), 204);
		List<String> seen = new ArrayList<>();
		long deadline = System.nanoTime() + WAIT.toNanos();
		String at = cursor;
		while (!seen.contains("mentions.found:" + first) && System.nanoTime() < deadline) {
			JsonNode page = call(get("/api/events").param("cursor", at).param("limit", "1"), 200);
			assertThat(page.get("events").size()).isLessThanOrEqualTo(1);
			for (JsonNode event : page.get("events")) {
				long episode = event.get("episodeId").asLong();
				if (episode == first || episode == second) {
					seen.add(event.get("type").asString() + ":" + episode);
				}
				assertThat(event.get("cursor").asString()).isEqualTo(page.get("cursor").asString());
			}
			at = page.get("cursor").asString();
			if (!page.get("hasMore").asBoolean()) {
				Thread.sleep(100);
			}
		}
		assertThat(seen).containsSubsequence("episode.imported:" + first, "episode.imported:" + second,
				"episode.deleted:" + second);
		assertThat(seen).contains("mentions.found:" + first).doesNotContain("mentions.found:" + second);
		JsonNode bad = call(get("/api/events").param("cursor", "bm90LWEtY3Vyc29y"), 400);
		assertThat(bad.get("field").asString()).isEqualTo("cursor");
	}

	private String feedEnd() throws Exception {
		String cursor = null;
		while (true) {
			var request = get("/api/events").param("limit", "1000");
			if (cursor != null) {
				request = request.param("cursor", cursor);
			}
			JsonNode page = call(request, 200);
			cursor = page.get("cursor").asString();
			if (!page.get("hasMore").asBoolean()) {
				return cursor;
			}
		}
	}

	private List<Long> episodesOf(List<WebhookReceiver.Received> events) {
		return events.stream().map((e) -> this.json.readTree(e.body()).get("episode").get("id").asLong()).toList();
	}

	private long createAlert(String body) throws Exception {
		MvcResult result = this.mvc.perform(post("/api/alerts").contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		long id = this.json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/alerts/" + id);
		return id;
	}

	private long importEpisode(String podcast, String first, String second) throws Exception {
		return call(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"%s","podcast":"%s","segments":[
				 {"startMs":0,"endMs":5000,"text":"%s"},
				 {"startMs":5000,"endMs":9000,"text":"%s"}]}""".formatted(first, podcast, first, second)), 201)
			.get("id")
			.asLong();
	}

	private JsonNode awaitDeliveries(long alert, String status, int count) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode page;
		do {
			page = call(get("/api/alerts/" + alert + "/deliveries").param("status", status), 200);
			// Total and items come from one snapshot: both reach the count together.
			assertThat(page.get("items").size()).as(page.toString())
				.isEqualTo((int) Math.min(page.get("total").asLong(), 20));
			if (page.get("total").asLong() >= count) {
				return page;
			}
			Thread.sleep(50);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("alert " + alert + ": fewer than " + count + " " + status + " deliveries: " + page
				+ "; all: " + call(get("/api/alerts/" + alert + "/deliveries"), 200));
	}

	private JsonNode awaitAlert(long alert, boolean paused) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode view;
		do {
			view = call(get("/api/alerts/" + alert), 200);
			if (view.get("paused").asBoolean() == paused) {
				return view;
			}
			Thread.sleep(50);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("alert " + alert + " not paused=" + paused + ": " + view);
	}

	private JsonNode call(RequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		return body.isEmpty() ? this.json.createObjectNode() : this.json.readTree(body);
	}

}
