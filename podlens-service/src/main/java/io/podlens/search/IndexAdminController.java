package io.podlens.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Maintenance of the search index. */
@RestController
@RequestMapping(path = "/api/admin/index", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Index administration", description = "State and rebuild of the search index")
class IndexAdminController {

	private final SegmentSearch search;

	IndexAdminController(SegmentSearch search) {
		this.search = search;
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Rebuild the search index", description = """
			Re-creates the index from the segments in the database, streaming them in batches \
			into a fresh index that replaces the previous one in one step once complete: \
			searches keep answering from the previous index until then. The same rebuild runs \
			at startup when the index is missing, behind the database or of an old schema.""")
	@ApiResponse(responseCode = "200", description = "Number of segments indexed and duration")
	@ApiResponse(responseCode = "500", description = "The rebuild failed; the previous index stays in place",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	RebuildReport rebuild() {
		return this.search.rebuild();
	}

	@GetMapping
	@Operation(summary = "Index state",
			description = "Number of indexed segments and the highest indexed segment id, as searches see them.")
	@ApiResponse(responseCode = "200", description = "Document count and highest segment id")
	IndexStats stats() {
		return this.search.stats();
	}

}
