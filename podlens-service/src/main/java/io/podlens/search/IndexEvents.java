package io.podlens.search;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodeStored;
import io.podlens.episode.StoredSegment;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the index in step with the database. Listeners run synchronously after the
 * commit, so the request that stored an episode returns only once it is searchable. A
 * failure here leaves the database intact; it is logged and the next start (or
 * {@code POST /api/admin/index/rebuild}) repairs the index.
 */
@Component
class IndexEvents {

	private static final Logger log = LoggerFactory.getLogger(IndexEvents.class);

	private final SegmentSearch search;

	IndexEvents(SegmentSearch search) {
		this.search = search;
	}

	private void index(List<EpisodeStored> events) {
		List<StoredSegment> segments = new ArrayList<>();
		events.forEach((event) -> segments.addAll(event.segments()));
		try {
			this.search.index(segments);
		}
		catch (RuntimeException ex) {
			log.error("Indexing episodes {} failed; rebuild the index to repair it",
					events.stream().map(EpisodeStored::episodeId).toList(), ex);
		}
	}

	/**
	 * Episodes stored in one transaction (one import, or a batch of a bulk import) are
	 * indexed together after its commit: one index update and one index commit per
	 * transaction, not per episode.
	 */
	@EventListener
	void on(EpisodeStored event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			index(List.of(event));
			return;
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.events.add(event);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(EpisodeDeleted event) {
		try {
			this.search.deleteEpisode(event.episodeId());
		}
		catch (RuntimeException ex) {
			log.error("Removing episode {} from the index failed; rebuild the index to repair it", event.episodeId(),
					ex);
		}
	}

	/** The episodes stored by the current transaction, indexed once it has committed. */
	private final class Pending implements TransactionSynchronization {

		private final List<EpisodeStored> events = new ArrayList<>();

		@Override
		public void afterCommit() {
			index(this.events);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(IndexEvents.this);
		}

	}

}
