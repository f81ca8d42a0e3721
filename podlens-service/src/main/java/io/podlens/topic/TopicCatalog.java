package io.podlens.topic;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.text.Folding;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The taxonomy as stored in the {@code topic} table, cached in memory with the extractor
 * built from it. At startup, before requests are served, the shipped default taxonomy is
 * applied when it is new to the database ({@link TaxonomyUpgrade}: an empty table is
 * seeded, a new release adds and updates default topics but never a client's edits or
 * deletions). Every change is committed first, then the cache is rebuilt (new version)
 * and a {@link TaxonomyChanged} event asks for the episodes to be analysed again.
 */
@Component
class TopicCatalog implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TopicCatalog.class);

	private final TopicRepository topics;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final TaxonomyUpgrade upgrade;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong versions = new AtomicLong();

	private volatile Snapshot snapshot;

	private volatile boolean changedAtStartup;

	TopicCatalog(TopicRepository topics, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, TaxonomyUpgrade upgrade) {
		this.topics = topics;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.upgrade = upgrade;
	}

	/**
	 * The taxonomy in use, its version (local, grows with every reload), the revision in
	 * the database it was read at, and its (lazily built, cached) extractor.
	 */
	record Snapshot(long version, long revision, Taxonomy taxonomy, Map<String, List<Topic>> byKey,
			Supplier<TopicExtractor> extractorSupplier) {

		TopicExtractor extractor() {
			return this.extractorSupplier.get();
		}

		Optional<Topic> topic(String id) {
			return this.taxonomy.topic(id);
		}

		static Snapshot of(long version, Taxonomy taxonomy) {
			return of(version, 0, taxonomy);
		}

		static Snapshot of(long version, long revision, Taxonomy taxonomy) {
			Map<String, List<Topic>> byKey = new HashMap<>();
			for (Topic topic : taxonomy.topics()) {
				Set<String> keys = new LinkedHashSet<>();
				keys.add(Folding.key(topic.id()));
				topic.names().forEach((name) -> keys.add(Folding.key(name)));
				for (String key : keys) {
					if (!key.isEmpty()) {
						byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(topic);
					}
				}
			}
			byKey.replaceAll((key, list) -> List.copyOf(list));
			return new Snapshot(version, revision, taxonomy, Map.copyOf(byKey),
					memoize(() -> new TopicExtractor(taxonomy)));
		}

		private static Supplier<TopicExtractor> memoize(Supplier<TopicExtractor> build) {
			return new Supplier<>() {

				private volatile TopicExtractor value;

				@Override
				public TopicExtractor get() {
					TopicExtractor result = this.value;
					if (result == null) {
						synchronized (this) {
							result = this.value;
							if (result == null) {
								long started = System.nanoTime();
								result = build.get();
								this.value = result;
								log.debug("Built the topic extractor in {} ms",
										(System.nanoTime() - started) / 1_000_000);
							}
						}
					}
					return result;
				}

			};
		}

	}

	/**
	 * Applies the shipped taxonomy before the web server accepts requests. A broken
	 * taxonomy file stops the start here, naming the file and the entry.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		applyShippedTaxonomy();
		reload();
	}

	/**
	 * Whether this process seeded or upgraded the default taxonomy (stored episodes need
	 * analysis).
	 */
	boolean changedAtStartup() {
		return this.changedAtStartup;
	}

	Snapshot current() {
		Snapshot current = this.snapshot;
		return (current != null) ? current : reload();
	}

	Topic create(Topic topic) {
		checkParent(topic);
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (this.topics.existsById(topic.id())) {
					throw conflict(topic.id());
				}
				this.topics.saveAndFlush(new TopicRow(topic, TopicRow.SOURCE_USER, now()));
				this.upgrade.bumpRevision();
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another request created the same id between the check and the insert.
			throw conflict(topic.id());
		}
		changed();
		return topic;
	}

	Topic replace(Topic topic) {
		checkParent(topic);
		this.transactions.executeWithoutResult((status) -> {
			TopicRow row = this.topics.findById(topic.id())
				.orElseThrow(() -> new NotFoundException("Topic", topic.id()));
			row.update(topic, TopicRow.SOURCE_USER, now());
			this.upgrade.bumpRevision();
		});
		changed();
		return topic;
	}

	void delete(String id) {
		this.transactions.executeWithoutResult((status) -> {
			TopicRow row = this.topics.findById(id).orElseThrow(() -> new NotFoundException("Topic", id));
			if (TopicRow.SOURCE_DEFAULT.equals(row.getSource()) || row.getDefaultVersion() != null
					|| TaxonomyFiles.shipped().taxonomy().topic(id).isPresent()) {
				this.upgrade.deleted(id, now());
			}
			// Its children roll up to its own parent from now on.
			for (TopicRow child : this.topics.findByParentId(id)) {
				child.reparent(row.getParentId());
			}
			// The database deletes the topic's mentions (on delete cascade).
			this.topics.delete(row);
			this.upgrade.bumpRevision();
			this.events.publishEvent(new TopicDeleted(id));
		});
		changed();
	}

	private void changed() {
		Snapshot current = reload();
		this.events.publishEvent(new TaxonomyChanged(current.version()));
	}

	/** Reads the table again; also after a change made around the catalog (tests). */
	synchronized Snapshot reload() {
		Snapshot next = this.transactions.execute((status) -> {
			// The revision first: a change committed in between is seen again later.
			long revision = this.upgrade.revision();
			List<Topic> all = this.topics.findAll().stream().map(TopicRow::toTopic).toList();
			return Snapshot.of(this.versions.incrementAndGet(), revision, new Taxonomy(all));
		});
		this.snapshot = next;
		return next;
	}

	/**
	 * The taxonomy in use after a look at the revision in the database (one row): when
	 * another instance changed the taxonomy, it is read again and a
	 * {@link TaxonomyChanged} asks for re-analysis here too.
	 */
	synchronized Snapshot refreshed() {
		Snapshot current = current();
		long stored = this.upgrade.revision();
		if (stored == current.revision()) {
			return current;
		}
		Snapshot next = reload();
		log.info("Taxonomy revision {} -> {}: changed through another instance, reloaded", current.revision(),
				next.revision());
		this.events.publishEvent(new TaxonomyChanged(next.version()));
		return next;
	}

	private void applyShippedTaxonomy() {
		TaxonomyFiles.Shipped shipped = TaxonomyFiles.shipped();
		try {
			this.upgrade.apply(shipped, now()).ifPresent((result) -> {
				if (result.changed()) {
					this.changedAtStartup = true;
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Only without the state row's lock (a database that ignores FOR UPDATE).
			log.warn("Another process applied the default taxonomy at the same time", ex);
		}
	}

	/** A parent must be a topic, and must not lead back to the topic. */
	private void checkParent(Topic topic) {
		String parent = topic.parent();
		if (parent == null) {
			return;
		}
		Taxonomy taxonomy = current().taxonomy();
		if (parent.equals(topic.id())) {
			throw InvalidInputException.forField("parent", "a topic cannot be its own parent");
		}
		if (taxonomy.topic(parent).isEmpty()) {
			throw InvalidInputException.forField("parent", "'" + parent + "' is no topic");
		}
		if (taxonomy.wouldLoop(topic.id(), parent)) {
			throw InvalidInputException.forField("parent", "'" + parent + "' leads back to '" + topic.id() + "': "
					+ String.join(" -> ", taxonomy.withAncestors(parent)));
		}
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	private static ConflictException conflict(String id) {
		return new ConflictException("Topic '" + id + "' already exists",
				Map.of("existing", "/api/topics/" + id, "id", id));
	}

	/** Published after a committed change of the taxonomy. */
	record TaxonomyChanged(long version) {
	}

}
