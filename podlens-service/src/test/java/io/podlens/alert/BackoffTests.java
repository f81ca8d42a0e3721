package io.podlens.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private final Backoff defaults = Backoff.of(AlertProperties.defaults());

	@Test
	void doublesFromTheInitialDelayUpToTheLongest() {
		assertThat(this.defaults.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.defaults.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.defaults.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.defaults.delayAfter(9)).isEqualTo(Duration.ofMinutes(128));
		assertThat(this.defaults.delayAfter(10)).isEqualTo(Duration.ofHours(4));
		assertThat(this.defaults.delayAfter(1000)).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void theDefaultScheduleRetriesForAboutADayThenGivesUp() {
		Instant first = Instant.parse("2026-01-01T00:00:00Z");
		List<Instant> attempts = new ArrayList<>(List.of(first));
		Optional<Instant> next = this.defaults.next(first, 1, first);
		while (next.isPresent()) {
			attempts.add(next.get());
			next = this.defaults.next(first, attempts.size(), next.get());
		}
		assertThat(attempts).hasSize(14);
		Duration span = Duration.between(first, attempts.get(attempts.size() - 1));
		assertThat(span).isBetween(Duration.ofHours(20), Duration.ofHours(24));
		assertThat(attempts.get(1)).isEqualTo(first.plusSeconds(30));
		assertThat(attempts.get(2)).isEqualTo(first.plusSeconds(90));
	}

	@Test
	void followsTheSettings() {
		Backoff quick = new Backoff(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1));
		assertThat(quick.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(quick.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(quick.delayAfter(3)).isEqualTo(Duration.ofMillis(250));
		Instant first = Instant.EPOCH;
		assertThat(quick.next(first, 4, first.plusMillis(800))).isEmpty();
		assertThat(quick.next(first, 4, first.plusMillis(700))).contains(first.plusMillis(950));
	}

}
