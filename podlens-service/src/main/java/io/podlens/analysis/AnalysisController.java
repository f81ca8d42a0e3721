package io.podlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.topic.TopicStatus;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HTTP face of the analysis: themes, sponsor reads, chapters and the timeline. */
@RestController
@RequestMapping("/api/episodes/{id}")
@Tag(name = "Analysis", description = "Themes over time, sponsor reads, chapters and a timeline picture of an episode")
class AnalysisController {

	static final String SVG = "image/svg+xml";

	/** Response header: {@code pending}, {@code ready} or {@code failed}. */
	static final String TOPIC_STATUS = "Podlens-Topic-Status";

	private static final String TOPIC_STATUS_DESCRIPTION = "Whether the episode's topics, which title chapters "
			+ "without a theme and mark the timeline, were ready (`pending`, `ready`, `failed`; see "
			+ "`GET /api/episodes/{id}/topics`): ask again when it was `pending`";

	private static final String NOT_FOUND = """
			{"type":"about:blank","title":"Not found","status":404,"detail":"Episode 42 does not exist","resource":"Episode","id":"42"}""";

	private final EpisodeAnalyzer analyzer;

	private final JsonMapper json;

	AnalysisController(EpisodeAnalyzer analyzer, JsonMapper json) {
		this.analyzer = analyzer;
		this.json = json;
	}

	@GetMapping(path = "/themes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Themes over time",
			description = "The dominant theme of every segment (null when none is clear) and the spans consecutive segments form. "
					+ "Themes come from analysis/themes.json plus podlens.analysis.themes-dir.")
	@ApiResponse(responseCode = "200", description = "Themes per segment and spans",
			content = @Content(schema = @Schema(implementation = EpisodeThemes.class), examples = @ExampleObject("""
					{"segments":[{"segmentIndex":0,"startMs":0,"endMs":65000,"theme":"sponsor","confidence":0.81}],
					 "spans":[{"theme":"sponsor","startMs":0,"endMs":126000,"fromSegment":0,"toSegment":1}]}""")))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	EpisodeThemes themes(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return this.analyzer.themes(id);
	}

	@GetMapping(path = "/sponsors", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Sponsor reads",
			description = "Sponsor reads found from opening and closing cue phrases (Chinese and English); times inside a segment "
					+ "are interpolated by character position.")
	@ApiResponse(responseCode = "200", description = "Sponsor reads in time order",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = SponsorRead.class)),
					examples = @ExampleObject("""
							[{"startMs":17627,"endMs":140305,"sponsor":"AWS","confidence":0.95,
							  "evidence":["本期節目由AWS贊助播出","業配就到這邊結束","謝謝AWS的贊助"]}]""")))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	List<SponsorRead> sponsors(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return this.analyzer.sponsors(id);
	}

	@GetMapping(path = "/chapters", produces = { ChaptersDocument.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Podcasting 2.0 chapters",
			description = "A JSON chapters document (version 1.2.0): ascending startTime in seconds, the first at 0, titles in the "
					+ "episode's language. Themed stretches carry the theme's name; other stretches are titled by the "
					+ "topics and key phrases that dominate them (\"DeepSeek-R1 and reinforcement learning\"), or "
					+ "\"Part 3\" when nothing does. `Podlens-Topic-Status` says whether the topics were ready. "
					+ "Served as application/json+chapters, or application/json to clients that ask for it.")
	@ApiResponse(responseCode = "200", description = "Chapters document",
			headers = @Header(name = TOPIC_STATUS, description = TOPIC_STATUS_DESCRIPTION,
					schema = @Schema(type = "string", allowableValues = { "pending", "ready", "failed" })),
			content = {
					@Content(mediaType = ChaptersDocument.MEDIA_TYPE,
							schema = @Schema(implementation = ChaptersDocument.class), examples = @ExampleObject("""
									{"version":"1.2.0","title":"Episode title","chapters":[
									 {"startTime":0,"endTime":17.627,"title":"開場與介紹"},
									 {"startTime":17.627,"endTime":140.305,"title":"贊助"}]}""")),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ChaptersDocument.class)) })
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	ResponseEntity<String> chapters(@Parameter(description = "Episode id", example = "1") @PathVariable long id,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		String body = this.json.writeValueAsString(this.analyzer.chapters(id));
		return withTopicStatus(ResponseEntity.ok(), id).contentType(chaptersType(accept)).body(body);
	}

	@GetMapping(path = "/timeline.svg", produces = SVG)
	@Operation(summary = "Timeline picture",
			description = "An SVG 1200 px wide: theme bands with a legend, sponsor reads, topic mentions as marks and an mm:ss axis.")
	@ApiResponse(responseCode = "200", description = "SVG document",
			headers = @Header(name = TOPIC_STATUS, description = TOPIC_STATUS_DESCRIPTION,
					schema = @Schema(type = "string", allowableValues = { "pending", "ready", "failed" })),
			content = @Content(mediaType = SVG, schema = @Schema(type = "string"),
					examples = @ExampleObject("<svg xmlns=\"http://www.w3.org/2000/svg\" ...>")))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	ResponseEntity<String> timeline(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		String svg = this.analyzer.timelineSvg(id);
		return withTopicStatus(ResponseEntity.ok(), id).contentType(MediaType.parseMediaType(SVG + ";charset=UTF-8"))
			.body(svg);
	}

	/**
	 * Chapter titles and timeline marks use the stored topic mentions: the header says
	 * whether they were ready, so that a client knows to ask again (the chapters format
	 * has no field for it).
	 */
	private ResponseEntity.BodyBuilder withTopicStatus(ResponseEntity.BodyBuilder builder, long id) {
		TopicStatus status = this.analyzer.topicStatus(id);
		if (status != null) {
			builder.header(TOPIC_STATUS, status.json());
			if (status == TopicStatus.PENDING) {
				builder.cacheControl(CacheControl.noStore());
			}
		}
		return builder;
	}

	/**
	 * application/json only for clients that ask for it and not for the chapters type.
	 */
	static MediaType chaptersType(String accept) {
		MediaType chapters = MediaType.parseMediaType(ChaptersDocument.MEDIA_TYPE + ";charset=UTF-8");
		if (accept == null || accept.isBlank()) {
			return chapters;
		}
		List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : accepted) {
			if (type.isWildcardType() || type.isWildcardSubtype() || type.getSubtype().equals("json+chapters")) {
				return chapters;
			}
			if (type.getSubtype().equals("json")) {
				return MediaType.APPLICATION_JSON;
			}
		}
		return chapters;
	}

}
