package io.podlens.search;

import io.podlens.episode.BulkIndexing;

import org.springframework.stereotype.Component;

/** {@link BulkIndexing} on whichever search backend runs. */
@Component
class SearchBulkIndexing implements BulkIndexing {

	private final SegmentSearch search;

	SearchBulkIndexing(SegmentSearch search) {
		this.search = search;
	}

	@Override
	public void flush() {
		this.search.flush();
	}

}
