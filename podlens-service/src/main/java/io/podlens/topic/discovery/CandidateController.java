package io.podlens.topic.discovery;

import io.podlens.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/topics/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Topic candidates",
		description = "Names the episodes use that are in no taxonomy, for review: accept one as a topic (or as "
				+ "names of a topic), or reject it")
class CandidateController {

	static final int MAX_PAGE_SIZE = 100;

	private static final String CANDIDATE_EXAMPLE = """
			{"id": 351, "name": "Zenlytic", "status": "open", "kinds": ["capitalized"], "mentionCount": 7,
			 "episodeCount": 1, "variants": [{"surface": "Zenlytic", "count": 7}],
			 "episodes": [{"episodeId": 12, "title": "Data Engineering", "count": 7}],
			 "contexts": [{"episodeId": 12, "segmentId": 40871, "segmentIndex": 57, "startMs": 301000,
			   "endMs": 306500, "surface": "Zenlytic", "text": "and that's why we built Zenlytic to answer questions"}],
			 "probably": null, "topicId": null, "decidedAt": null}""";

	private static final String PAGE_EXAMPLE = "{\"items\": [" + CANDIDATE_EXAMPLE
			+ "], \"page\": 0, \"size\": 20, \"total\": 1}";

	private static final String ACCEPTED_EXAMPLE = """
			{"id": 351, "name": "Zenlytic", "status": "accepted", "kinds": ["capitalized"], "mentionCount": 7,
			 "episodeCount": 1, "variants": [{"surface": "Zenlytic", "count": 7}], "episodes": [], "contexts": [],
			 "probably": null, "topicId": "zenlytic", "decidedAt": "2026-12-02T10:15:30Z"}""";

	private final CandidateService candidates;

	CandidateController(CandidateService candidates) {
		this.candidates = candidates;
	}

	@GetMapping
	@Operation(summary = "Candidate names for new topics",
			description = "Forms that look like names (Latin words in Chinese speech, model-like tokens such as "
					+ "Qwen2.5 or o3-mini, capitalised names in English, Chinese person names and names written by "
					+ "sound in Chinese characters) that no topic matched, counted over all episodes, their variants "
					+ "grouped by sound. Most occurrences first. Open candidates are listed from "
					+ "`podlens.topics.discovery.min-mentions` occurrences (3 by default) unless `minMentions` says "
					+ "otherwise. `probably` names the existing topic the candidate sounds like, when one does.")
	@ApiResponse(responseCode = "200", description = "One page of candidates",
			content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Bad status, minMentions, page or size (named in `field`)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	Paged<CandidateView> list(
			@Parameter(description = "open (the default), accepted or rejected",
					example = "open") @RequestParam(required = false) @Nullable String status,
			@Parameter(
					description = "Fewest occurrences over all episodes; the configured minimum for open "
							+ "candidates, 1 for the others, by default",
					example = "3") @RequestParam(required = false) @Nullable Integer minMentions,
			@Parameter(description = "0-based page", example = "0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Page size, 1 to 100",
					example = "20") @RequestParam(defaultValue = "20") int size) {
		Paged.validate(page, size, MAX_PAGE_SIZE);
		return this.candidates.list(status, minMentions, page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One candidate",
			description = "A candidate of any status with its counts, variants, " + "episodes and contexts.")
	@ApiResponse(responseCode = "200", description = "The candidate",
			content = @Content(examples = @ExampleObject(name = "candidate", value = CANDIDATE_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such candidate",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	CandidateView get(@Parameter(description = "Candidate id", example = "351") @PathVariable long id) {
		return this.candidates.get(id);
	}

	@PostMapping(path = "/{id}/accept")
	@Operation(summary = "Accept a candidate",
			description = "Without a body (or with `id`, `name`, `category`, `kind`, all optional) the candidate "
					+ "becomes a new topic: named by its most frequent form, its other forms as aliases and Chinese "
					+ "names, id from the name, category person for Chinese and transliterated names, model for "
					+ "model-like forms and organization otherwise. With `topicId` alone its forms become names of "
					+ "that existing topic. Either way the taxonomy changes as with `POST`/`PUT /api/topics`, and "
					+ "the stored episodes are analysed again in the background (see `GET /api/topics/reanalysis`), "
					+ "after which its forms are mentions of the topic.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
			content = @Content(examples = {
					@ExampleObject(name = "new topic",
							value = "{\"category\": \"organization\", \"kind\": \"company\"}"),
					@ExampleObject(name = "alias of a topic", value = "{\"topicId\": \"gpt-4o\"}") }))
	@ApiResponse(responseCode = "200", description = "Accepted: the candidate with its topic",
			content = @Content(examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
	@ApiResponse(responseCode = "400",
			description = "Bad field (named in `field`): no such topicId, topicId together with new-topic fields, an "
					+ "invalid id, category or kind",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such candidate",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409",
			description = "Already accepted or rejected, or a topic with the new id exists (use `topicId`)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	CandidateView accept(@Parameter(description = "Candidate id", example = "351") @PathVariable long id,
			@RequestBody(required = false) @Nullable AcceptRequest request) {
		return this.candidates.accept(id, request);
	}

	@PostMapping(path = "/{id}/reject")
	@Operation(summary = "Reject a candidate",
			description = "Hides the candidate: it is no longer listed as open, also when its forms (or forms that "
					+ "sound the same) occur again in new episodes. `GET ?status=rejected` lists rejected ones.")
	@ApiResponse(responseCode = "200", description = "Rejected")
	@ApiResponse(responseCode = "404", description = "No such candidate",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Already accepted or rejected",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	CandidateView reject(@Parameter(description = "Candidate id", example = "351") @PathVariable long id) {
		return this.candidates.reject(id);
	}

}
