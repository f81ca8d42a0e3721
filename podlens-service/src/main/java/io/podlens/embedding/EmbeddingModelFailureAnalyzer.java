package io.podlens.embedding;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing or broken embedding model into Spring Boot's start-up report: what is
 * wrong and what to do, instead of a stack trace (registered in
 * {@code META-INF/spring.factories}).
 */
class EmbeddingModelFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddingModelException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddingModelException cause) {
		return new FailureAnalysis(cause.getMessage() + ". Semantic search needs it, so Podlens does not start.",
				cause.action(), cause);
	}

}
