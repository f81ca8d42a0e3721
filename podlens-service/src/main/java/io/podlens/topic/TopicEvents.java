package io.podlens.topic;

import java.util.concurrent.CompletableFuture;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodesStored;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts extraction when episodes are stored and re-analysis when the taxonomy changes.
 * <p>
 * Both episode listeners are transactional, so the event publication registry records
 * them in the transaction that stored (or deleted) the episodes. The stored listener only
 * queues the ids (it runs after the commit, on the committing thread) and returns the
 * future of their analysis: the registry marks the publication complete when that
 * completes, so episodes still queued when the service stops are resubmitted at the next
 * start, and a failed analysis is resubmitted later (see {@code common.EventRetry}).
 */
@Component
class TopicEvents {

	private final TopicWorker worker;

	private final TopicCatalog catalog;

	private final EpisodeCatalog episodes;

	private final TopicStates states;

	private final TopicAnalysis analysis;

	TopicEvents(TopicWorker worker, TopicCatalog catalog, EpisodeCatalog episodes, TopicStates states,
			TopicAnalysis analysis) {
		this.states = states;
		this.worker = worker;
		this.catalog = catalog;
		this.episodes = episodes;
		this.analysis = analysis;
	}

	@TransactionalEventListener(fallbackExecution = true)
	CompletableFuture<Void> on(EpisodesStored event) {
		return this.worker.enqueue(event.episodeIds());
	}

	/** The database has already deleted the mentions (on delete cascade). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(EpisodeDeleted event) {
		this.worker.forget(event.episodeId());
	}

	@EventListener
	void on(TopicCatalog.TaxonomyChanged event) {
		this.worker.requestReanalysis();
	}

	/**
	 * Episodes stored before the taxonomy was seeded have no mentions yet; after an
	 * upgrade of the default taxonomy their mentions are of the old one; a re-analysis
	 * cut off by a stop left episodes still stale, whose mentions are older than the
	 * taxonomy's revision.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (((this.catalog.changedAtStartup() || this.states.anyStale()) && !this.episodes.ids().isEmpty())
				|| this.analysis.countToDo(this.catalog.current().revision()) > 0) {
			this.worker.requestReanalysis();
		}
	}

}
