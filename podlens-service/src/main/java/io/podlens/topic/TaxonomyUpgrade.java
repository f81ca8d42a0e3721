package io.podlens.topic;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the shipped default taxonomy into the {@code topic} table at start-up, when its
 * version differs from the one recorded in {@code taxonomy_state}: new default topics are
 * added, default topics no client edited take the shipped definition, and topics a client
 * created or edited (source {@code user}) and default topics a client deleted
 * ({@code deleted_default_topic}) stay as they are. An empty table with no recorded
 * version is seeded the same way. Topics a release no longer ships stay until a client
 * deletes them. The state row is locked for the whole change, so two instances starting
 * on one database apply a version once.
 */
@Component
class TaxonomyUpgrade {

	private static final Logger log = LoggerFactory.getLogger(TaxonomyUpgrade.class);

	private static final String STATE = "default";

	private final TopicRepository topics;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	TaxonomyUpgrade(TopicRepository topics, DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.topics = topics;
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * What applying a shipped version did.
	 *
	 * @param version the shipped version, now recorded
	 * @param previous the version recorded before, null when none was
	 * @param added default topics added
	 * @param updated default topics that took the shipped definition
	 * @param keptEdited shipped topics left alone because a client created or edited them
	 * @param keptDeleted shipped topics left out because a client deleted them
	 */
	record Result(String version, @Nullable String previous, int added, int updated, int keptEdited, int keptDeleted) {

		boolean changed() {
			return this.added > 0 || this.updated > 0;
		}

	}

	/** Applies the shipped taxonomy if its version is not the one recorded. */
	Optional<Result> apply(TaxonomyFiles.Shipped shipped, Instant now) {
		return Optional.ofNullable(this.transactions.execute((status) -> {
			Optional<String> recorded = lockState();
			if (recorded.isPresent() && shipped.version().equals(recorded.get())) {
				return null;
			}
			Result result = applyLocked(shipped, recorded.orElse(null), now);
			if (result.changed()) {
				bumpRevision();
			}
			this.jdbc
				.sql("update taxonomy_state set version = :version, topic_count = :count, applied_at = :at"
						+ " where id = :id")
				.param("version", shipped.version())
				.param("count", shipped.taxonomy().topics().size())
				.param("at", Timestamp.from(now))
				.param("id", STATE)
				.update();
			return result;
		}));
	}

	/**
	 * The taxonomy's revision: it moves with every change of the topic table, through any
	 * instance. One row by primary key, cheap enough to read before every batch.
	 */
	long revision() {
		return this.jdbc.sql("select revision from taxonomy_state where id = :id")
			.param("id", STATE)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Moves the revision on; to be called in the transaction that changes the topic
	 * table, so that the change and its revision commit together.
	 * @return the new revision
	 */
	long bumpRevision() {
		this.jdbc.sql("update taxonomy_state set revision = revision + 1 where id = :id").param("id", STATE).update();
		return revision();
	}

	/**
	 * Records that a client deleted a topic, so that an upgrade does not bring it back.
	 */
	void deleted(String topicId, Instant now) {
		this.jdbc.sql("delete from deleted_default_topic where topic_id = :id").param("id", topicId).update();
		this.jdbc.sql("insert into deleted_default_topic (topic_id, deleted_at) values (:id, :at)")
			.param("id", topicId)
			.param("at", Timestamp.from(now))
			.update();
	}

	/**
	 * The recorded version, the state row locked until the transaction ends (empty when
	 * none is recorded).
	 */
	private Optional<String> lockState() {
		List<Optional<String>> rows = this.jdbc.sql("select version from taxonomy_state where id = :id for update")
			.param("id", STATE)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.list();
		if (rows.isEmpty()) {
			// Only if someone removed the row V7 creates; put it back.
			this.jdbc.sql("insert into taxonomy_state (id) values (:id)").param("id", STATE).update();
			return Optional.empty();
		}
		return rows.get(0);
	}

	private Result applyLocked(TaxonomyFiles.Shipped shipped, @Nullable String previous, Instant now) {
		Map<String, TopicRow> rows = new HashMap<>();
		this.topics.findAll().forEach((row) -> rows.put(row.getId(), row));
		Set<String> deleted = new HashSet<>(
				this.jdbc.sql("select topic_id from deleted_default_topic").query(String.class).list());
		Taxonomy taxonomy = shipped.taxonomy();
		// The topics there will be: parents must be among them.
		Set<String> present = new HashSet<>(rows.keySet());
		for (Topic topic : taxonomy.topics()) {
			if (!deleted.contains(topic.id())) {
				present.add(topic.id());
			}
		}
		int added = 0;
		int updated = 0;
		int keptEdited = 0;
		int keptDeleted = 0;
		for (Topic shippedTopic : taxonomy.topics()) {
			String id = shippedTopic.id();
			TopicRow row = rows.get(id);
			if (row == null && deleted.contains(id)) {
				keptDeleted++;
				continue;
			}
			Topic topic = shippedTopic.withParent(parentAmong(taxonomy, shippedTopic, present));
			if (row == null) {
				this.topics.save(TopicRow.ofDefault(topic, shipped.version(), now));
				added++;
			}
			else if (TopicRow.SOURCE_USER.equals(row.getSource())) {
				keptEdited++;
			}
			else if (!row.toTopic().equals(topic)) {
				row.updateDefault(topic, shipped.version(), now);
				updated++;
			}
			else {
				row.confirmDefault(shipped.version());
			}
		}
		this.topics.flush();
		Result result = new Result(shipped.version(), previous, added, updated, keptEdited, keptDeleted);
		log.info(
				"Default taxonomy {} (was {}): {} topics added, {} updated, {} kept as edited, {} kept deleted "
						+ "({} shipped)",
				shipped.version(), (previous != null) ? previous : "none", added, updated, keptEdited, keptDeleted,
				taxonomy.topics().size());
		return result;
	}

	/**
	 * The topic's shipped parent, or the nearest shipped ancestor that exists here when a
	 * client deleted the parent.
	 */
	private static @Nullable String parentAmong(Taxonomy taxonomy, Topic topic, Set<String> present) {
		List<String> chain = taxonomy.withAncestors(topic.id());
		for (int i = 1; i < chain.size(); i++) {
			if (present.contains(chain.get(i))) {
				return chain.get(i);
			}
		}
		return null;
	}

}
