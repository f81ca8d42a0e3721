package io.podlens.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodeStored;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

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

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(EpisodeStored event) {
		try {
			this.search.index(event.segments());
		}
		catch (RuntimeException ex) {
			log.error("Indexing episode {} failed; rebuild the index to repair it", event.episodeId(), ex);
		}
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

}
