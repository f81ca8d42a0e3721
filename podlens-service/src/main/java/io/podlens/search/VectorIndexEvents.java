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

	VectorIndexEvents(IndexMaintenance search) {
		this.search = search;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SegmentsEmbedded event) {
		this.search.reindexSegments(event.segmentIds());
	}

}
