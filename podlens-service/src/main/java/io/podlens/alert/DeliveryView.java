package io.podlens.alert;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One event of an alert for one episode, and every attempt to deliver it.
 *
 * @param deliveryId the {@code X-Podlens-Delivery} header, the same on every attempt
 * @param episodeId the episode that matched
 * @param status {@code pending}, {@code delivered} or {@code failed} (given up)
 * @param matches number of matching segments
 * @param createdAt when the episode matched
 * @param nextAttemptAt when it is tried next, while pending
 * @param deliveredAt when a receiver accepted it
 * @param attempts the attempts, first first
 */
public record DeliveryView(@Schema(example = "0b6c1d2e-4f5a-4b7c-9d8e-1f2a3b4c5d6e") String deliveryId,
		@Schema(example = "12") long episodeId, @Schema(example = "delivered") String status,
		@Schema(example = "2") int matches, Instant createdAt, @Nullable Instant nextAttemptAt,
		@Nullable Instant deliveredAt, List<Attempt> attempts) {

	public DeliveryView {
		attempts = List.copyOf(attempts);
	}

	/**
	 * One attempt.
	 *
	 * @param attempt 1-based number
	 * @param at when it started
	 * @param outcome {@code delivered}, {@code failed} or {@code refused} (the address
	 * check refused the target)
	 * @param statusCode HTTP status of the answer, absent when there was none
	 * @param latencyMs time to the answer (or the failure)
	 * @param error what went wrong without an answer: timeout, connection refused...
	 * @param responseExcerpt the start of the receiver's answer, at most
	 * {@code podlens.alerts.response-excerpt} characters
	 */
	public record Attempt(@Schema(example = "1") int attempt, Instant at, @Schema(example = "delivered") String outcome,
			@Schema(example = "200") @Nullable Integer statusCode, @Schema(example = "38") long latencyMs,
			@Nullable String error, @Schema(example = "ok") @Nullable String responseExcerpt) {
	}

}
