package io.podlens.search;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed Solr set-up into Spring Boot's start-up report: what is wrong and what
 * to do, instead of a stack trace (registered in {@code META-INF/spring.factories}).
 */
class SolrSetupFailureAnalyzer extends AbstractFailureAnalyzer<SolrSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SolrSetupException cause) {
		return new FailureAnalysis(cause.getMessage() + ". Search runs on Solr (podlens.search.backend=solr), "
				+ "so Podlens does not start.", cause.action(), cause);
	}

}
