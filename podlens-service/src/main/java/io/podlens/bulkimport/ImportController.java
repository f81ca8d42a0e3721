package io.podlens.bulkimport;

import java.io.InputStream;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bulk import", description = "Import many episodes at once as NDJSON, in the background")
class ImportController {

	static final String NDJSON = "application/x-ndjson";

	static final String JSONL = "application/jsonl";

	private final ImportJobs jobs;

	ImportController(ImportJobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping(consumes = { NDJSON, JSONL, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Start a bulk import", description = """
			The body is NDJSON: one episode per line, each in the JSON shape of POST /api/episodes. \
			The body is streamed into the database and answered with 202 and the job; the episodes are then \
			validated line by line and stored in batches. A bad line fails alone and is reported \
			with its line number; the others are stored and searchable. Poll the Location for progress.""")
	@ApiResponse(responseCode = "202", description = "Accepted; Location points at the job")
	@ApiResponse(responseCode = "413", description = "Body larger than podlens.import.max-body-size (8 GB)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "Not application/x-ndjson, application/jsonl or text/plain",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "Too many imports are queued",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = NDJSON, examples = @ExampleObject(
					value = """
							{"title":"Ep. 1","podcast":"Tech Wave","externalId":"ep1","transcript":{"format":"auto","content":"(00:00~00:05) Hello"}}
							{"title":"Ep. 2","podcast":"Tech Wave","segments":[{"startMs":0,"endMs":4000,"text":"今天聊多模態模型"}]}""")))
	ResponseEntity<ImportJobView> start(InputStream body,
			@RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength) {
		ImportJobView job = this.jobs.start(body, (contentLength != null) ? contentLength : -1);
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Progress of a bulk import",
			description = "Lines stored and failed (with line numbers and reasons), rate and estimated time left. "
					+ "Jobs live in the database: any instance answers, and a job cut off by a stop or a crash "
					+ "resumes where it was (within podlens.import.lease) without storing a line twice.")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "404", description = "No such job",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ImportJobView get(@Parameter(description = "Job id") @PathVariable String id) {
		return this.jobs.get(id);
	}

}
