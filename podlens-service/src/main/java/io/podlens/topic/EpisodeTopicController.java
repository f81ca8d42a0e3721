package io.podlens.topic;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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

	private static final String TOPICS_EXAMPLE = """
			[{"topic":{"id":"gpt-4o","name":"GPT-4o","category":"model"},"count":2,
			  "mentions":[{"segmentIndex":3,"startMs":195000,"endMs":250000,"charStart":12,"charEnd":18,
			               "surface":"GBT-4O","matchedBy":"fuzzy","confidence":0.75}, ...]}]""";

	private final TopicService topics;

	EpisodeTopicController(TopicService topics) {
		this.topics = topics;
	}

	@GetMapping("/topics")
	@Operation(summary = "Topics of an episode",
			description = "The topics the episode mentions, most mentioned first (on a tie, the one with the higher "
					+ "mean confidence first), each with its mentions in segment order: the "
					+ "segment, the words as written (`surface`), how they matched (`exact`, `alias`, `fuzzy`, "
					+ "`phonetic`) and a confidence. Extraction runs in the background after an import, so a "
					+ "just-imported episode may briefly show none; `POST .../analysis` runs it at once.")
	@ApiResponse(responseCode = "200", description = "Topics with their mentions; [] when none",
			content = @Content(examples = @ExampleObject(value = TOPICS_EXAMPLE)))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	List<EpisodeTopic> topics(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return this.topics.episodeTopics(id);
	}

	@PostMapping("/analysis")
	@Operation(summary = "Analyse an episode again now",
			description = "Extracts the episode's topics with the current taxonomy, replaces its stored mentions "
					+ "and answers the result (as `GET /api/episodes/{id}/topics`). Takes up to tens of seconds "
					+ "for a long episode.")
	@ApiResponse(responseCode = "200", description = "The episode's topics after the analysis")
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	List<EpisodeTopic> analyse(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return this.topics.analyse(id);
	}

}
