package io.podlens.bulkimport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One bulk import: the spooled request body and its progress. Written by the one worker
 * thread, read by any request thread, hence synchronized.
 */
final class ImportJob {

	enum Status {

		RUNNING, DONE, FAILED

	}

	private final String id;

	private final Path file;

	private final long total;

	private final Instant startedAt;

	private final Clock clock;

	private final int keptErrors;

	private final List<ImportError> errors = new ArrayList<>();

	private Status status = Status.RUNNING;

	private long done;

	private long failed;

	private long segments;

	private @Nullable Instant finishedAt;

	private @Nullable String message;

	ImportJob(String id, Path file, long total, Clock clock, int keptErrors) {
		this.id = id;
		this.file = file;
		this.total = total;
		this.clock = clock;
		this.startedAt = clock.instant();
		this.keptErrors = keptErrors;
	}

	String id() {
		return this.id;
	}

	Path file() {
		return this.file;
	}

	synchronized void stored(int episodes, long segments) {
		this.done += episodes;
		this.segments += segments;
	}

	synchronized void failed(ImportError error) {
		this.failed++;
		if (this.errors.size() < this.keptErrors) {
			this.errors.add(error);
		}
	}

	synchronized void finish() {
		this.status = Status.DONE;
		this.finishedAt = this.clock.instant();
	}

	synchronized void abort(String message) {
		this.status = Status.FAILED;
		this.message = message;
		this.finishedAt = this.clock.instant();
	}

	synchronized boolean finished() {
		return this.status != Status.RUNNING;
	}

	synchronized ImportJobView view() {
		Instant until = (this.finishedAt != null) ? this.finishedAt : this.clock.instant();
		double seconds = Math.max(Duration.between(this.startedAt, until).toNanos() / 1e9, 1e-3);
		long handled = this.done + this.failed;
		Long eta = null;
		if (this.status == Status.RUNNING && handled > 0) {
			eta = Math.round((this.total - handled) * seconds / handled);
		}
		// Batches are stored concurrently, so failures arrive slightly out of order.
		List<ImportError> byLine = this.errors.stream().sorted(Comparator.comparingLong(ImportError::line)).toList();
		return new ImportJobView(this.id, this.status.name().toLowerCase(), this.total, this.done, this.failed,
				this.segments, byLine, this.failed - this.errors.size(), this.startedAt, this.finishedAt,
				Math.round(this.segments / seconds * 10) / 10.0, eta, this.message);
	}

}
