package io.podlens.topic.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.podlens.episode.StoredSegment;
import io.podlens.text.NameCandidates;
import io.podlens.topic.EpisodeNewName;
import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import io.podlens.topic.TopicLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * Storage of candidates on the Flyway schema (H2, and PostgreSQL 15 in the integration
 * run): occurrences replaced per episode, counted across episodes by the database,
 * variants, contexts of several episodes first, deleted with their episode, decisions
 * kept when a name is seen again.
 */
@Tag("integration")
@DataJpaTest
@Import({ CandidateDiscovery.class, CandidateStore.class, CandidateStoreTests.Settings.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CandidateStoreTests {

	@Autowired
	private CandidateDiscovery discovery;

	@Autowired
	private CandidateStore store;

	@Autowired
	private DiscoveryProperties properties;

	@Autowired
	private CandidateRepository candidates;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@MockitoBean
	private TopicLookup topics;

	private long lastId = 900_000;

	private long first;

	private long second;

	@org.springframework.boot.context.properties.EnableConfigurationProperties(DiscoveryProperties.class)
	static class Settings {

		@org.springframework.context.annotation.Bean
		JdbcClient jdbcClient(javax.sql.DataSource dataSource) {
			return JdbcClient.create(dataSource);
		}

	}

	@BeforeEach
	void episodes() {
		given(this.topics.named(anyString())).willReturn(List.of());
		this.jdbc.sql("delete from candidate_occurrence").update();
		this.jdbc.sql("delete from topic_candidate").update();
		// the episodes of earlier tests (the database outlives them); segments go with
		// them
		this.jdbc.sql("delete from episode where id > 900000").update();
		this.first = episode("first", "today Zorblax ships Quokka-7", "and Zorblax hired the Quokka-7 team");
		this.second = episode("second", "我们试了 Zorblax 的新模型", "Zorblaks 也不错");
	}

	@Test
	void occurrencesAreReplacedCountedAndDeletedWithTheirEpisode() {
		analyse(this.first);
		analyse(this.first);
		analyse(this.second);
		List<CandidateStore.Counted> page = this.store.page("open", 1, 0, 10);
		assertThat(page).extracting(CandidateStore.Counted::name).startsWith("Zorblax");
		CandidateStore.Counted zorblax = page.get(0);
		// analysed twice, stored once; "Zorblaks" sounds the same
		assertThat(zorblax.mentions()).isEqualTo(4);
		assertThat(zorblax.episodes()).isEqualTo(2);
		assertThat(this.store.total("open", 1)).isEqualTo(2);
		assertThat(this.store.total("open", 3)).isEqualTo(1);
		assertThat(this.store.page("open", 3, 1, 10)).isEmpty();
		List<Long> ids = List.of(zorblax.id());
		assertThat(this.store.variants(ids).get(zorblax.id())).extracting(CandidateView.Variant::surface)
			.containsExactly("Zorblax", "Zorblaks");
		assertThat(this.store.kinds(ids).get(zorblax.id())).containsExactly("capitalized", "latin-in-chinese");
		assertThat(this.store.episodes(ids).get(zorblax.id())).isEqualTo(Map.of(this.first, 2L, this.second, 2L));
		// one context of each episode before a second of either
		assertThat(this.store.contexts(ids, 3).get(zorblax.id())).extracting(CandidateView.Context::episodeId)
			.containsExactly(this.first, this.second, this.first);

		this.jdbc.sql("delete from episode where id = :id").param("id", this.second).update();
		assertThat(this.store.one(zorblax.id()).orElseThrow().mentions()).isEqualTo(2);
	}

	@Test
	void aDecisionStaysWhenTheNameIsSeenAgain() {
		analyse(this.first);
		CandidateRow row = this.candidates.findBySoundKeyIn(List.of(NameCandidates.soundKey("Zorblax"))).get(0);
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			CandidateRow stored = this.candidates.findById(row.getId()).orElseThrow();
			stored.reject(Instant.now());
		});
		analyse(this.second);
		assertThat(this.store.page("open", 1, 0, 10)).extracting(CandidateStore.Counted::name)
			.containsExactly("Quokka-7");
		CandidateStore.Counted rejected = this.store.page("rejected", 1, 0, 10).get(0);
		assertThat(rejected.id()).isEqualTo(row.getId());
		assertThat(rejected.mentions()).isEqualTo(4);
		assertThat(rejected.decidedAt()).isNotNull();
	}

	@Test
	void formsInsideMentionsAndNamesOfTopicsAreNoCandidates() {
		List<StoredSegment> segments = segments(this.first);
		Mention zorblax = new Mention("zorblax", 0, segments.get(0).segmentId(), 6, 13, "Zorblax", MatchKind.EXACT,
				1.0);
		given(this.topics.named("Quokka-7"))
			.willReturn(List.of(new Topic("quokka-7", "Quokka-7", TopicCategory.MODEL, List.of(), List.of())));
		CandidateDiscovery.Found found = this.discovery.find(segments, List.of(zorblax));
		assertThat(found.occurrences()).extracting(Occurrence::surface).containsExactly("Zorblax");
		assertThat(found.occurrences().get(0).segmentIndex()).isEqualTo(1);
	}

	@Test
	void introducedNamesAreCandidatesWithEveryReferenceAndNamesTooLongToStoreAreNot() {
		String endless = "Zorb" + "a".repeat(240);
		long episode = episode("interview", "Today I'm talking with Nadia Quenby, the CEO of Brambleway.",
				"So, Nadia, what does Brambleway do?", "I'm also the founder of " + endless + ", as it happens.",
				endless + " is a long story.");
		analyse(episode);
		List<String> surfaces = this.jdbc
			.sql("select surface from candidate_occurrence where episode_id = :id order by segment_index, char_start")
			.param("id", episode)
			.query(String.class)
			.list();
		assertThat(surfaces).containsExactly("Nadia Quenby", "CEO", "Brambleway", "Nadia", "Brambleway");
		CandidateRow nadia = this.candidates.findBySoundKeyIn(List.of(NameCandidates.soundKey("Nadia Quenby"))).get(0);
		assertThat(nadia.getName()).isEqualTo("Nadia Quenby");
		assertThat(this.store.kinds(List.of(nadia.getId())).get(nadia.getId())).containsExactly("introduced-person");
		assertThat(new StoredNewNames(this.jdbc, this.properties).inEpisode(episode)).extracting(EpisodeNewName::name)
			.containsExactly("Brambleway", "Nadia Quenby");
		// discovery switched off: nothing an earlier analysis stored is shown
		assertThat(new StoredNewNames(this.jdbc, new DiscoveryProperties(false, true, 3, 3)).inEpisode(episode))
			.isEmpty();
	}

	private void analyse(long episode) {
		CandidateDiscovery.Found found = this.discovery.find(segments(episode), List.of());
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.discovery.store(episode, found));
	}

	private long episode(String title, String... texts) {
		long id = ++this.lastId;
		this.jdbc
			.sql("insert into episode (id, title, podcast_key, language, duration_ms, segment_count, created_at)"
					+ " values (:id, :title, '', 'en', :duration, :n, :now)")
			.param("id", id)
			.param("title", title)
			.param("duration", texts.length * 1000L)
			.param("n", texts.length)
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		for (int i = 0; i < texts.length; i++) {
			this.jdbc
				.sql("insert into segment (id, episode_id, idx, start_ms, end_ms, text)"
						+ " values (:id, :episode, :idx, :start, :end, :text)")
				.param("id", id * 100 + i)
				.param("episode", id)
				.param("idx", i)
				.param("start", i * 1000L)
				.param("end", (i + 1) * 1000L)
				.param("text", texts[i])
				.update();
		}
		return id;
	}

	private List<StoredSegment> segments(long episode) {
		return this.jdbc.sql("select id, idx, start_ms, end_ms, text from segment where episode_id = :id order by idx")
			.param("id", episode)
			.query((rs, n) -> new StoredSegment(rs.getLong("id"), episode, "t", null, "en", rs.getInt("idx"),
					rs.getLong("start_ms"), rs.getLong("end_ms"), null, rs.getString("text")))
			.list();
	}

}
