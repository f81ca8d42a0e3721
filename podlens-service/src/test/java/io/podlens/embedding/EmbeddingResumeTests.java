package io.podlens.embedding;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.podlens.TestDataDirs;
import io.podlens.bulkimport.ForegroundWork;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The worker's durable progress: what was stored stays stored, so interrupted work
 * resumes with the segments that still lack a vector; the publication of an import stays
 * incomplete until its segments are embedded, and resubmitting it adds no work. (A real
 * stop and start: {@code io.podlens.RestartResumesWorkTests}.)
 */
@Tag("integration")
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddingResumeTests {

	private static final Path dataDir = TestDataDirs.create("embedding-resume");

	private static final Duration WAIT = Duration.ofMinutes(1);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
		registry.add("podlens.embedding.enabled", () -> "true");
		registry.add("podlens.embedding.quiet-after", () -> "0s");
		registry.add("podlens.embedding.native-dir",
				() -> Path.of("target", "test-native").toAbsolutePath().toString());
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ForegroundWork foreground;

	@Autowired
	private EmbeddingWorker worker;

	@Autowired
	private SentenceEncoder encoder;

	@Autowired
	private EmbeddingStore store;

	@Autowired
	private SegmentSource source;

	@Autowired
	private EpisodeCatalog catalog;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private IncompleteEventPublications incomplete;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EmbeddingProperties properties;

	@Test
	void interruptedEmbeddingResumesWithTheSegmentsItLacks() throws Exception {
		long episode;
		try (ForegroundWork.Running running = this.foreground.begin()) {
			episode = importEpisode("interrupted", "the first segment is about sourdough starters",
					"the second one about proofing baskets", "the third one about oven temperatures");
			List<Long> segments = this.source.segmentsOf(episode).stream().map(StoredSegment::segmentId).toList();
			// One segment per transaction, and the second transaction fails, as a stop
			// would.
			AtomicInteger published = new AtomicInteger();
			ApplicationEventPublisher failingSecond = (event) -> {
				if (published.incrementAndGet() == 2) {
					throw new IllegalStateException("stopped");
				}
				this.events.publishEvent(event);
			};
			assertThatThrownBy(() -> embedder(failingSecond).embedEpisodes(List.of(episode), () -> {
			})).hasMessage("stopped");
			assertThat(this.store.embedded(model(), segments)).containsExactly(segments.get(0));

			SegmentEmbedder resumed = embedder(this.events);
			resumed.embedEpisodes(List.of(episode), () -> {
			});
			assertThat(this.store.embedded(model(), segments)).containsExactlyInAnyOrderElementsOf(segments);
			assertThat(resumed.counters()[0]).as("segments stored").isEqualTo(2);
			assertThat(resumed.counters()[1]).as("texts run through the model").isEqualTo(2);
			assertThat(embeddingPublications(episode)).as("incomplete until the worker is done").isEqualTo(1);
		}
		this.worker.awaitIdle(WAIT);
		awaitPublicationCompleted(episode);
	}

	@Test
	void theImportsPublicationCompletesOnceEmbeddedAndResubmittingAddsNoWork() throws Exception {
		long episode;
		try (ForegroundWork.Running running = this.foreground.begin()) {
			episode = importEpisode("queued", "a segment about climbing shoes", "and one about chalk bags");
			assertThat(embeddingPublications(episode)).isEqualTo(1);
			int queued = this.worker.queued();
			this.incomplete.resubmitIncompletePublications((publication) -> true);
			this.incomplete.resubmitIncompletePublications((publication) -> true);
			assertThat(this.worker.queued()).as("resubmissions join the queued episodes").isEqualTo(queued);
			Thread.sleep(300);
			List<Long> segments = this.source.segmentsOf(episode).stream().map(StoredSegment::segmentId).toList();
			assertThat(this.store.embedded(model(), segments)).as("held back by the bulk import").isEmpty();
		}
		this.worker.awaitIdle(WAIT);
		awaitPublicationCompleted(episode);
		List<Long> segments = this.source.segmentsOf(episode).stream().map(StoredSegment::segmentId).toList();
		assertThat(this.store.embedded(model(), segments)).hasSize(2);
		assertThat(this.worker.queued()).isZero();
	}

	private SegmentEmbedder embedder(ApplicationEventPublisher publisher) {
		EmbeddingProperties oneAtATime = new EmbeddingProperties(true, this.properties.model(), null, null, 1, 32, 256,
				this.properties.window(), 600, 1, true, 10, Duration.ZERO);
		return new SegmentEmbedder(this.encoder, this.store, this.source, this.catalog, this.transactions, publisher,
				oneAtATime);
	}

	private String model() {
		return this.encoder.model().id();
	}

	private long importEpisode(String title, String... texts) throws Exception {
		StringBuilder segments = new StringBuilder();
		for (int i = 0; i < texts.length; i++) {
			segments.append((i > 0) ? "," : "")
				.append("{\"startMs\":")
				.append(i * 60_000)
				.append(",\"endMs\":")
				.append(i * 60_000 + 5_000)
				.append(",\"text\":\"")
				.append(texts[i])
				.append("\"}");
		}
		String body = "{\"title\":\"" + title + "\",\"segments\":[" + segments + "]}";
		String response = this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonMapper.builder().build().readTree(response).get("id").asLong();
	}

	private long embeddingPublications(long episode) {
		return this.jdbc
			.sql("select count(*) from event_publication where listener_id like '%EmbeddingEvents%'"
					+ " and completion_date is null and serialized_event like ?")
			.param("%[" + episode + "]%")
			.query(Long.class)
			.single();
	}

	private void awaitPublicationCompleted(long episode) throws InterruptedException {
		for (int i = 0; i < 200 && embeddingPublications(episode) > 0; i++) {
			Thread.sleep(50);
		}
		assertThat(embeddingPublications(episode)).as("publication completed").isZero();
	}

}
