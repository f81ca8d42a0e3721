package io.podlens.bulkimport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The progress of a job as the API shows it: counts, rate, estimate and failed lines. */
final class ImportProgress {

	private ImportProgress() {
	}

	/**
	 * @param row the job's row
	 * @param errors its first failed lines, by line
	 * @param now the time of the answer
	 */
	static ImportJobView view(ImportJobStore.JobRow row, List<ImportError> errors, Instant now) {
		boolean finished = row.status().equals(ImportJobStore.DONE) || row.status().equals(ImportJobStore.FAILED);
		// Waiting or being received counts as running: the client polls until done.
		String status = finished ? row.status() : ImportJobStore.RUNNING;
		Instant started = (row.startedAt() != null) ? row.startedAt() : row.createdAt();
		Instant until = (row.finishedAt() != null) ? row.finishedAt() : now;
		double seconds = Math.max(Duration.between(started, until).toNanos() / 1e9, 1e-3);
		long handled = row.done() + row.failed();
		Long eta = null;
		if (!finished && handled > 0 && row.startedAt() != null) {
			eta = Math.round((row.total() - handled) * seconds / handled);
		}
		return new ImportJobView(row.id(), status, row.total(), row.done(), row.failed(), row.segments(), errors,
				row.failed() - errors.size(), started, row.finishedAt(),
				Math.round(row.segments() / seconds * 10) / 10.0, eta, row.message());
	}

}
