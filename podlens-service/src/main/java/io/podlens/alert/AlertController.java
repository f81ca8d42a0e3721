package io.podlens.alert;

import java.net.URI;

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

/** Alerts over HTTP. */
@RestController
@RequestMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alerts", description = "Be told by webhook when a topic or a search matches a new episode")
class AlertController {

	static final int MAX_PAGE_SIZE = 100;

	private static final String REQUEST_EXAMPLE = """
			{"name":"Reasoning models","topics":["deepseek-r1"],"query":"\\"reasoning model\\" OR 推理模型",
			 "soundsLike":false,"language":"zh","webhookUrl":"https://hooks.example.com/podlens",
			 "secret":"whsec_2c7b3e0b9f4d4a8e8a41","backfill":false}""";

	private static final String BAD_REQUEST = """
			A field is missing or wrong (named in `field`): no name, neither topics nor query, an unknown \
			topic id (topics[i]), a query the search refuses, a bad language tag, a webhook URL that is not \
			absolute http(s), carries a password, does not resolve or resolves to a loopback, private, \
			link-local, unique-local, multicast or metadata address, a missing or short secret""";

	private static final String NOT_FOUND = "No alert with this id";

	private final AlertService alerts;

	AlertController(AlertService alerts) {
		this.alerts = alerts;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create an alert", description = """
			Stores an alert. Whenever an episode is imported (or analysed again after a taxonomy change) \
			and a segment mentions one of the topics (or a topic below one of them) or matches the query, \
			Podlens POSTs one JSON event per episode and alert to the webhook, with the matching segments, \
			signed: `X-Podlens-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the \
			secret>`, and `X-Podlens-Delivery`, the same id on every retry. Failed deliveries are retried \
			with exponential backoff for about a day, then the alert is paused with the reason. Episodes \
			stored before the alert do not fire it unless `backfill` is true. The secret is never shown \
			again. See docs/monitoring.md.""")
	@ApiResponse(responseCode = "201", description = "Stored; Location points at the new alert")
	@ApiResponse(responseCode = "400", description = BAD_REQUEST,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<AlertView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			description = "The alert: topics and/or query, webhook URL and secret",
			content = @Content(examples = @ExampleObject(value = REQUEST_EXAMPLE))) @RequestBody AlertRequest request) {
		AlertView created = this.alerts.create(request);
		return ResponseEntity.created(URI.create("/api/alerts/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "List alerts", description = "Alerts by id, with their delivery counts; secrets are not shown")
	@ApiResponse(responseCode = "200", description = "One page of alerts")
	@ApiResponse(responseCode = "400", description = "Paging out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	Paged<AlertView> list(
			@Parameter(description = "0-based page number", example = "0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Alerts per page, 1 to " + MAX_PAGE_SIZE,
					example = "20") @RequestParam(defaultValue = "20") int size) {
		Paged.validate(page, size, MAX_PAGE_SIZE);
		return this.alerts.list(page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an alert", description = "The alert, whether and why it is paused, its delivery counts")
	@ApiResponse(responseCode = "200", description = "The alert")
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	AlertView get(@Parameter(description = "Id of the alert", example = "3") @PathVariable long id) {
		return this.alerts.get(id);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace an alert", description = """
			Replaces every field of the alert; leaving out the secret keeps the stored one. Episodes that \
			fired the alert before do not fire it again; the change applies to episodes matched from now on.""")
	@ApiResponse(responseCode = "200", description = "The alert as stored now")
	@ApiResponse(responseCode = "400", description = BAD_REQUEST,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	AlertView replace(@Parameter(description = "Id of the alert", example = "3") @PathVariable long id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The alert's new fields",
					content = @Content(
							examples = @ExampleObject(value = REQUEST_EXAMPLE))) @RequestBody AlertRequest request) {
		return this.alerts.replace(id, request);
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause an alert", description = """
			A paused alert matches no episode and sends nothing; its pending deliveries wait. Episodes \
			imported while it is paused do not fire it later.""")
	@ApiResponse(responseCode = "200", description = "The alert, paused")
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	AlertView pause(@Parameter(description = "Id of the alert", example = "3") @PathVariable long id) {
		return this.alerts.pause(id);
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume an alert", description = """
			Resumes a paused alert (by a client or after a delivery kept failing): its waiting deliveries \
			are sent at once, and deliveries given up get a fresh round of attempts.""")
	@ApiResponse(responseCode = "200", description = "The alert, active")
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	AlertView resume(@Parameter(description = "Id of the alert", example = "3") @PathVariable long id) {
		return this.alerts.resume(id);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an alert",
			description = "Deletes the alert with its deliveries, pending ones included")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Void> delete(@Parameter(description = "Id of the alert", example = "3") @PathVariable long id) {
		this.alerts.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "List an alert's deliveries", description = """
			Events of the alert, newest first, each with every attempt: when, outcome, HTTP status, latency, \
			error, and the start of the receiver's answer.""")
	@ApiResponse(responseCode = "200", description = "One page of deliveries")
	@ApiResponse(responseCode = "400", description = "Unknown status or paging out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	Paged<DeliveryView> deliveries(@Parameter(description = "Id of the alert", example = "3") @PathVariable long id,
			@Parameter(description = "Only deliveries in this state: pending, delivered or failed",
					example = "failed") @RequestParam(required = false) String status,
			@Parameter(description = "0-based page number", example = "0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Deliveries per page, 1 to " + MAX_PAGE_SIZE,
					example = "20") @RequestParam(defaultValue = "20") int size) {
		Paged.validate(page, size, MAX_PAGE_SIZE);
		return this.alerts.deliveries(id, (status == null || status.isBlank()) ? null : status.strip(), page, size);
	}

}
