package io.podlens.topic;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The topics of one episode. */
@RestController
@RequestMapping(path = "/api/episodes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Topics", description = "The topic taxonomy, and where stored episodes mention each topic")
class EpisodeTopicController {

	/** Seconds a client is asked to wait before asking again while topics are pending. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final String READY_EXAMPLE = """
			{"episodeId":1,"status":"ready","analysedAt":"2026-11-28T21:03:14.120Z","detail":null,
			 "topics":[{"topic":{"id":"gpt-4o","name":"GPT-4o","category":"model","kind":"model","parent":"gpt"},"count":2,
			   "mentions":[{"segmentIndex":3,"startMs":195000,"endMs":250000,"charStart":12,"charEnd":18,
			                "surface":"GBT-4O","matchedBy":"fuzzy","confidence":0.75}, ...]}],
			 "newNames":[{"candidateId":12,"name":"Nadia Quenby","category":"person","count":4,
			   "mentions":[{"segmentIndex":0,"startMs":0,"endMs":6000,"charStart":35,"charEnd":47,
			                "surface":"Nadia Quenby","confidence":0.85},
			               {"segmentIndex":1,"startMs":6000,"endMs":9000,"charStart":4,"charEnd":9,
			                "surface":"Nadia","confidence":0.75}, ...]}]}""";

	private static final String PENDING_EXAMPLE = """
			{"episodeId":1,"status":"pending","analysedAt":null,
			 "detail":"Topic extraction is queued or under way; ask again in a few seconds.","topics":[],"newNames":[]}""";

	private static final String REANALYSING_EXAMPLE = """
			{"episodeId":1,"status":"pending","analysedAt":"2026-11-28T21:03:14.120Z",
			 "detail":"The taxonomy changed: the episode is being analysed again; until then the topics are those of the previous taxonomy.",
			 "topics":[{"topic":{"id":"gpt-4o","name":"GPT-4o","category":"model","kind":"model","parent":"gpt"},"count":2,
			   "mentions":[...]}],"newNames":[]}""";

	private static final String FAILED_EXAMPLE = """
			{"episodeId":1,"status":"failed","analysedAt":null,
			 "detail":"The last topic extraction failed; POST /api/episodes/1/analysis runs it again (a failed first extraction is also retried in the background).",
			 "topics":[],"newNames":[]}""";

	private final TopicService topics;

	EpisodeTopicController(TopicService topics) {
		this.topics = topics;
	}

	@GetMapping("/topics")
	@Operation(summary = "Topics of an episode",
			description = "The topics the episode mentions, most mentioned first (on a tie, the one with the higher "
					+ "mean confidence first), each with its mentions in segment order: the "
					+ "segment, the words as written (`surface`), how they matched (`exact`, `alias`, `fuzzy`, "
					+ "`phonetic`) and a confidence. `status` says whether they can be read yet: extraction runs in "
					+ "the background after an import and again after every taxonomy change, so an episode is "
					+ "`pending` until it is done (then `ready`; `failed` if it failed). Only a `ready` `[]` means "
					+ "the episode mentions no topic. While pending the answer carries `Retry-After` (seconds) and "
					+ "`Cache-Control: no-store`; `POST .../analysis` runs the extraction at once. `newNames` lists "
					+ "names in no taxonomy that the episode introduces (people named in full, then by the first "
					+ "name: hosts and guests; organisations a speaker works for), each with its references and the `candidateId` to accept or "
					+ "reject at `/api/topics/candidates/{candidateId}`; accepted or rejected, a name leaves "
					+ "this list.")
	@ApiResponse(responseCode = "200",
			description = "The topics and their status (always 200 for an existing episode; read `status`)",
			headers = @Header(name = HttpHeaders.RETRY_AFTER,
					description = "Only while `status` is `pending`: seconds to wait before asking again",
					schema = @Schema(type = "integer", example = "5")),
			content = @Content(schema = @Schema(implementation = EpisodeTopics.class),
					examples = { @ExampleObject(name = "ready", value = READY_EXAMPLE),
							@ExampleObject(name = "pending", summary = "just imported", value = PENDING_EXAMPLE),
							@ExampleObject(name = "reanalysing", summary = "pending again after a taxonomy change",
									value = REANALYSING_EXAMPLE),
							@ExampleObject(name = "failed", value = FAILED_EXAMPLE) }))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<EpisodeTopics> topics(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return answer(this.topics.episodeTopics(id));
	}

	@PostMapping("/analysis")
	@Operation(summary = "Analyse an episode again now",
			description = "Extracts the episode's topics with the current taxonomy, replaces its stored mentions "
					+ "and answers the result as `GET /api/episodes/{id}/topics` does (`status` is `ready`, or "
					+ "`pending` if the taxonomy changed meanwhile). Takes up to tens of seconds for a long "
					+ "episode.")
	@ApiResponse(responseCode = "200", description = "The episode's topics after the analysis",
			content = @Content(schema = @Schema(implementation = EpisodeTopics.class),
					examples = @ExampleObject(name = "ready", value = READY_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<EpisodeTopics> analyse(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return answer(this.topics.analyse(id));
	}

	/** Pending answers tell pollers when to come back and caches not to keep them. */
	static ResponseEntity<EpisodeTopics> answer(EpisodeTopics topics) {
		if (topics.status() != TopicStatus.PENDING) {
			return ResponseEntity.ok(topics);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
			.cacheControl(CacheControl.noStore())
			.body(topics);
	}

}
