package io.podlens.search;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings the index up to date with the database once the application is ready: a new or
 * deleted index directory, or one that missed events, is rebuilt. Searches keep seeing
 * the previous commit until the rebuild commits.
 */
@Component
class IndexBootstrap {

	private final IndexMaintenance search;

	IndexBootstrap(IndexMaintenance search) {
		this.search = search;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		this.search.rebuildIfStale();
	}

}
