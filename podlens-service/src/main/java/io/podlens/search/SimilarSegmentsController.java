package io.podlens.search;

import io.podlens.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "More like this moment": segments of other episodes about the same thing. */
@RestController
@Tag(name = "Search", description = "Full-text search over transcript segments (Chinese and English)")
class SimilarSegmentsController {

	private final SegmentSearch search;

	SimilarSegmentsController(SegmentSearch search) {
		this.search = search;
	}

	@GetMapping(path = "/api/episodes/{id}/segments/{index}/similar", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Segments like this one", description = """
			Segments of other episodes that talk about what this segment (with the seconds after it) \\
			talks about, in any language: the nearest by embedding, best first, each with its cosine \\
			similarity (semanticScore). Embeddings are computed in the background after an import; \\
			until this segment has one the answer is 409.""")
	@ApiResponse(responseCode = "200", description = "The segment and the nearest segments of other episodes")
	@ApiResponse(responseCode = "400", description = "size out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such episode, or no segment at that index",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409",
			description = "The segment has no embedding yet (try again later), or embeddings are disabled",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	SimilarSegments similar(@Parameter(description = "Episode id", example = "1") @PathVariable long id,
			@Parameter(description = "0-based position of the segment in the episode",
					example = "12") @PathVariable int index,
			@Parameter(description = "How many segments, 1 to 100",
					example = "10") @RequestParam(defaultValue = "10") int size) {
		if (size < 1 || size > SearchQuery.MAX_SIZE) {
			throw InvalidInputException.forField("size",
					"must be between 1 and " + SearchQuery.MAX_SIZE + ", was " + size);
		}
		if (index < 0) {
			throw InvalidInputException.forField("index", "must be 0 or greater, was " + index);
		}
		return this.search.similar(id, index, size);
	}

}
