package io.podlens.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims of due deliveries on the real database (H2, and PostgreSQL 15 on the integration
 * run): concurrent senders never get one delivery twice, a leased delivery is not
 * claimable until its lease ends, a sender whose lease ran out cannot record over the one
 * that took it over, and deliveries of paused alerts wait.
 */
@Tag("integration")
@JdbcTest(properties = { "spring.flyway.enabled=true", "spring.test.database.replace=none" })
@Import({ DeliveryStore.class, AlertStore.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DeliveryClaimTests {

	private static final java.nio.file.Path dataDir = TestDataDirs.create("claims");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		// The application's database: H2 in this directory, or the PostgreSQL schema the
		// integration run gives every context.
		registry.add("podlens.data-dir", dataDir::toString);
	}

	private static final Duration LEASE = Duration.ofMinutes(2);

	@Autowired
	private DeliveryStore deliveries;

	@Autowired
	private AlertStore alerts;

	private long alert(Instant now) {
		return this.alerts.insert(new AlertStore.Fields("claims", List.of(), "q", false, null, null,
				"https://93.184.215.14/hook", "whsec_0123456789abcdef", false), now);
	}

	@Test
	void concurrentSendersNeverClaimADeliveryTwice() throws Exception {
		Instant now = Instant.now();
		long alert = alert(now);
		List<DeliveryStore.NewDelivery> due = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			due.add(new DeliveryStore.NewDelivery(alert, 1_000_000 + i, DeliveryStore.newDeliveryId(), "{}", 1));
		}
		this.deliveries.insert(due, now.minusSeconds(1));
		List<String> claimed = Collections.synchronizedList(new ArrayList<>());
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Void>> work = new ArrayList<>();
			for (int s = 0; s < 4; s++) {
				work.add(() -> {
					List<DeliveryStore.Claimed> batch;
					do {
						batch = this.deliveries.claim(now, 7, LEASE);
						batch.forEach((c) -> claimed.add(c.deliveryId()));
					}
					while (!batch.isEmpty());
					return null;
				});
			}
			for (Future<Void> done : senders.invokeAll(work)) {
				done.get();
			}
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
		assertThat(this.deliveries.claim(now, 10, LEASE)).as("leased").isEmpty();
		assertThat(this.deliveries.claim(now.plus(LEASE).plusSeconds(1), 500, LEASE))
			.as("due again once the lease ended")
			.hasSize(200);
	}

	@Test
	void aSenderThatLostItsLeaseCannotRecordAndPausedAlertsWait() {
		Instant now = Instant.now();
		long alert = alert(now);
		this.deliveries.insert(List.of(new DeliveryStore.NewDelivery(alert, 1, DeliveryStore.newDeliveryId(), "{}", 1)),
				now.minusSeconds(1));
		DeliveryStore.Claimed stale = only(this.deliveries.claim(now, 10, LEASE), alert);
		Instant later = now.plus(LEASE).plusSeconds(1);
		DeliveryStore.Claimed current = only(this.deliveries.claim(later, 10, LEASE), alert);
		DeliveryStore.Outcome ok = new DeliveryStore.Outcome(later, "delivered", 200, 5, null, "ok");
		assertThat(this.deliveries.record(stale, ok, DeliveryStore.DELIVERED, null)).isFalse();
		assertThat(this.deliveries.record(current, ok, DeliveryStore.DELIVERED, null)).isTrue();
		assertThat(this.deliveries.page(alert, DeliveryStore.DELIVERED, 0, 10)).singleElement()
			.satisfies((d) -> assertThat(d.attempts()).hasSize(1));

		long paused = alert(now);
		this.deliveries.insert(
				List.of(new DeliveryStore.NewDelivery(paused, 2, DeliveryStore.newDeliveryId(), "{}", 1)),
				now.minusSeconds(1));
		this.alerts.pause(paused, "test", now);
		assertThat(this.deliveries.claim(later.plusSeconds(1), 10, LEASE)).noneMatch((c) -> c.alertId() == paused);
		this.alerts.resume(paused, now);
		assertThat(this.deliveries.claim(later.plusSeconds(1), 10, LEASE)).anyMatch((c) -> c.alertId() == paused);
	}

	private static DeliveryStore.Claimed only(List<DeliveryStore.Claimed> claims, long alert) {
		List<DeliveryStore.Claimed> mine = claims.stream().filter((c) -> c.alertId() == alert).toList();
		assertThat(mine).hasSize(1);
		return mine.get(0);
	}

}
