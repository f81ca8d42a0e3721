package io.podlens.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work handed to another thread (a query's embedding), as if done here. */
final class Futures {

	private Futures() {
	}

	/** The result, or the work's own runtime exception rather than its wrapper. */
	static <T> T await(CompletableFuture<T> work) {
		try {
			return work.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
