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
 * built from it. Seeds the default taxonomy into an empty table at startup. Every change
 * is committed first, then the cache is rebuilt (new version) and a
 * {@link TaxonomyChanged} event asks for the episodes to be analysed again.
 */
@Component
class TopicCatalog implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TopicCatalog.class);

	private final TopicRepository topics;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong versions = new AtomicLong();

	private volatile Snapshot snapshot;

	private volatile boolean seeded;

	TopicCatalog(TopicRepository topics, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events) {
		this.topics = topics;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
	}

	/** The taxonomy in use, its version and its (lazily built, cached) extractor. */
	record Snapshot(long version, Taxonomy taxonomy, Map<String, List<Topic>> byKey,
			Supplier<TopicExtractor> extractorSupplier) {

		TopicExtractor extractor() {
			return this.extractorSupplier.get();
		}

		Optional<Topic> topic(String id) {
			return this.taxonomy.topic(id);
		}

		static Snapshot of(long version, Taxonomy taxonomy) {
			Map<String, List<Topic>> byKey = new HashMap<>();
			for (Topic topic : taxonomy.topics()) {
				Set<String> keys = new LinkedHashSet<>();
				keys.add(Folding.key(topic.name()));
				keys.add(Folding.key(topic.id()));
				topic.aliases().forEach((alias) -> keys.add(Folding.key(alias)));
				for (String key : keys) {
					if (!key.isEmpty()) {
						byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(topic);
					}
				}
			}
			byKey.replaceAll((key, list) -> List.copyOf(list));
			return new Snapshot(version, taxonomy, Map.copyOf(byKey), memoize(() -> new TopicExtractor(taxonomy)));
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

	/** Seeds an empty table before the web server accepts requests. */
	@Override
	public void afterSingletonsInstantiated() {
		seedIfEmpty();
		reload();
	}

	/**
	 * Whether this process seeded the default taxonomy (stored episodes need analysis).
	 */
	boolean seededAtStartup() {
		return this.seeded;
	}

	Snapshot current() {
		Snapshot current = this.snapshot;
		return (current != null) ? current : reload();
	}

	Topic create(Topic topic) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (this.topics.existsById(topic.id())) {
					throw conflict(topic.id());
				}
				this.topics.saveAndFlush(new TopicRow(topic, TopicRow.SOURCE_USER, now()));
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
		this.transactions.executeWithoutResult((status) -> {
			TopicRow row = this.topics.findById(topic.id())
				.orElseThrow(() -> new NotFoundException("Topic", topic.id()));
			row.update(topic, TopicRow.SOURCE_USER, now());
		});
		changed();
		return topic;
	}

	void delete(String id) {
		this.transactions.executeWithoutResult((status) -> {
			TopicRow row = this.topics.findById(id).orElseThrow(() -> new NotFoundException("Topic", id));
			// The database deletes the topic's mentions (on delete cascade).
			this.topics.delete(row);
			this.events.publishEvent(new TopicDeleted(id));
		});
		changed();
	}

	private void changed() {
		Snapshot current = reload();
		this.events.publishEvent(new TaxonomyChanged(current.version()));
	}

	private synchronized Snapshot reload() {
		List<Topic> all = this.transactions
			.execute((status) -> this.topics.findAll().stream().map(TopicRow::toTopic).toList());
		Snapshot next = Snapshot.of(this.versions.incrementAndGet(), new Taxonomy(all));
		this.snapshot = next;
		return next;
	}

	private void seedIfEmpty() {
		try {
			Boolean inserted = this.transactions.execute((status) -> {
				if (this.topics.count() > 0) {
					return false;
				}
				Instant now = now();
				this.topics.saveAll(Taxonomy.defaultTaxonomy()
					.topics()
					.stream()
					.map((topic) -> new TopicRow(topic, TopicRow.SOURCE_DEFAULT, now))
					.toList());
				return true;
			});
			if (Boolean.TRUE.equals(inserted)) {
				this.seeded = true;
				log.info("Stored the default taxonomy ({} topics)", Taxonomy.defaultTaxonomy().topics().size());
			}
		}
		catch (DataIntegrityViolationException ex) {
			log.debug("Another process seeded the taxonomy first", ex);
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
