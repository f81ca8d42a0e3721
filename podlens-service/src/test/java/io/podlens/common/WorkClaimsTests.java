package io.podlens.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import com.zaxxer.hikari.HikariDataSource;
import io.podlens.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim logic of {@link WorkClaims} on a migrated database (H2; PostgreSQL too on the
 * integration run): one instance gets an episode, the other is told it is held or done; a
 * lease that ran out is taken over and the old holder can no longer complete; concurrent
 * claimers never both get an episode.
 */
@Tag("integration")
class WorkClaimsTests {

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private String schema;

	private HikariDataSource dataSource;

	private WorkClaims a;

	private WorkClaims b;

	@BeforeEach
	void migrate() {
		if (TestDatabase.isPostgres()) {
			this.schema = TestDatabase.newSchema();
			Map<String, Object> properties = TestDatabase.postgresProperties(this.schema);
			this.dataSource = pool((String) properties.get("spring.datasource.url"),
					(String) properties.get("spring.datasource.username"),
					(String) properties.get("spring.datasource.password"));
			Flyway.configure().dataSource(this.dataSource).schemas(this.schema).load().migrate();
		}
		else {
			this.dataSource = pool("jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
			Flyway.configure().dataSource(this.dataSource).load().migrate();
		}
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		LongStream.rangeClosed(1, 300)
			.forEach((id) -> jdbc
				.sql("insert into episode (id, title, podcast_key, language, duration_ms, segment_count, created_at) "
						+ "values (?, 't', '', 'en', 0, 0, current_timestamp)")
				.param(id)
				.update());
		this.a = new WorkClaims(this.dataSource, LEASE, this.clock, "a");
		this.b = new WorkClaims(this.dataSource, LEASE, this.clock, "b");
	}

	@AfterEach
	void drop() {
		if (this.schema != null) {
			TestDatabase.dropSchema(this.dataSource, this.schema);
		}
		this.dataSource.close();
	}

	/** A small pool: a connection per statement makes PostgreSQL slow. */
	private static HikariDataSource pool(String url, String username, String password) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(username);
		pool.setPassword(password);
		pool.setMaximumPoolSize(4);
		return pool;
	}

	@Test
	void theFirstClaimWinsAndTheOtherInstanceIsToldItIsHeld() {
		WorkClaims.Claim first = this.a.claim(WorkClaims.TOPIC, List.of(1L, 2L), 1);
		assertThat(first.claimed()).containsExactly(1L, 2L);
		WorkClaims.Claim second = this.b.claim(WorkClaims.TOPIC, List.of(1L, 2L, 3L), 1);
		assertThat(second.claimed()).containsExactly(3L);
		assertThat(second.heldElsewhere()).containsExactly(1L, 2L);
		assertThat(second.done()).isEmpty();
		// Claiming again what one holds already renews it.
		assertThat(this.a.claim(WorkClaims.TOPIC, List.of(1L), 1).claimed()).containsExactly(1L);
		// Kinds are separate work.
		assertThat(this.b.claim(WorkClaims.EMBEDDING, List.of(1L), 0).claimed()).containsExactly(1L);
	}

	@Test
	void aCompletedEpisodeIsDoneForItsRevisionAndToDoAgainForANewerOne() {
		this.a.claim(WorkClaims.TOPIC, List.of(1L), 3);
		this.a.complete(WorkClaims.TOPIC, 1, 3);
		WorkClaims.Claim same = this.b.claim(WorkClaims.TOPIC, List.of(1L), 3);
		assertThat(same.done()).containsExactly(1L);
		assertThat(same.claimed()).isEmpty();
		assertThat(this.b.claim(WorkClaims.TOPIC, List.of(1L), 2).done()).as("an older revision").containsExactly(1L);
		assertThat(this.a.countToDo(WorkClaims.TOPIC, 3)).isZero();
		assertThat(this.a.countToDo(WorkClaims.TOPIC, 4)).isEqualTo(1);
		assertThat(this.b.claim(WorkClaims.TOPIC, List.of(1L), 4).claimed()).containsExactly(1L);
	}

	@Test
	void aLeaseThatRanOutIsTakenOverAndTheOldHolderCannotComplete() {
		this.a.claim(WorkClaims.TOPIC, List.of(1L), 1);
		assertThat(this.b.abandoned(WorkClaims.TOPIC, 1)).isFalse();
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(this.b.abandoned(WorkClaims.TOPIC, 1)).as("a crashed holder's claim").isTrue();
		assertThat(this.b.toDo(WorkClaims.TOPIC, 1, Long.MIN_VALUE, 10)).containsExactly(1L);
		assertThat(this.b.claim(WorkClaims.TOPIC, List.of(1L), 1).claimed()).containsExactly(1L);
		assertThatThrownBy(() -> this.a.complete(WorkClaims.TOPIC, 1, 1))
			.isInstanceOf(WorkClaims.LostClaimException.class);
		assertThat(this.a.renew(WorkClaims.TOPIC, List.of(1L))).isZero();
		this.b.complete(WorkClaims.TOPIC, 1, 1);
		assertThat(this.a.countToDo(WorkClaims.TOPIC, 1)).isZero();
	}

	@Test
	void renewingKeepsAClaimPastItsFirstLease() {
		this.a.claim(WorkClaims.TOPIC, List.of(1L), 1);
		this.clock.advance(LEASE.minusSeconds(10));
		assertThat(this.a.renew(WorkClaims.TOPIC, List.of(1L))).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.b.claim(WorkClaims.TOPIC, List.of(1L), 1).heldElsewhere()).containsExactly(1L);
	}

	@Test
	void aReleasedClaimIsFreeAtOnceAndAFinishedOneLeavesNoRow() {
		this.a.claim(WorkClaims.EMBEDDING, List.of(1L, 2L), 0);
		this.a.release(WorkClaims.EMBEDDING, List.of(1L));
		assertThat(this.b.claim(WorkClaims.EMBEDDING, List.of(1L), 0).claimed()).containsExactly(1L);
		this.a.finish(WorkClaims.EMBEDDING, List.of(2L));
		assertThat(JdbcClient.create(this.dataSource)
			.sql("select count(*) from work_claim where kind = ? and episode_id = 2")
			.param(WorkClaims.EMBEDDING)
			.query(Long.class)
			.single()).isZero();
		// Finishing or releasing what another holds changes nothing.
		this.a.finish(WorkClaims.EMBEDDING, List.of(1L));
		this.a.release(WorkClaims.EMBEDDING, List.of(1L));
		assertThat(this.a.claim(WorkClaims.EMBEDDING, List.of(1L), 0).heldElsewhere()).containsExactly(1L);
	}

	@Test
	void aDeletedEpisodeIsDone() {
		WorkClaims.Claim claim = this.a.claim(WorkClaims.TOPIC, List.of(999_999L), 1);
		assertThat(claim.done()).containsExactly(999_999L);
		assertThat(claim.claimed()).isEmpty();
	}

	@Test
	void toDoIsOnePassInIdOrderOverWhatNobodyHolds() {
		for (long id = 1; id <= 5; id++) {
			this.a.claim(WorkClaims.TOPIC, List.of(id), 1);
			this.a.complete(WorkClaims.TOPIC, id, 1);
		}
		this.b.claim(WorkClaims.TOPIC, List.of(2L), 2);
		assertThat(this.a.toDo(WorkClaims.TOPIC, 2, Long.MIN_VALUE, 2)).containsExactly(1L, 3L);
		assertThat(this.a.toDo(WorkClaims.TOPIC, 2, 3, 10)).containsExactly(4L, 5L);
		assertThat(this.a.toDo(WorkClaims.TOPIC, 1, Long.MIN_VALUE, 10)).isEmpty();
		assertThat(this.a.countToDo(WorkClaims.TOPIC, 2)).isEqualTo(5);
		// A result stored without a claim counts as done, and is never moved back.
		this.a.recordDone(WorkClaims.TOPIC, 4, 2);
		this.a.recordDone(WorkClaims.TOPIC, 4, 1);
		this.a.recordDone(WorkClaims.TOPIC, 50, 2);
		assertThat(this.a.toDo(WorkClaims.TOPIC, 2, 3, 10)).containsExactly(5L);
		assertThat(this.a.countToDo(WorkClaims.TOPIC, 2)).isEqualTo(4);
	}

	@Test
	void concurrentClaimersNeverBothGetAnEpisode() throws Exception {
		List<Long> ids = LongStream.rangeClosed(1, 300).boxed().toList();
		List<Long> reversed = new ArrayList<>(ids);
		java.util.Collections.reverse(reversed);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			Future<WorkClaims.Claim> first = threads.submit(() -> {
				start.await();
				return this.a.claim(WorkClaims.TOPIC, ids, 1);
			});
			Future<WorkClaims.Claim> second = threads.submit(() -> {
				start.await();
				return this.b.claim(WorkClaims.TOPIC, reversed, 1);
			});
			start.countDown();
			WorkClaims.Claim x = first.get();
			WorkClaims.Claim y = second.get();
			assertThat(x.claimed()).doesNotContainAnyElementsOf(y.claimed());
			List<Long> all = new ArrayList<>(x.claimed());
			all.addAll(y.claimed());
			assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
			assertThat(x.heldElsewhere()).containsExactlyInAnyOrderElementsOf(y.claimed());
			assertThat(y.heldElsewhere()).containsExactlyInAnyOrderElementsOf(x.claimed());
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
