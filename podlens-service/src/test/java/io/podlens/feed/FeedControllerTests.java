package io.podlens.feed;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(FeedController.class)
@EnableConfigurationProperties(FeedProperties.class)
class FeedControllerTests {

	private static final Instant AT = Instant.parse("2026-05-01T08:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private FeedStore store;

	@BeforeEach
	void nothingRemoved() {
		given(this.store.trim()).willReturn(new FeedStore.Trim(0, null));
	}

	@Test
	void aCursorFromBeforeRemovedEventsIsGone() throws Exception {
		Instant removedUntil = Instant.parse("2026-04-01T10:00:00Z");
		given(this.store.trim()).willReturn(new FeedStore.Trim(5, removedUntil));
		given(this.store.after(3, 101)).willReturn(List.of(new FeedStore.Stored(6, "episode.deleted", 5, AT, "{}")));
		this.mvc.perform(get("/api/events").param("cursor", FeedCursor.of(3)))
			.andExpect(status().isGone())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Events removed"))
			.andExpect(jsonPath("$.field").value("cursor"))
			.andExpect(jsonPath("$.removedUntil").value("2026-04-01T10:00:00Z"))
			.andExpect(jsonPath("$.keep").value("30d"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2026-04-01T10:00:00Z")));
		// everything removed, nothing after: gone as well
		given(this.store.after(4, 101)).willReturn(List.of());
		this.mvc.perform(get("/api/events").param("cursor", FeedCursor.of(4))).andExpect(status().isGone());
		// the cursor of the last removed event misses nothing
		given(this.store.after(5, 101)).willReturn(List.of(new FeedStore.Stored(6, "episode.deleted", 5, AT, "{}")));
		this.mvc.perform(get("/api/events").param("cursor", FeedCursor.of(5)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[0].cursor").value(FeedCursor.of(6)));
		// rows read before a trim removed them are served
		given(this.store.after(2, 101)).willReturn(List.of(new FeedStore.Stored(3, "episode.deleted", 5, AT, "{}")));
		this.mvc.perform(get("/api/events").param("cursor", FeedCursor.of(2))).andExpect(status().isOk());
		// without a cursor the feed starts at its oldest event kept
		given(this.store.after(0, 101)).willReturn(List.of(new FeedStore.Stored(6, "episode.deleted", 5, AT, "{}")));
		this.mvc.perform(get("/api/events"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[0].cursor").value(FeedCursor.of(6)));
	}

	@Test
	void pagesWithOpaqueCursors() throws Exception {
		given(this.store.after(0, 3)).willReturn(
				List.of(new FeedStore.Stored(1, "episode.imported", 5, AT, "{\"title\":\"a\",\"publishedAt\":null}"),
						new FeedStore.Stored(2, "mentions.found", 5, AT, "{\"mentions\":1,\"topics\":[]}"),
						new FeedStore.Stored(3, "episode.deleted", 5, AT, "{}")));
		this.mvc.perform(get("/api/events").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.length()").value(2))
			.andExpect(jsonPath("$.events[0].type").value("episode.imported"))
			.andExpect(jsonPath("$.events[0].data.title").value("a"))
			.andExpect(jsonPath("$.events[1].cursor").value(FeedCursor.of(2)))
			.andExpect(jsonPath("$.cursor").value(FeedCursor.of(2)))
			.andExpect(jsonPath("$.hasMore").value(true));
		given(this.store.after(3, 101)).willReturn(List.of());
		this.mvc.perform(get("/api/events").param("cursor", FeedCursor.of(3)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.length()").value(0))
			.andExpect(jsonPath("$.cursor").value(FeedCursor.of(3)))
			.andExpect(jsonPath("$.hasMore").value(false));
	}

	@Test
	void refusesBadCursorsAndLimits() throws Exception {
		this.mvc.perform(get("/api/events").param("cursor", "not-a-cursor"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("cursor"));
		for (String limit : new String[] { "0", "1001", "-1" }) {
			this.mvc.perform(get("/api/events").param("limit", limit))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("limit"));
		}
		this.mvc.perform(get("/api/events").param("limit", "many"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("limit"));
	}

}
