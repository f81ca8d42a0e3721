package io.podlens.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.podlens.alert.AlertStore.instant;
import static io.podlens.alert.AlertStore.utc;

/**
 * The tables {@code alert_delivery} and {@code alert_attempt}: the durable queue of
 * webhook events. A sender claims due rows with {@code FOR UPDATE SKIP LOCKED}
 * (PostgreSQL and H2 both have it) and leases them by moving their next attempt past the
 * longest an attempt can take, so no two senders (threads or instances) attempt a
 * delivery at once; a sender that dies leaves the row due again when the lease ends.
 */
@Repository
class DeliveryStore {

	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String FAILED = "failed";

	/** A new event to deliver. */
	record NewDelivery(long alertId, long episodeId, String deliveryId, String payload, int matches) {
	}

	/** A delivery claimed for one attempt, with what the attempt needs. */
	record Claimed(long row, String deliveryId, long alertId, String payload, String webhookUrl, String secret,
			int attempts, @Nullable Instant firstAttemptAt, String token) {
	}

	/** The outcome of an attempt, to record. */
	record Outcome(Instant at, String outcome, @Nullable Integer statusCode, long latencyMs, @Nullable String error,
			@Nullable String responseExcerpt) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	DeliveryStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
	}

	static String newDeliveryId() {
		return UUID.randomUUID().toString();
	}

	/** The alerts among {@code alertIds} that already have a delivery for the episode. */
	Set<Long> alertsWithDelivery(long episodeId) {
		return new HashSet<>(this.jdbc.sql("select alert_id from alert_delivery where episode_id = ?")
			.param(episodeId)
			.query(Long.class)
			.list());
	}

	/** Inserts the deliveries, due now; in the caller's transaction. */
	void insert(Collection<NewDelivery> deliveries, Instant now) {
		for (NewDelivery delivery : deliveries) {
			this.jdbc
				.sql("insert into alert_delivery (delivery_id, alert_id, episode_id, status, payload, match_count,"
						+ " attempts, created_at, next_attempt_at) values (?, ?, ?, 'pending', ?, ?, 0, ?, ?)")
				.params(delivery.deliveryId(), delivery.alertId(), delivery.episodeId(), delivery.payload(),
						delivery.matches(), utc(now), utc(now))
				.update();
		}
	}

	/**
	 * Claims up to {@code limit} due deliveries of alerts that are not paused, in one
	 * short transaction: rows another sender holds are skipped, not waited for.
	 */
	List<Claimed> claim(Instant now, int limit, Duration lease) {
		List<Claimed> claimed = this.transactions.execute((status) -> {
			List<Long> rows = this.jdbc
				.sql("select id from alert_delivery where status = 'pending' and next_attempt_at <= ?"
						+ " and alert_id in (select id from alert where paused = false)"
						+ " order by next_attempt_at, id fetch first ? rows only for update skip locked")
				.params(utc(now), limit)
				.query(Long.class)
				.list();
			List<Claimed> result = new ArrayList<>(rows.size());
			for (long row : rows) {
				String token = UUID.randomUUID().toString();
				this.jdbc.sql("update alert_delivery set claim_token = ?, next_attempt_at = ? where id = ?")
					.params(token, utc(now.plus(lease)), row)
					.update();
				result.add(this.jdbc
					.sql("select d.id, d.delivery_id, d.alert_id, d.payload, d.attempts, d.first_attempt_at,"
							+ " a.webhook_url, a.secret from alert_delivery d join alert a on a.id = d.alert_id"
							+ " where d.id = ?")
					.param(row)
					.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("delivery_id"), rs.getLong("alert_id"),
							rs.getString("payload"), rs.getString("webhook_url"), rs.getString("secret"),
							rs.getInt("attempts"), instant(rs, "first_attempt_at"), token))
					.single());
			}
			return result;
		});
		return (claimed != null) ? claimed : List.of();
	}

	/**
	 * Records an attempt and the delivery's new state: delivered, failed (given up), or
	 * pending until {@code nextAttempt}. Nothing happens when the claim was lost (its
	 * lease ran out and another sender took the row).
	 * @return whether the claim still held
	 */
	boolean record(Claimed claim, Outcome outcome, String status, @Nullable Instant nextAttempt) {
		Boolean held = this.transactions.execute((tx) -> {
			int attempt = claim.attempts() + 1;
			Instant first = (claim.firstAttemptAt() != null) ? claim.firstAttemptAt() : outcome.at();
			int updated = this.jdbc
				.sql("update alert_delivery set status = ?, attempts = ?, first_attempt_at = ?, next_attempt_at = ?,"
						+ " delivered_at = ?, claim_token = null where id = ? and claim_token = ?")
				.params(status, attempt, utc(first), utc((nextAttempt != null) ? nextAttempt : outcome.at()),
						utc(DELIVERED.equals(status) ? outcome.at() : null), claim.row(), claim.token())
				.update();
			if (updated == 0) {
				return false;
			}
			this.jdbc
				.sql("insert into alert_attempt (delivery_row, attempt, attempted_at, outcome, status_code, latency_ms,"
						+ " error, response_excerpt) values (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(claim.row(), attempt, utc(outcome.at()), outcome.outcome(), outcome.statusCode(),
						outcome.latencyMs(), outcome.error(), outcome.responseExcerpt())
				.update();
			return true;
		});
		return Boolean.TRUE.equals(held);
	}

	/**
	 * Makes the failed deliveries of an alert pending again with a fresh retry window
	 * (its resumption), and its pending ones due now.
	 */
	int requeue(long alertId, Instant now) {
		return this.jdbc
			.sql("update alert_delivery set status = 'pending', next_attempt_at = ?,"
					+ " first_attempt_at = case when status = 'failed' then null else first_attempt_at end"
					+ " where alert_id = ? and status in ('pending', 'failed') and claim_token is null")
			.params(utc(now), alertId)
			.update();
	}

	Map<Long, AlertView.DeliveryCounts> counts(Collection<Long> alertIds) {
		Map<Long, long[]> counts = new HashMap<>();
		if (alertIds.isEmpty()) {
			return Map.of();
		}
		String ids = String.join(",", alertIds.stream().map(String::valueOf).toList());
		this.jdbc
			.sql("select alert_id, status, count(*) from alert_delivery where alert_id in (" + ids
					+ ") group by alert_id, status")
			.query((rs) -> {
				long[] c = counts.computeIfAbsent(rs.getLong(1), (k) -> new long[3]);
				switch (rs.getString(2)) {
					case PENDING -> c[0] = rs.getLong(3);
					case DELIVERED -> c[1] = rs.getLong(3);
					default -> c[2] = rs.getLong(3);
				}
			});
		Map<Long, AlertView.DeliveryCounts> result = new HashMap<>();
		for (long id : alertIds) {
			long[] c = counts.getOrDefault(id, new long[3]);
			result.put(id, new AlertView.DeliveryCounts(c[0], c[1], c[2]));
		}
		return result;
	}

	long countOf(long alertId, @Nullable String status) {
		return this.jdbc
			.sql("select count(*) from alert_delivery where alert_id = ?" + ((status != null) ? " and status = ?" : ""))
			.params((status != null) ? List.of(alertId, status) : List.of(alertId))
			.query(Long.class)
			.single();
	}

	/** A page of the alert's deliveries, newest first, with their attempts. */
	List<DeliveryView> page(long alertId, @Nullable String status, int offset, int limit) {
		List<Object> params = new ArrayList<>(List.of(alertId));
		if (status != null) {
			params.add(status);
		}
		params.add(offset);
		params.add(limit);
		List<Row> rows = this.jdbc
			.sql("select id, delivery_id, episode_id, status, match_count, created_at, next_attempt_at, delivered_at"
					+ " from alert_delivery where alert_id = ?" + ((status != null) ? " and status = ?" : "")
					+ " order by id desc offset ? rows fetch first ? rows only")
			.params(params)
			.query(DeliveryStore::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<DeliveryView.Attempt>> attempts = new HashMap<>();
		String ids = String.join(",", rows.stream().map((r) -> String.valueOf(r.id())).toList());
		this.jdbc
			.sql("select delivery_row, attempt, attempted_at, outcome, status_code, latency_ms, error, response_excerpt"
					+ " from alert_attempt where delivery_row in (" + ids + ") order by delivery_row, attempt")
			.query((rs) -> {
				Object code = rs.getObject("status_code");
				attempts.computeIfAbsent(rs.getLong("delivery_row"), (k) -> new ArrayList<>())
					.add(new DeliveryView.Attempt(rs.getInt("attempt"), instant(rs, "attempted_at"),
							rs.getString("outcome"), (code != null) ? ((Number) code).intValue() : null,
							rs.getLong("latency_ms"), rs.getString("error"), rs.getString("response_excerpt")));
			});
		return rows.stream()
			.map((r) -> new DeliveryView(r.deliveryId(), r.episodeId(), r.status(), r.matches(), r.createdAt(),
					PENDING.equals(r.status()) ? r.nextAttemptAt() : null, r.deliveredAt(),
					attempts.getOrDefault(r.id(), List.of())))
			.toList();
	}

	private record Row(long id, String deliveryId, long episodeId, String status, int matches, Instant createdAt,
			Instant nextAttemptAt, @Nullable Instant deliveredAt) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("delivery_id"), rs.getLong("episode_id"), rs.getString("status"),
				rs.getInt("match_count"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
				instant(rs, "delivered_at"));
	}

}
