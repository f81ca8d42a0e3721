package io.podlens.feed;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of the event feed, oldest first.
 *
 * @param events the events after the cursor given, at most {@code limit}
 * @param cursor where to continue: the cursor of the last event, or the one given when
 * there was none after it
 * @param hasMore whether more events follow already (ask again at once), rather than
 * after a pause
 */
public record FeedPage(List<FeedEvent> events, @Schema(example = "ZjEuNDI") String cursor,
		@Schema(example = "false") boolean hasMore) {

	public FeedPage {
		events = List.copyOf(events);
	}

}
