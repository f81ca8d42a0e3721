package io.podlens.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code initial}, then twice as long each
 * time up to {@code max}, until {@code giveUpAfter} since the first attempt. With the
 * defaults (30 s, 4 h, 24 h) that is 14 attempts, the last about 20 hours after the
 * first.
 */
record Backoff(Duration initial, Duration max, Duration giveUpAfter) {

	static Backoff of(AlertProperties properties) {
		return new Backoff(properties.retryInitialDelay(), properties.retryMaxDelay(), properties.retryFor());
	}

	/** The wait after the {@code attempt}-th failed attempt (1-based). */
	Duration delayAfter(int attempt) {
		Duration delay = this.initial;
		for (int i = 1; i < attempt && delay.compareTo(this.max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.max) > 0) ? this.max : delay;
	}

	/**
	 * When to try again after the {@code attempt}-th attempt failed at {@code now}, or
	 * empty when that would be later than {@code giveUpAfter} from the first attempt.
	 */
	Optional<Instant> next(Instant firstAttempt, int attempt, Instant now) {
		Instant next = now.plus(delayAfter(attempt));
		return next.isAfter(firstAttempt.plus(this.giveUpAfter)) ? Optional.empty() : Optional.of(next);
	}

}
