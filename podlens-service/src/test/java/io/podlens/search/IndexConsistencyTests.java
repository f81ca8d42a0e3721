package io.podlens.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.podlens.TestDataDirs;
import io.podlens.episode.SegmentSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The index's consistency contract through the whole service: a 201 means searchable, a
 * delete reaches the index before it answers, and a failed index write is retried from
 * the event publication registry instead of being lost.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IndexConsistencyTests {

	private static final Path dataDir = TestDataDirs.create("index-consistency");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
		registry.add("podlens.events.retry-after", () -> "500ms");
		registry.add("podlens.events.retry-every", () -> "250ms");
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@MockitoSpyBean
	private SegmentSource segments;

	@Test
	void createdMeansSearchableAndDeletedMeansGone() throws Exception {
		String word = marker();
		long episode = importEpisode(word);
		// No waiting: the 201 itself promises it.
		assertThat(total(word)).isEqualTo(1);
		this.mvc.perform(delete("/api/episodes/" + episode)).andExpect(status().isNoContent());
		assertThat(total(word)).isZero();
		assertThat(incompleteIndexPublications()).isZero();
	}

	@Test
	void failedIndexWriteIsRetriedAndNotLost() throws Exception {
		String word = marker();
		doThrow(new IllegalStateException("index unavailable")).doCallRealMethod()
			.when(this.segments)
			.segmentsOf(anyCollection());
		importEpisode(word);
		// The episode is stored, its index write failed and is recorded as outstanding.
		assertThat(total(word)).isZero();
		assertThat(incompleteIndexPublications()).isEqualTo(1);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (total(word) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(total(word)).as("indexed by a retry").isEqualTo(1);
		while (incompleteIndexPublications() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(incompleteIndexPublications()).isZero();
		doCallRealMethod().when(this.segments).segmentsOf(anyCollection());
	}

	private long importEpisode(String word) throws Exception {
		String body = """
				{"title":"consistency","segments":[{"startMs":0,"endMs":5000,"text":"we talk about %s today"},
				 {"startMs":5000,"endMs":9000,"text":"and something else"}]}""".formatted(word);
		String response = this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonMapper.builder().build().readTree(response).get("id").asLong();
	}

	private long total(String word) throws Exception {
		String response = this.mvc.perform(get("/api/search").param("q", word))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode result = JsonMapper.builder().build().readTree(response);
		return result.get("total").asLong();
	}

	private long incompleteIndexPublications() {
		return this.jdbc
			.sql("select count(*) from event_publication where listener_id like '%IndexEvents%'"
					+ " and completion_date is null")
			.query(Long.class)
			.single();
	}

	private static String marker() {
		return "wombat" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
	}

}
