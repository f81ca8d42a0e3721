package io.podlens.topic;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mentions over time: a topic's trend as JSON or a chart, and the topics that rose. */
@RestController
@Tag(name = "Trends", description = "How often topics are mentioned over time, and which rose most")
class TrendController {

	static final String SVG = "image/svg+xml";

	private static final String INTERVAL = "Width of an interval: `day`, `week` (ISO, Monday to Sunday) or `month`, "
			+ "all in UTC";

	private static final String FROM = "Start: a date (`2025-01-01`, its start in UTC) or an instant with offset; the "
			+ "interval containing it is the first. Default: 30 days, 26 weeks or 12 months before the end";

	private static final String TO = "End (exclusive): a date or an instant with offset; the interval holding the "
			+ "instant before it is the last. Default: now (the current interval, still running, is the last)";

	private static final String CHILDREN = "Count the mentions of every topic below this one too (GPT-4o and GPT-4 "
			+ "count for GPT and for OpenAI)";

	private static final String TREND_EXAMPLE = """
			{"topicId":"openai","name":"OpenAI","interval":"week","from":"2025-03-03T00:00:00Z",
			 "to":"2025-03-17T00:00:00Z","includeChildren":true,"topicCount":41,"mentions":19,"episodes":4,
			 "episodesByImportTime":1,"series":[
			  {"start":"2025-03-03T00:00:00Z","end":"2025-03-10T00:00:00Z","mentions":7,"episodes":1,"episodesByImportTime":0},
			  {"start":"2025-03-10T00:00:00Z","end":"2025-03-17T00:00:00Z","mentions":12,"episodes":3,"episodesByImportTime":1}]}""";

	private static final String BAD_RANGE = """
			{"type":"about:blank","title":"Invalid request","status":400,
			 "detail":"from: the range from 2020-01-01 to 2025-03-17 has 1902 day intervals, at most 366 are allowed: narrow it or use a longer interval",
			 "field":"from"}""";

	private static final String NOT_FOUND = """
			{"type":"about:blank","title":"Not found","status":404,"detail":"Topic nope does not exist","resource":"Topic","id":"nope"}""";

	private final TopicTrends trends;

	TrendController(TopicTrends trends) {
		this.trends = trends;
	}

	@GetMapping(path = "/api/topics/{id}/trend", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Trend of a topic",
			description = "Mentions of the topic, and episodes that mention it, per interval. An episode counts in the "
					+ "interval of its `publishedAt`; an episode without one in the interval of its import time, and "
					+ "`episodesByImportTime` says how many were placed that way. With `includeChildren` (the "
					+ "default) the topics below it count too. Every interval of the range is listed, empty ones "
					+ "with zeros; at most 366 intervals.")
	@ApiResponse(responseCode = "200", description = "The series",
			content = @Content(schema = @Schema(implementation = TopicTrend.class),
					examples = @ExampleObject(TREND_EXAMPLE)))
	@ApiResponse(responseCode = "400",
			description = "Unknown interval, a malformed date, `from` not before `to`, or more than 366 intervals "
					+ "(the parameter is named in `field`)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(BAD_RANGE)))
	@ApiResponse(responseCode = "404", description = "No such topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(NOT_FOUND)))
	TopicTrend trend(@Parameter(description = "Topic id", example = "openai") @PathVariable String id,
			@Parameter(description = INTERVAL, example = "week") @RequestParam(defaultValue = "week") String interval,
			@Parameter(description = FROM, example = "2025-01-01") @RequestParam(required = false) String from,
			@Parameter(description = TO, example = "2025-04-01") @RequestParam(required = false) String to,
			@Parameter(description = CHILDREN,
					example = "true") @RequestParam(defaultValue = "true") boolean includeChildren) {
		return series(id, interval, from, to, includeChildren);
	}

	@GetMapping(path = "/api/topics/{id}/trend.svg", produces = SVG)
	@Operation(summary = "Trend of a topic as a chart",
			description = "The same series as `GET /api/topics/{id}/trend` drawn as an SVG 1200 px wide: mentions as "
					+ "bars, episodes with a mention as a line, a note when episodes were placed by import time.")
	@ApiResponse(responseCode = "200", description = "SVG document",
			content = @Content(mediaType = SVG, schema = @Schema(type = "string"),
					examples = @ExampleObject("<svg xmlns=\"http://www.w3.org/2000/svg\" ...>")))
	@ApiResponse(responseCode = "400", description = "As for the JSON trend",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(BAD_RANGE)))
	@ApiResponse(responseCode = "404", description = "No such topic",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(NOT_FOUND)))
	ResponseEntity<String> chart(@Parameter(description = "Topic id", example = "openai") @PathVariable String id,
			@Parameter(description = INTERVAL, example = "week") @RequestParam(defaultValue = "week") String interval,
			@Parameter(description = FROM, example = "2025-01-01") @RequestParam(required = false) String from,
			@Parameter(description = TO, example = "2025-04-01") @RequestParam(required = false) String to,
			@Parameter(description = CHILDREN,
					example = "true") @RequestParam(defaultValue = "true") boolean includeChildren) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(SVG + ";charset=UTF-8"))
			.body(TrendSvg.render(series(id, interval, from, to, includeChildren)));
	}

	@GetMapping(path = "/api/trends", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Topics that rose most",
			description = "Compares the last full interval before `to` (default now; the running interval never "
					+ "counts) with the mean of the `baseline` intervals before it. A topic rose when it has at least "
					+ "`minMentions` mentions in at least `minEpisodes` episodes in that interval and more mentions "
					+ "than its baseline mean; risers are ranked by `(mentions + 1) / (baseline mean + 1)`, then by "
					+ "mentions. Episodes are placed by `publishedAt`, without one by import time "
					+ "(`episodesByImportTime`).")
	@ApiResponse(responseCode = "200", description = "The risers, most first",
			content = @Content(schema = @Schema(implementation = RisingTopics.class), examples = @ExampleObject("""
					{"interval":"week","currentFrom":"2025-03-10T00:00:00Z","currentTo":"2025-03-17T00:00:00Z",
					 "baselineFrom":"2025-02-10T00:00:00Z","baselineIntervals":4,"minMentions":3,"minEpisodes":1,
					 "includeChildren":false,"episodesByImportTime":0,"topics":[
					  {"id":"deepseek-r1","name":"DeepSeek-R1","category":"model","mentions":14,"episodes":4,
					   "baselineMentions":0.5,"baselineEpisodes":0.25,"change":13.5,"ratio":10.0}]}""")))
	@ApiResponse(responseCode = "400", description = "A parameter out of range, named in `field`",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	RisingTopics rising(
			@Parameter(description = INTERVAL, example = "week") @RequestParam(defaultValue = "week") String interval,
			@Parameter(description = "Number of intervals before the compared one whose mean is the baseline, 1 to 12",
					example = "4") @RequestParam(defaultValue = "4") int baseline,
			@Parameter(description = "Mentions a topic needs in the compared interval",
					example = "3") @RequestParam(defaultValue = "3") int minMentions,
			@Parameter(description = "Episodes with a mention a topic needs in the compared interval",
					example = "1") @RequestParam(defaultValue = "1") int minEpisodes,
			@Parameter(description = "Most topics answered, 1 to 100",
					example = "10") @RequestParam(defaultValue = "10") int limit,
			@Parameter(
					description = "Count the mentions of the topics below each topic too (a parent rises with its "
							+ "children)",
					example = "false") @RequestParam(defaultValue = "false") boolean includeChildren,
			@Parameter(description = "The compared interval is the last that ends at or before this date or instant; "
					+ "default now", example = "2025-03-17") @RequestParam(required = false) String to) {
		return this.trends.rising(new TrendQuery(TrendInterval.of("interval", interval), baseline, minMentions,
				minEpisodes, limit, includeChildren, TopicTrends.time("to", to)));
	}

	private TopicTrend series(String id, String interval, String from, String to, boolean includeChildren) {
		TrendInterval parsed = TrendInterval.of("interval", interval);
		return this.trends.trend(id, parsed, TopicTrends.time("from", from), TopicTrends.time("to", to),
				includeChildren);
	}

}
