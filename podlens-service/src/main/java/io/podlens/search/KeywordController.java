package io.podlens.search;

import java.util.List;

import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
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

/** The words that set an episode apart, from the index statistics. */
@RestController
@Tag(name = "Analysis", description = "The shape of an episode: themes, sponsor reads, chapters, keywords, timeline")
class KeywordController {

	private static final int MAX_LIMIT = 200;

	private final SegmentSearch search;

	KeywordController(SegmentSearch search) {
		this.search = search;
	}

	@GetMapping(path = "/api/episodes/{id}/keywords", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Keywords of an episode", description = """
			The words that characterise this episode against the whole corpus: how often the episode \
			says a word, weighed against how many segments of all episodes contain it (TF-IDF over the \
			search index). Whole words only: Chinese is split by ICU's dictionary, so no half-word \
			pairs; function words are left out. Each term is shown as the episode most often writes it.""")
	@ApiResponse(responseCode = "200", description = "Keywords, best first")
	@ApiResponse(responseCode = "400", description = "limit out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	List<Keyword> keywords(@Parameter(description = "Episode id", example = "1") @PathVariable long id,
			@Parameter(description = "How many keywords, 1 to 200",
					example = "20") @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidInputException.forField("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		return this.search.keywords(id, limit).orElseThrow(() -> new NotFoundException("Episode", id));
	}

}
