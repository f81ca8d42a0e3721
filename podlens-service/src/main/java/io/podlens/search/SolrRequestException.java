package io.podlens.search;

import org.jspecify.annotations.Nullable;

/**
 * A request to Solr that failed: no node answered, or Solr answered with an error. Not
 * caught by the index listeners: the event publication stays incomplete and is retried.
 */
class SolrRequestException extends RuntimeException {

	private final int status;

	SolrRequestException(String message, int status, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The HTTP status Solr answered, 0 when none answered. */
	int status() {
		return this.status;
	}

}
