package io.podlens.search;

import org.jspecify.annotations.Nullable;

/**
 * The Solr backend cannot start: Solr is not reachable, the plugin is missing on its
 * nodes, or the collection was made with another configset. Spring Boot's start-up report
 * shows the message and {@link #action()} ({@code SolrSetupFailureAnalyzer}).
 */
public class SolrSetupException extends RuntimeException {

	private final String action;

	SolrSetupException(String message, String action, @Nullable Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/** What the operator can do about it. */
	public String action() {
		return this.action;
	}

}
