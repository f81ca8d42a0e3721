package io.podlens.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.podlens.TestDataDirs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of the feed on the real database (H2, and PostgreSQL 15 on the integration
 * run): events older than {@code podlens.feed.keep} are deleted from the start of the
 * feed and the trim records how far; two instances trimming at once delete each event
 * once and agree on the record.
 */
@Tag("integration")
@JdbcTest(properties = { "spring.flyway.enabled=true", "spring.test.database.replace=none" })
@Import(FeedStore.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class FeedRetentionTests {

	private static final java.nio.file.Path dataDir = TestDataDirs.create("feed-retention");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", dataDir::toString);
	}

	/** Milliseconds, as both databases keep them. */
	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final FeedProperties thirtyDays = new FeedProperties(Duration.ofDays(30), Duration.ofHours(1));

	@Autowired
	private FeedStore store;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void removesTheEventsOlderThanTheRetentionFromTheStart() {
		long before = lastSeq();
		append(3, this.now.minus(Duration.ofDays(40)));
		append(2, this.now.minus(Duration.ofDays(31)));
		append(2, this.now.minus(Duration.ofDays(29)));
		FeedRetention retention = retention(this.thirtyDays);

		assertThat(retention.trim()).isGreaterThanOrEqualTo(5);
		FeedStore.Trim trim = this.store.trim();
		assertThat(trim.removedThrough()).isEqualTo(before + 5);
		assertThat(trim.removedUntil()).isEqualTo(this.now.minus(Duration.ofDays(31)));
		List<FeedStore.Stored> left = this.store.after(0, 100);
		assertThat(left).extracting(FeedStore.Stored::seq).containsExactly(before + 6, before + 7);
		// Nothing more is old enough: a second run deletes nothing and moves nothing.
		assertThat(retention.trim()).isZero();
		assertThat(this.store.trim()).isEqualTo(trim);

		// A week later the rest is old too.
		FeedRetention later = new FeedRetention(this.store, this.thirtyDays, this.transactionManager,
				Clock.fixed(this.now.plus(Duration.ofDays(2)), ZoneOffset.UTC));
		assertThat(later.trim()).isEqualTo(2);
		assertThat(this.store.after(0, 100)).isEmpty();
		assertThat(this.store.trim().removedThrough()).isEqualTo(before + 7);
	}

	@Test
	void instancesTrimmingAtOnceDeleteEachEventOnce() throws Exception {
		retention(this.thirtyDays).trim();
		long before = this.store.trim().removedThrough();
		long first = lastSeq();
		// More than one batch, so that the two interleave.
		append(FeedRetention.BATCH + 1_500, this.now.minus(Duration.ofDays(45)));
		append(1, this.now.minus(Duration.ofDays(1)));
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> work = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				work.add(() -> retention(this.thirtyDays).trim());
			}
			int deleted = 0;
			for (Future<Integer> result : instances.invokeAll(work)) {
				deleted += result.get();
			}
			assertThat(deleted).isEqualTo(first - before + FeedRetention.BATCH + 1_500);
		}
		finally {
			instances.shutdownNow();
		}
		assertThat(this.store.trim().removedThrough()).isEqualTo(first + FeedRetention.BATCH + 1_500);
		assertThat(this.store.after(0, 10)).extracting(FeedStore.Stored::seq)
			.containsExactly(first + FeedRetention.BATCH + 1_501);
	}

	private FeedRetention retention(FeedProperties properties) {
		return new FeedRetention(this.store, properties, this.transactionManager,
				Clock.fixed(this.now, ZoneOffset.UTC));
	}

	private void append(int count, Instant at) {
		List<FeedStore.Entry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(new FeedStore.Entry(FeedWriter.EPISODE_DELETED, 1_000 + i, "{}"));
		}
		new TransactionTemplate(this.transactionManager).executeWithoutResult((s) -> this.store.append(entries, at));
	}

	private long lastSeq() {
		List<FeedStore.Stored> all = this.store.after(0, 1_000_000);
		return all.isEmpty() ? this.store.trim().removedThrough() : all.get(all.size() - 1).seq();
	}

}
