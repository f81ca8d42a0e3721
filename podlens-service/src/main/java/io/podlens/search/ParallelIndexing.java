package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that analyse the documents of large writes: IndexWriter analyses documents
 * added from several threads in parallel, so a bulk-import batch or a rebuild spreads its
 * documents over them while the caller reads the next batch.
 */
final class ParallelIndexing implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ParallelIndexing.class);

	private final int threads;

	private final ExecutorService executor;

	ParallelIndexing(int threads) {
		this.threads = threads;
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "lucene-index-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	int threads() {
		return this.threads;
	}

	/**
	 * Starts one write's pieces of work.
	 * @param inline run every piece on the calling thread
	 */
	Batch start(boolean inline) {
		return new Batch(inline || this.threads == 1);
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One piece of index work; returns the writer's sequence number of its last change.
	 */
	@FunctionalInterface
	interface Piece {

		long run() throws IOException;

	}

	/**
	 * The pieces of one write. At most {@code threads} are in flight; {@link #run} waits
	 * for a free slot, {@link #await} for all, rethrowing the first failure.
	 */
	final class Batch {

		private final Semaphore slots = new Semaphore(ParallelIndexing.this.threads);

		private final List<Future<?>> running = new ArrayList<>();

		private final AtomicLong generation = new AtomicLong(-1);

		private final boolean inline;

		private Batch(boolean inline) {
			this.inline = inline;
		}

		void run(Piece piece) {
			if (this.inline) {
				call(piece);
				return;
			}
			this.slots.acquireUninterruptibly();
			this.running.add(ParallelIndexing.this.executor.submit(() -> {
				try {
					call(piece);
				}
				finally {
					this.slots.release();
				}
			}));
		}

		/**
		 * Waits for every piece; a failure of one is logged, for a write failing anyway.
		 */
		void awaitQuietly() {
			try {
				await();
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Indexing failed while the write was failing anyway", ex);
			}
		}

		/**
		 * @return the highest sequence number of the pieces, -1 when none changed
		 * anything
		 */
		long await() throws IOException {
			RuntimeException failure = null;
			for (Future<?> piece : this.running) {
				try {
					piece.get();
				}
				catch (ExecutionException ex) {
					if (failure == null) {
						failure = (ex.getCause() instanceof RuntimeException re) ? re
								: new IllegalStateException(ex.getCause());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("Interrupted while indexing", ex);
				}
			}
			if (failure instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			if (failure != null) {
				throw failure;
			}
			return this.generation.get();
		}

		private void call(Piece piece) {
			try {
				long seq = piece.run();
				this.generation.accumulateAndGet(seq, Math::max);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
