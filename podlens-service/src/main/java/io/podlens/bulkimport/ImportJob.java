package io.podlens.bulkimport;

import java.io.InputStream;
import java.time.Clock;
import java.util.BitSet;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk import this instance has claimed and works on: its input, the lines handled
 * before (by this instance or one that crashed), and the recording of progress. Progress
 * of stored lines is written in the transaction that stores their episodes, so a resumed
 * job neither loses nor repeats a line.
 */
final class ImportJob {

	private final String id;

	private final String owner;

	private final ImportJobStore store;

	private final TransactionTemplate transactions;

	private final BitSet handled;

	private final Clock clock;

	private volatile boolean lost;

	ImportJob(String id, String owner, ImportJobStore store, TransactionTemplate transactions, Clock clock) {
		this.id = id;
		this.owner = owner;
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.handled = store.handledLines(id);
	}

	String id() {
		return this.id;
	}

	InputStream open() {
		return this.store.openInput(this.id);
	}

	/** Lines stored or failed before this instance claimed the job. */
	int handledCount() {
		return this.handled.cardinality();
	}

	/** Whether the line was stored or failed before (the job is being resumed). */
	boolean handled(long line) {
		return this.handled.get(Math.toIntExact(line));
	}

	/**
	 * Runs {@code storing} (the episodes of {@code lines}) and records the lines in one
	 * transaction.
	 */
	void store(List<Long> lines, long segments, Runnable storing) {
		checkClaim();
		this.transactions.executeWithoutResult((status) -> {
			storing.run();
			this.store.recordStored(this.id, this.owner, lines, segments);
		});
	}

	void failed(ImportError error) {
		checkClaim();
		this.transactions.executeWithoutResult((status) -> this.store.recordFailed(this.id, this.owner, error));
	}

	void finish() {
		this.store.finish(this.id, this.owner, ImportJobStore.DONE, null, this.clock.instant());
	}

	void abort(String message) {
		this.store.finish(this.id, this.owner, ImportJobStore.FAILED, message, this.clock.instant());
	}

	/** The lease could not be renewed: another instance may take the job over. */
	void lose() {
		this.lost = true;
	}

	/**
	 * @throws ImportJobStore.LostClaimException once the claim is lost, so that the
	 * runner stops without writing more
	 */
	void checkClaim() {
		if (this.lost) {
			throw new ImportJobStore.LostClaimException(this.id);
		}
	}

}
