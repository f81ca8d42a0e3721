package io.podlens.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code alert} and {@code alert_topic}. */
@Repository
class AlertStore {

	private static final String COLUMNS = "id, name, query, sounds_like, podcast, language, webhook_url, secret,"
			+ " backfill, paused, paused_reason, paused_at, created_at, updated_at";

	private final JdbcClient jdbc;

	AlertStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The fields a client sets. */
	record Fields(String name, List<String> topics, @Nullable String query, boolean soundsLike,
			@Nullable String podcast, @Nullable String language, String webhookUrl, String secret, boolean backfill) {
	}

	long insert(Fields fields, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into alert (name, query, sounds_like, podcast, language, webhook_url, secret, backfill,"
					+ " paused, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)")
			.params(fields.name(), fields.query(), fields.soundsLike(), fields.podcast(), fields.language(),
					fields.webhookUrl(), fields.secret(), fields.backfill(), utc(now), utc(now))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		insertTopics(id, fields.topics());
		return id;
	}

	/**
	 * @return whether the alert exists
	 */
	boolean update(long id, Fields fields, Instant now) {
		int updated = this.jdbc
			.sql("update alert set name = ?, query = ?, sounds_like = ?, podcast = ?, language = ?, webhook_url = ?,"
					+ " secret = ?, backfill = ?, updated_at = ? where id = ?")
			.params(fields.name(), fields.query(), fields.soundsLike(), fields.podcast(), fields.language(),
					fields.webhookUrl(), fields.secret(), fields.backfill(), utc(now), id)
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("delete from alert_topic where alert_id = ?").param(id).update();
		insertTopics(id, fields.topics());
		return true;
	}

	/**
	 * @return whether the alert was paused by this call
	 */
	boolean pause(long id, String reason, Instant now) {
		return this.jdbc
			.sql("update alert set paused = true, paused_reason = ?, paused_at = ?, updated_at = ?"
					+ " where id = ? and paused = false")
			.params(reason, utc(now), utc(now), id)
			.update() == 1;
	}

	boolean resume(long id, Instant now) {
		return this.jdbc
			.sql("update alert set paused = false, paused_reason = null, paused_at = null, updated_at = ? where id = ?")
			.params(utc(now), id)
			.update() == 1;
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from alert where id = ?").param(id).update() == 1;
	}

	Optional<Alert> find(long id) {
		List<Alert> found = read("select " + COLUMNS + " from alert where id = ?", List.of(id));
		return found.stream().findFirst();
	}

	List<Alert> page(int offset, int limit) {
		return read("select " + COLUMNS + " from alert order by id offset ? rows fetch first ? rows only",
				List.of(offset, limit));
	}

	long count() {
		return this.jdbc.sql("select count(*) from alert").query(Long.class).single();
	}

	/** Every alert that is not paused: what matching runs against. */
	List<Alert> active() {
		return read("select " + COLUMNS + " from alert where paused = false order by id", List.of());
	}

	private void insertTopics(long id, List<String> topics) {
		for (String topic : topics) {
			this.jdbc.sql("insert into alert_topic (alert_id, topic_id) values (?, ?)").params(id, topic).update();
		}
	}

	private List<Alert> read(String sql, List<?> params) {
		List<Row> rows = this.jdbc.sql(sql).params(params).query(AlertStore::row).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> topics = new HashMap<>();
		String ids = String.join(",", rows.stream().map((r) -> String.valueOf(r.id())).toList());
		// Ids are numbers read from the table, never client text.
		this.jdbc.sql("select alert_id, topic_id from alert_topic where alert_id in (" + ids + ") order by topic_id")
			.query((rs) -> {
				topics.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
			});
		return rows.stream().map((r) -> r.alert(topics.getOrDefault(r.id(), List.of()))).toList();
	}

	private record Row(long id, String name, @Nullable String query, boolean soundsLike, @Nullable String podcast,
			@Nullable String language, String webhookUrl, String secret, boolean backfill, boolean paused,
			@Nullable String pausedReason, @Nullable Instant pausedAt, Instant createdAt, Instant updatedAt) {

		Alert alert(List<String> topics) {
			return new Alert(this.id, this.name, topics, this.query, this.soundsLike, this.podcast, this.language,
					this.webhookUrl, this.secret, this.backfill, this.paused, this.pausedReason, this.pausedAt,
					this.createdAt, this.updatedAt);
		}

	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("query"), rs.getBoolean("sounds_like"),
				rs.getString("podcast"), rs.getString("language"), rs.getString("webhook_url"), rs.getString("secret"),
				rs.getBoolean("backfill"), rs.getBoolean("paused"), rs.getString("paused_reason"),
				instant(rs, "paused_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
