package io.podlens.bulkimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Why one NDJSON line was not stored.
 *
 * @param line 1-based line number in the request body (blank lines count)
 * @param reason what is wrong
 * @param field the request field at fault, when known
 * @param transcriptLine the line inside the transcript document, for unreadable
 * transcripts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportError")
public record ImportError(@Schema(example = "3") long line, @Schema(example = "title: must not be blank") String reason,
		@Schema(example = "title", nullable = true) @Nullable String field,
		@Schema(example = "7", nullable = true) @Nullable Integer transcriptLine) {
}
