package io.podlens.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.podlens.common.InvalidInputException;
import io.podlens.search.SearchQuery;
import io.podlens.search.SegmentSearch;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import io.podlens.topic.TopicLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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

/**
 * The HTTP contract of alerts with the real validation (service) over mocked storage,
 * search and topics: 201 with Location, every refusal a problem naming its field, the
 * secret never shown, private webhook targets refused by default.
 */
@WebMvcTest(AlertController.class)
@Import({ AlertService.class, AlertControllerTests.Settings.class })
class AlertControllerTests {

	private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

	@TestConfiguration
	static class Settings {

		@Bean
		AlertProperties alertProperties() {
			return AlertProperties.defaults();
		}

	}

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AlertStore store;

	@MockitoBean
	private DeliveryStore deliveries;

	@MockitoBean
	private TopicLookup topics;

	@MockitoBean
	private SegmentSearch search;

	@MockitoBean
	private DeliverySender sender;

	@BeforeEach
	void taxonomy() {
		given(this.topics.topic(anyString())).willReturn(Optional.empty());
		given(this.topics.topic("gpt-4o"))
			.willReturn(Optional.of(new Topic("gpt-4o", "GPT-4o", TopicCategory.MODEL, List.of(), List.of())));
		given(this.deliveries.counts(any())).willReturn(Map.of(7L, new AlertView.DeliveryCounts(1, 2, 0)));
	}

	private static Alert stored(long id, boolean paused) {
		return new Alert(id, "Models", List.of("gpt-4o"), "multimodal", false, null, "zh", "https://93.184.215.14/hook",
				"whsec_0123456789abcdef", false, paused, paused ? "paused by a client" : null, paused ? NOW : null, NOW,
				NOW);
	}

	@Test
	void createsAnAlertWithLocationAndWithoutTheSecret() throws Exception {
		given(this.store.insert(any(), any())).willReturn(7L);
		given(this.store.find(7L)).willReturn(Optional.of(stored(7, false)));
		this.mvc.perform(post("/api/alerts").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Models","topics":["gpt-4o"],"query":"multimodal","language":"zh",
				 "webhookUrl":"https://93.184.215.14/hook","secret":"whsec_0123456789abcdef"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/alerts/7"))
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.topics[0]").value("gpt-4o"))
			.andExpect(jsonPath("$.paused").value(false))
			.andExpect(jsonPath("$.deliveries.delivered").value(2))
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("whsec_"))));
		then(this.search).should().validate(any(SearchQuery.class));
	}

	@Test
	void refusesEachBadFieldByName() throws Exception {
		String base = """
				"webhookUrl":"https://93.184.215.14/hook","secret":"whsec_0123456789abcdef\"""";
		assertRefused("{" + base + ",\"topics\":[\"gpt-4o\"]}", "name");
		assertRefused("{\"name\":\"x\"," + base + "}", "topics");
		assertRefused("{\"name\":\"x\",\"topics\":[\"gpt-4o\",\"no-such-topic\"]," + base + "}", "topics[1]");
		assertRefused("{\"name\":\"x\",\"topics\":[\"gpt-4o\"],\"language\":\"not a tag\"," + base + "}", "language");
		assertRefused("""
				{"name":"x","topics":["gpt-4o"],"secret":"whsec_0123456789abcdef"}""", "webhookUrl");
		assertRefused("""
				{"name":"x","topics":["gpt-4o"],"webhookUrl":"ftp://93.184.215.14/"}""", "webhookUrl");
		assertRefused("""
				{"name":"x","topics":["gpt-4o"],"webhookUrl":"https://93.184.215.14/hook"}""", "secret");
		assertRefused("""
				{"name":"x","topics":["gpt-4o"],"webhookUrl":"https://93.184.215.14/hook","secret":"short"}""",
				"secret");
		then(this.store).should(never()).insert(any(), any());
	}

	@Test
	void aQueryTheSearchRefusesIsABadQueryField() throws Exception {
		willThrow(InvalidInputException.forField("q", "cannot be parsed: unbalanced quote at column 3"))
			.given(this.search)
			.validate(any());
		this.mvc.perform(post("/api/alerts").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"x","query":"a \\"b","webhookUrl":"https://93.184.215.14/hook",
				 "secret":"whsec_0123456789abcdef"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("query"))
			.andExpect(jsonPath("$.detail").value(containsString("unbalanced quote")));
	}

	@Test
	void refusesPrivateAndMetadataWebhookTargets() throws Exception {
		for (String url : List.of("http://127.0.0.1:9000/hook", "http://169.254.169.254/latest/meta-data/",
				"http://10.0.0.5/", "http://[::1]/", "http://[fd00:ec2::254]/")) {
			this.mvc
				.perform(post("/api/alerts").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"x\",\"topics\":[\"gpt-4o\"],\"webhookUrl\":\"" + url
							+ "\",\"secret\":\"whsec_0123456789abcdef\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("webhookUrl"))
				.andExpect(jsonPath("$.detail").value(containsString("address")));
		}
		then(this.store).should(never()).insert(any(), any());
	}

	@Test
	void replacesKeepingTheSecretWhenLeftOut() throws Exception {
		given(this.store.find(7L)).willReturn(Optional.of(stored(7, false)));
		given(this.store.update(eq(7L), any(), any())).willReturn(true);
		this.mvc.perform(put("/api/alerts/7").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Renamed","query":"multimodal","webhookUrl":"https://93.184.215.14/other"}"""))
			.andExpect(status().isOk());
		then(this.store).should()
			.update(eq(7L), org.mockito.ArgumentMatchers.argThat((AlertStore.Fields f) -> f.name().equals("Renamed")
					&& f.secret().equals("whsec_0123456789abcdef") && f.topics().isEmpty()), any());
	}

	@Test
	void pausesResumesDeletesAndAnswers404() throws Exception {
		given(this.store.find(7L)).willReturn(Optional.of(stored(7, true)));
		this.mvc.perform(post("/api/alerts/7/pause"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(true))
			.andExpect(jsonPath("$.pausedReason").value("paused by a client"));
		then(this.store).should().pause(eq(7L), eq("paused by a client"), any());
		given(this.deliveries.requeue(eq(7L), any())).willReturn(2);
		this.mvc.perform(post("/api/alerts/7/resume")).andExpect(status().isOk());
		then(this.store).should().resume(eq(7L), any());
		then(this.sender).should().wake();
		given(this.store.delete(7L)).willReturn(true);
		this.mvc.perform(delete("/api/alerts/7")).andExpect(status().isNoContent());
		given(this.store.find(8L)).willReturn(Optional.empty());
		this.mvc.perform(get("/api/alerts/8"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/alerts/8/pause")).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/alerts/8")).andExpect(status().isNotFound());
	}

	@Test
	void listsDeliveriesWithAttempts() throws Exception {
		given(this.store.find(7L)).willReturn(Optional.of(stored(7, false)));
		given(this.deliveries.page(7L, "failed", 0, 20)).willReturn(List.of(new DeliveryView("d-1", 12, "failed", 2,
				NOW, null, null, List.of(new DeliveryView.Attempt(1, NOW, "failed", 503, 12, "HTTP 503", "busy")))));
		given(this.deliveries.countOf(7L, "failed")).willReturn(1L);
		this.mvc.perform(get("/api/alerts/7/deliveries").param("status", "failed"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].deliveryId").value("d-1"))
			.andExpect(jsonPath("$.items[0].attempts[0].statusCode").value(503))
			.andExpect(jsonPath("$.items[0].attempts[0].responseExcerpt").value("busy"));
		this.mvc.perform(get("/api/alerts/7/deliveries").param("status", "lost"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		this.mvc.perform(get("/api/alerts/7/deliveries").param("size", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
		then(this.deliveries).should(never()).page(eq(7L), eq(null), anyInt(), eq(1000));
	}

	private void assertRefused(String body, String field) throws Exception {
		this.mvc.perform(post("/api/alerts").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
	}

}
