package io.podlens.topic;

import java.net.URI;
import java.util.List;

import io.podlens.common.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The taxonomy over HTTP, with mention counts and mentions across episodes. */
@RestController
@RequestMapping(path = "/api/topics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Topics", description = "The topic taxonomy, and where stored episodes mention each topic")
class TopicController {

	private static final int MAX_PAGE_SIZE = 100;

	private static final String TOPIC_EXAMPLE = """
			{"id":"deepseek-r1","name":"DeepSeek-R1","category":"model","kind":"model","parent":"deepseek",
			 "aliases":["DeepSeek R1"],"zhHant":["深度求索R1"],"zhHans":["深度求索R1"],
			 "contextCues":["deepseek","reasoning"],"ambiguous":false}""";

	private static final String VIEW_EXAMPLE = """
			{"id":"gpt","name":"GPT","category":"model","kind":"model-family","parent":"openai","childCount":5,
			 "aliases":["Generative Pre-trained Transformer"],"zhHant":[],"zhHans":[],"contextCues":["openai"],
			 "ambiguous":false,"episodeCount":3,"mentionCount":5,
			 "withDescendants":{"topicCount":7,"episodeCount":12,"mentionCount":41}}""";

	private static final String INCLUDE_CHILDREN = "Also count the mentions of every topic below each topic "
			+ "(`withDescendants`: GPT-4o and GPT-4 count for GPT and for OpenAI)";

	private final TopicService topics;

	TopicController(TopicService topics) {
		this.topics = topics;
	}

	@GetMapping
	@Operation(summary = "List topics",
			description = "Topics of the taxonomy with the number of episodes that mention them and of mentions. "
					+ "`q` matches the id, the name, an alias or a Chinese name, ignoring case, width and "
					+ "Traditional/Simplified script (`q=多模态` finds 多模態). `parent=openai` lists the topics "
					+ "directly below OpenAI; `includeChildren=true` adds the counts of each topic together with "
					+ "all topics below it (`withDescendants`).")
	@ApiResponse(responseCode = "200", description = "Topics by id",
			content = @Content(examples = @ExampleObject(value = "[" + VIEW_EXAMPLE + "]")))
	@ApiResponse(responseCode = "400",
			description = "Unknown category or kind (names the accepted values), or no such parent topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	List<TopicView> list(
			@Parameter(description = "Only this category: model, organization, person, product, concept or theme",
					example = "model") @RequestParam(required = false) String category,
			@Parameter(
					description = "Only this kind, e.g. model-family, lab, company, university, app, tool, "
							+ "framework, hardware, dataset, benchmark",
					example = "model-family") @RequestParam(required = false) String kind,
			@Parameter(description = "Only the topics directly below this topic (its children)",
					example = "openai") @RequestParam(required = false) String parent,
			@Parameter(description = "Part of an id, name, alias or Chinese name",
					example = "gpt") @RequestParam(required = false) String q,
			@Parameter(description = INCLUDE_CHILDREN,
					example = "true") @RequestParam(defaultValue = "false") boolean includeChildren) {
		TopicCategory only = (category != null && !category.isBlank()) ? TopicValidation.category("category", category)
				: null;
		TopicKind onlyKind = (kind != null && !kind.isBlank()) ? TopicValidation.kind("kind", kind) : null;
		String under = (parent != null && !parent.isBlank()) ? parent.strip() : null;
		return this.topics.list(only, onlyKind, under, q, includeChildren);
	}

	@GetMapping("/reanalysis")
	@Operation(summary = "Progress of re-analysis",
			description = "After every change of the taxonomy all stored episodes are analysed again in the "
					+ "background. `taxonomyVersion` grows with every change since the service started; a run "
					+ "that is `done` with the version you saw after your change has applied it. "
					+ "`episodesQueued` counts stored episodes still waiting for their first extraction "
					+ "(extraction waits while a bulk import runs); `episodesPending` the stored episodes whose "
					+ "topics are `pending` (never analysed, or not yet again since the last change), "
					+ "`episodesFailed` those whose last extraction failed.")
	@ApiResponse(responseCode = "200", description = "The current or last run",
			content = @Content(examples = @ExampleObject(value = """
					{"status":"running","episodesTotal":120,"episodesDone":37,
					 "startedAt":"2026-11-28T10:15:00Z","finishedAt":null,"taxonomyVersion":4,"episodesQueued":0,
					 "episodesPending":83,"episodesFailed":0}""")))
	ReanalysisStatus reanalysis() {
		return this.topics.reanalysisStatus();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a topic",
			description = "The topic with its own counts; with `includeChildren=true` also the counts of the topic "
					+ "together with every topic below it (`withDescendants`), e.g. all OpenAI models, products "
					+ "and founders for `openai`.")
	@ApiResponse(responseCode = "200", description = "The topic with its counts",
			content = @Content(examples = @ExampleObject(value = VIEW_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	TopicView get(@Parameter(description = "Topic id", example = "gpt") @PathVariable String id,
			@Parameter(description = INCLUDE_CHILDREN,
					example = "true") @RequestParam(defaultValue = "false") boolean includeChildren) {
		return this.topics.get(id, includeChildren);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a topic",
			description = "Adds a topic to the taxonomy. Put official spellings, abbreviations and well-known written "
					+ "variants in `aliases`, Chinese names in `zhHant` / `zhHans`; mishearings are found by the "
					+ "fuzzy and phonetic layers. Give an ambiguous name `contextCues` (and `ambiguous: true` when a "
					+ "single-word name is also an ordinary word). `parent` (an existing topic) makes the topic "
					+ "count for it with `includeChildren=true`. All stored episodes are then analysed again in the "
					+ "background (see `GET /api/topics/reanalysis`).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "model", value = TOPIC_EXAMPLE)))
	@ApiResponse(responseCode = "201", description = "Added; Location points at the topic")
	@ApiResponse(responseCode = "400",
			description = "Invalid field (named in `field`), such as a parent that is no topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(
							value = """
									{"type":"about:blank","title":"Invalid request","status":400,
									 "detail":"category: 'llm' is not one of model, organization, person, product, concept, theme",
									 "field":"category"}""")))
	@ApiResponse(responseCode = "409", description = "A topic with this id exists",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<TopicView> create(@RequestBody(required = false) TopicRequest request) {
		TopicView created = this.topics.create(TopicValidation.created(request));
		return ResponseEntity.created(URI.create("/api/topics/" + created.id())).body(created);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a topic",
			description = "Replaces the name, category, aliases and context cues of an existing topic (the id "
					+ "stays); `kind`, `parent`, `zhHant`, `zhHans` and `ambiguous` are replaced when given and "
					+ "kept when absent (`\"parent\": \"\"` removes the parent). The topic counts as edited from "
					+ "then on: a new release of the default taxonomy no longer changes it. All stored episodes are "
					+ "then analysed again in the background.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "model", value = TOPIC_EXAMPLE)))
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "400",
			description = "Invalid field (named in `field`), such as a parent that would lead back to the topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such topic (create it with POST)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	TopicView replace(@Parameter(description = "Topic id", example = "deepseek-r1") @PathVariable String id,
			@RequestBody(required = false) TopicRequest request) {
		return this.topics.replace(TopicValidation.replaced(id, request, this.topics.stored(id)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a topic",
			description = "Deletes the topic and its stored mentions; the topics below it move up to its parent. A "
					+ "deleted default topic stays deleted when a new release of the default taxonomy arrives.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Void> delete(@Parameter(description = "Topic id", example = "deepseek-r1") @PathVariable String id) {
		this.topics.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/mentions")
	@Operation(summary = "Mentions of a topic across episodes",
			description = "Newest episodes first (by publication date, episodes without one last, then by import "
					+ "time); within an episode in segment order.")
	@ApiResponse(responseCode = "200", description = "One page of mentions")
	@ApiResponse(responseCode = "400", description = "page or size out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	Paged<TopicMention> mentions(@Parameter(description = "Topic id", example = "gpt-4o") @PathVariable String id,
			@Parameter(description = "0-based page", example = "0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Page size, 1 to 100",
					example = "20") @RequestParam(defaultValue = "20") int size) {
		Paged.validate(page, size, MAX_PAGE_SIZE);
		return this.topics.mentions(id, page, size);
	}

}
