package io.podlens.alert;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the API shows it: everything but the secret.
 *
 * @param id id of the alert
 * @param name what the alert is for
 * @param topics topic ids that fire it
 * @param query the search that fires it
 * @param soundsLike whether the query matches sound-alikes
 * @param podcast only episodes of this podcast
 * @param language only episodes in this language
 * @param webhookUrl where events go
 * @param backfill whether episodes older than the alert are matched too
 * @param paused whether it is paused: matches nothing and sends nothing
 * @param pausedReason why: paused by a client, or the delivery that kept failing
 * @param pausedAt when it was paused
 * @param createdAt when it was created (episodes stored before do not fire it unless
 * {@code backfill})
 * @param updatedAt when it was last changed
 * @param deliveries its deliveries by status
 */
public record AlertView(@Schema(example = "3") long id, @Schema(example = "Reasoning models") String name,
		@Schema(example = "[\"deepseek-r1\"]") List<String> topics,
		@Schema(example = "\"reasoning model\"") @Nullable String query, boolean soundsLike, @Nullable String podcast,
		@Nullable String language, @Schema(example = "https://hooks.example.com/podlens") String webhookUrl,
		boolean backfill, boolean paused,
		@Schema(example = "delivery 6f1c… failed 14 times over 20h 16m; last: HTTP 503") @Nullable String pausedReason,
		@Nullable Instant pausedAt, Instant createdAt, Instant updatedAt, DeliveryCounts deliveries) {

	public AlertView {
		topics = List.copyOf(topics);
	}

	/**
	 * @param pending waiting for their first or next attempt
	 * @param delivered answered with a 2xx
	 * @param failed given up
	 */
	public record DeliveryCounts(long pending, long delivered, long failed) {
	}

}
