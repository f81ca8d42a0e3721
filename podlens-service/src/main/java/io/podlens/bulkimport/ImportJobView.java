package io.podlens.bulkimport;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Progress of a bulk import.
 *
 * @param id job id
 * @param status running, done (every line handled, some may have failed) or failed (the
 * job itself broke off)
 * @param total non-blank lines received
 * @param done lines stored as episodes
 * @param failed lines not stored, each explained in {@code errors}
 * @param segments segments stored so far
 * @param errors the failed lines (the first {@code podlens.import.kept-errors})
 * @param errorsOmitted failed lines beyond those listed
 * @param segmentsPerSec segments stored per second since the start
 * @param etaSeconds estimated seconds to finish, null once finished
 * @param message why the job failed, when it did
 */
@Schema(name = "ImportJob")
public record ImportJobView(@Schema(example = "6f1c2a7e-4b1d-4c55-9d93-0c7b1f0a3e11") String id,
		@Schema(example = "running", allowableValues = {
				"running", "done", "failed" }) String status,
		@Schema(example = "1000") long total, @Schema(example = "640") long done, @Schema(example = "2") long failed,
		@Schema(example = "38400") long segments, List<ImportError> errors, @Schema(example = "0") long errorsOmitted,
		Instant startedAt, @Schema(nullable = true) @Nullable Instant finishedAt,
		@Schema(example = "12500.0") double segmentsPerSec,
		@Schema(example = "3", nullable = true) @Nullable Long etaSeconds,
		@Schema(nullable = true) @Nullable String message){
}
