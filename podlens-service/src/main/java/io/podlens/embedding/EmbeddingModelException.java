package io.podlens.embedding;

/**
 * The embedding model cannot be loaded or does not work: raised while the application
 * starts, so that a missing or broken model stops the start with a clear message
 * ({@link EmbeddingModelFailureAnalyzer}) instead of failing searches later.
 */
class EmbeddingModelException extends RuntimeException {

	private final String action;

	EmbeddingModelException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	EmbeddingModelException(String message, String action) {
		super(message);
		this.action = action;
	}

	/** What the operator can do about it. */
	String action() {
		return this.action;
	}

}
