package io.podlens.search;

import io.podlens.embedding.SegmentsEmbedded;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes segments' documents again once the embedding feature has stored their vectors,
 * after the commit, on the embedding thread. Like {@link IndexEvents}, failures are not
 * caught: the event publication registry keeps the event and hands it over again later;
 * rewriting a segment's document is idempotent.
 */
@Component
class VectorIndexEvents {

	private final IndexMaintenance search;

	private final DeletedEpisodes deleted;

	VectorIndexEvents(IndexMaintenance search, DeletedEpisodes deleted) {
		this.search = search;
		this.deleted = deleted;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SegmentsEmbedded event) {
		// an episode deleted after its segments were read here would get its documents
		// back from this write: drop them again, as the other writers do
		this.deleted.dropDeleted(this.search.reindexSegments(event.segmentIds()));
	}

}
