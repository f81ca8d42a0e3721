package io.podlens.episode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.podlens.common.InvalidInputException;
import io.podlens.common.Paged;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptSegment;
import io.podlens.transcript.TranscriptWriters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/episodes")
@Tag(name = "Episodes", description = "Import, list, read, export and delete episodes")
class EpisodeController {

	private static final int MAX_PAGE_SIZE = 100;

	private final EpisodeService episodes;

	EpisodeController(EpisodeService episodes) {
		this.episodes = episodes;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Import an episode from JSON",
			description = "Stores the episode with either a transcript document (`transcript.format` is one of auto, "
					+ "timestamped-text, srt, webvtt, podcast-json, whisper-json, html; auto detects it) or "
					+ "ready-made `segments`. The segments are indexed for search as soon as the episode is stored.")
	@ApiResponse(responseCode = "201", description = "Stored; Location points at the new episode")
	@ApiResponse(responseCode = "400", description = "Invalid field or unreadable transcript (names field and line)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = """
							{"type":"about:blank","title":"Invalid transcript","status":400,
							 "detail":"srt line 7: '00:00:05,000 --> 00:00:0x,000' is not a timing line",
							 "field":"transcript.content","format":"srt","line":7}""")))
	@ApiResponse(responseCode = "409", description = "The podcast already has an episode with this externalId",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
			name = "timestamped text",
			value = """
					{"title":"Ep. 1: Multimodal models","podcast":"Tech Wave","externalId":"ep1",
					 "transcript":{"format":"auto","content":"(00:00~00:05) Hello and welcome\\n(00:05~00:09) 今天聊多模態模型"}}""")))
	ResponseEntity<EpisodeView> create(@Valid @RequestBody NewEpisodeRequest request) {
		return created(this.episodes.create(EpisodeRequests.fields(request), EpisodeRequests.segments(request)));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import an episode from an uploaded transcript file",
			description = "Multipart form: the transcript in part `file` (any supported format and encoding: UTF-8, "
					+ "UTF-16 with BOM, or a legacy single-byte encoding) and the episode facts as form fields.")
	@ApiResponse(responseCode = "201", description = "Stored; Location points at the new episode")
	@ApiResponse(responseCode = "400", description = "Invalid field or unreadable transcript",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The podcast already has an episode with this externalId",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "The file is larger than the upload limit",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<EpisodeView> upload(@Valid @ModelAttribute EpisodeUploadForm form) {
		TranscriptFormat format = TranscriptReader.format(form.format(), "format");
		if (format == TranscriptFormat.AUTO) {
			format = TranscriptReader.formatNamedBy(form.file().getOriginalFilename());
		}
		byte[] content;
		try {
			content = form.file().getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return created(this.episodes.create(form.fields(), TranscriptReader.parse(content, format, "file")));
	}

	@GetMapping
	@Operation(summary = "List episodes", description = "Newest first, paged.")
	@ApiResponse(responseCode = "200", description = "One page of episodes")
	@ApiResponse(responseCode = "400", description = "Invalid paging parameter",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	Paged<EpisodeView> list(
			@Parameter(description = "0-based page number", example = "0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Page size, 1 to 100",
					example = "20") @RequestParam(defaultValue = "20") int size) {
		Paged.validate(page, size, MAX_PAGE_SIZE);
		return this.episodes.list(page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an episode",
			description = "The stored facts of one episode: title, podcast, language, times and segment count.")
	@ApiResponse(responseCode = "200", description = "The episode")
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	EpisodeView get(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return this.episodes.get(id);
	}

	@GetMapping("/{id}/segments")
	@Operation(summary = "Read an episode's segments", description = "All segments in time order.")
	@ApiResponse(responseCode = "200", description = "The segments")
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	List<SegmentView> segments(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		return this.episodes.segments(id);
	}

	@GetMapping("/{id}/transcript")
	@Operation(summary = "Export an episode's transcript",
			description = "SRT, WebVTT or Podcasting 2.0 JSON; the export re-imports to the same segments and times.")
	@ApiResponse(responseCode = "200", description = "The transcript document")
	@ApiResponse(responseCode = "400", description = "Unsupported export format",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> export(@Parameter(description = "Episode id", example = "1") @PathVariable long id,
			@Parameter(description = "srt, webvtt or podcast-json",
					example = "srt") @RequestParam(defaultValue = "srt") String format) {
		TranscriptFormat wanted = TranscriptReader.format(format, "format");
		ExportType type = ExportType.of(wanted);
		List<TranscriptSegment> segments = this.episodes.segments(id)
			.stream()
			.map((s) -> new TranscriptSegment(s.startMs(), s.endMs(), s.speaker(), s.text()))
			.toList();
		String body = TranscriptWriters.write(segments, wanted);
		return ResponseEntity.ok()
			.contentType(type.mediaType)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("episode-" + id + "." + type.extension).build().toString())
			.body(body);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an episode", description = "Removes the episode, its segments and its search entries.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such episode",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Void> delete(@Parameter(description = "Episode id", example = "1") @PathVariable long id) {
		this.episodes.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<EpisodeView> created(EpisodeView episode) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/episodes/{id}")
			.buildAndExpand(episode.id())
			.toUri();
		return ResponseEntity.created(location).body(episode);
	}

	/** The export formats and how they are served. */
	private enum ExportType {

		SRT(new MediaType("application", "x-subrip", java.nio.charset.StandardCharsets.UTF_8), "srt"),
		WEBVTT(new MediaType("text", "vtt", java.nio.charset.StandardCharsets.UTF_8), "vtt"),
		PODCAST_JSON(MediaType.APPLICATION_JSON, "json");

		private final MediaType mediaType;

		private final String extension;

		ExportType(MediaType mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		static ExportType of(TranscriptFormat format) {
			return switch (format) {
				case SRT -> SRT;
				case WEBVTT -> WEBVTT;
				case PODCAST_JSON -> PODCAST_JSON;
				default -> throw InvalidInputException.forField("format",
						"cannot export as '" + format.id() + "'; choose srt, webvtt or podcast-json");
			};
		}

	}

}
