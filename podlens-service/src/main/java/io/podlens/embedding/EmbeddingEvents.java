package io.podlens.embedding;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodesStored;
import io.podlens.episode.SegmentSource;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts embedding when episodes are stored. The stored listener is transactional, so the
 * event publication registry records it in the transaction that stored the episodes; it
 * only queues the ids and returns the future of their embedding, which the registry waits
 * for before it completes the publication (see {@code common.EventRetry} for retries and
 * restarts). An import's 201 never waits for it.
 */
class EmbeddingEvents {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingEvents.class);

	private final EmbeddingWorker worker;

	private final EmbeddingStore store;

	private final SegmentSource source;

	private final EpisodeCatalog episodes;

	private final String model;

	EmbeddingEvents(EmbeddingWorker worker, EmbeddingStore store, SegmentSource source, EpisodeCatalog episodes,
			String model) {
		this.worker = worker;
		this.store = store;
		this.source = source;
		this.episodes = episodes;
		this.model = model;
	}

	@TransactionalEventListener(fallbackExecution = true)
	CompletableFuture<Void> on(EpisodesStored event) {
		this.worker.imported();
		return this.worker.enqueue(event.episodeIds());
	}

	/** The database has already deleted the rows (on delete cascade). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(EpisodeDeleted event) {
		this.worker.forget(event.episodeId());
	}

	/**
	 * Segments stored while embedding was off, or before the model was changed, have no
	 * vector of this model and no publication: queue every episode (those done already
	 * cost a read).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		long segments = this.source.segmentCount();
		long embedded = this.store.embeddedCount(this.model);
		if (embedded < segments) {
			log.info("{} of {} segments have no vector of {} yet; embedding them in the background",
					segments - embedded, segments, this.model);
			this.worker.enqueue(this.episodes.ids());
		}
	}

}
