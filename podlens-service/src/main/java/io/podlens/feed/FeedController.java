package io.podlens.feed;

import java.util.ArrayList;
import java.util.List;

import io.podlens.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event feed over HTTP. */
@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Events", description = "A feed of what changed (episodes imported and deleted, mentions found), "
		+ "for clients that poll instead of receiving webhooks")
class FeedController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	private final FeedStore store;

	private final JsonMapper json;

	private final FeedProperties properties;

	FeedController(FeedStore store, JsonMapper json, FeedProperties properties) {
		this.store = store;
		this.json = json;
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "Read the event feed", description = """
			Events after the cursor, oldest first: episode.imported (data: title, publishedAt), \
			episode.deleted, and mentions.found (data: the number of mentions and the topics \
			found, per analysis of an episode that found any: after an import and after a \
			re-analysis). Without a cursor the feed starts at its oldest event kept \
			(events older than podlens.feed.keep, 30 days by default, are removed; a cursor from \
			before removed events is answered 410). Pass the `cursor` \
			of the answer to the next call; with `hasMore` false, wait before asking again. An \
			event is in the feed exactly when the data it describes is committed, and cursors \
			never skip an event that commits later.""")
	@ApiResponse(responseCode = "200", description = "Events after the cursor",
			content = @Content(schema = @Schema(implementation = FeedPage.class)))
	@ApiResponse(responseCode = "400",
			description = "A cursor this feed did not hand out, or a limit out of range (names the parameter)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "410", description = """
			Events after the cursor were removed (older than podlens.feed.keep): the problem says \
			until when (removedUntil); start again without a cursor""",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	FeedPage events(
			@Parameter(description = "Where to continue: the `cursor` of the previous answer; none to start at "
					+ "the first event", example = "ZjEuNDI") @RequestParam(required = false) String cursor,
			@Parameter(description = "Most events to return, 1 to " + MAX_LIMIT,
					example = "100") @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidInputException.forField("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		long after = FeedCursor.parse(cursor);
		// One more than asked tells whether more follow without a count.
		List<FeedStore.Stored> rows = this.store.after(after, limit + 1);
		// Without a cursor the feed starts at its oldest event kept. With one, the trim
		// is
		// read after the rows: a trim that removed what follows the cursor before they
		// were read has committed its record by now. Numbers have no gaps, so a first row
		// right after the cursor means nothing was skipped.
		if (after > 0) {
			FeedStore.Trim trim = this.store.trim();
			if (after < trim.removedThrough() && (rows.isEmpty() || rows.get(0).seq() != after + 1)) {
				throw new FeedEventsRemovedException(trim, this.properties);
			}
		}
		boolean more = rows.size() > limit;
		List<FeedEvent> events = new ArrayList<>(Math.min(rows.size(), limit));
		for (FeedStore.Stored row : rows.subList(0, Math.min(rows.size(), limit))) {
			events.add(new FeedEvent(FeedCursor.of(row.seq()), row.type(), row.episodeId(), row.occurredAt(),
					this.json.readTree(row.data())));
		}
		String next = events.isEmpty() ? FeedCursor.of(after) : events.get(events.size() - 1).cursor();
		return new FeedPage(events, next, more);
	}

}
