package io.podlens.topic;

import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodeStored;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts extraction when an episode is stored (after the commit, in the background) and
 * re-analysis when the taxonomy changes.
 */
@Component
class TopicEvents {

	private final TopicWorker worker;

	private final TopicCatalog catalog;

	private final EpisodeTable episodes;

	TopicEvents(TopicWorker worker, TopicCatalog catalog, EpisodeTable episodes) {
		this.worker = worker;
		this.catalog = catalog;
		this.episodes = episodes;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(EpisodeStored event) {
		this.worker.enqueue(event.episodeId());
	}

	/** The database has already deleted the mentions (on delete cascade). */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(EpisodeDeleted event) {
		this.worker.forget(event.episodeId());
	}

	@EventListener
	void on(TopicCatalog.TaxonomyChanged event) {
		this.worker.requestReanalysis();
	}

	/**
	 * Episodes stored before the taxonomy was seeded have no mentions yet; episodes
	 * queued when the service stopped (the queue lives in memory) are resumed.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (this.catalog.seededAtStartup() && !this.episodes.ids().isEmpty()) {
			this.worker.requestReanalysis();
			return;
		}
		this.episodes.unanalysedIds().forEach(this.worker::enqueue);
	}

}
