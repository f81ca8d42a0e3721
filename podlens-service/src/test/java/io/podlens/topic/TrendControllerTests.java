package io.podlens.topic;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The trend endpoints over the real {@link TrendService}, with the database's per-day
 * counts given: days added up to days, weeks and months, the import-time fallback
 * reported, the topics below one counted, and every bad parameter a 400 naming it.
 */
@WebMvcTest(TrendController.class)
@Import(TrendService.class)
class TrendControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TopicCatalog catalog;

	@MockitoBean
	private MentionRepository mentions;

	@BeforeEach
	void taxonomy() {
		given(this.catalog.current()).willReturn(TopicCatalog.Snapshot.of(1,
				new Taxonomy(List.of(topic("openai", null), topic("gpt", "openai"), topic("gpt-4o", "gpt")))));
		// [day, mentions, episodes, undated episodes]: Sun 03-09, Mon 03-10, Mon 03-31,
		// Tue 04-01
		given(this.mentions.countsPerDay(any(), any(), any())).willReturn(List.of(row("2025-03-09", 2, 1, 0),
				row("2025-03-10", 3, 2, 1), row("2025-03-31", 1, 1, 0), row("2025-04-01", 4, 1, 1)));
	}

	@Test
	void weeksStartOnMondayAndSayWhatWasCountedByImportTime() throws Exception {
		this.mvc
			.perform(get("/api/topics/gpt/trend").param("interval", "week")
				.param("from", "2025-03-03")
				.param("to", "2025-04-07"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topicId").value("gpt"))
			.andExpect(jsonPath("$.interval").value("week"))
			.andExpect(jsonPath("$.from").value("2025-03-03T00:00:00Z"))
			.andExpect(jsonPath("$.to").value("2025-04-07T00:00:00Z"))
			.andExpect(jsonPath("$.series.length()").value(5))
			.andExpect(jsonPath("$.series[0].mentions").value(2))
			.andExpect(jsonPath("$.series[1].start").value("2025-03-10T00:00:00Z"))
			.andExpect(jsonPath("$.series[1].mentions").value(3))
			.andExpect(jsonPath("$.series[1].episodesByImportTime").value(1))
			.andExpect(jsonPath("$.series[2].mentions").value(0))
			.andExpect(jsonPath("$.series[4].mentions").value(5))
			.andExpect(jsonPath("$.series[4].episodes").value(2))
			.andExpect(jsonPath("$.mentions").value(10))
			.andExpect(jsonPath("$.episodes").value(5))
			.andExpect(jsonPath("$.episodesByImportTime").value(2))
			.andExpect(jsonPath("$.includeChildren").value(true))
			.andExpect(jsonPath("$.topicCount").value(2));
		// the SQL gets the whole weeks, in UTC
		then(this.mentions).should()
			.countsPerDay(any(), org.mockito.ArgumentMatchers.eq(OffsetDateTime.parse("2025-03-03T00:00:00Z")),
					org.mockito.ArgumentMatchers.eq(OffsetDateTime.parse("2025-04-07T00:00:00Z")));
	}

	@Test
	void monthsAndDays() throws Exception {
		this.mvc
			.perform(get("/api/topics/gpt/trend").param("interval", "month")
				.param("from", "2025-03-15")
				.param("to", "2025-04-02T00:00:00+02:00"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2025-03-01T00:00:00Z"))
			.andExpect(jsonPath("$.to").value("2025-05-01T00:00:00Z"))
			.andExpect(jsonPath("$.series.length()").value(2))
			.andExpect(jsonPath("$.series[0].mentions").value(6))
			.andExpect(jsonPath("$.series[1].mentions").value(4));
		this.mvc
			.perform(get("/api/topics/gpt/trend").param("interval", "DAY")
				.param("from", "2025-03-09")
				.param("to", "2025-03-11"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.interval").value("day"))
			.andExpect(jsonPath("$.series.length()").value(2))
			.andExpect(jsonPath("$.series[0].start").value("2025-03-09T00:00:00Z"))
			.andExpect(jsonPath("$.series[1].mentions").value(3));
	}

	@Test
	@SuppressWarnings("unchecked")
	void countsTheTopicsBelowUnlessAskedNotTo() throws Exception {
		ArgumentCaptor<Collection<String>> ids = ArgumentCaptor.forClass(Collection.class);
		this.mvc.perform(get("/api/topics/openai/trend").param("from", "2025-03-03").param("to", "2025-03-10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topicCount").value(3));
		this.mvc
			.perform(get("/api/topics/openai/trend").param("from", "2025-03-03")
				.param("to", "2025-03-10")
				.param("includeChildren", "false"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topicCount").value(1));
		then(this.mentions).should(org.mockito.Mockito.times(2)).countsPerDay(ids.capture(), any(), any());
		assertThat(ids.getAllValues().get(0)).containsExactlyInAnyOrder("openai", "gpt", "gpt-4o");
		assertThat(ids.getAllValues().get(1)).containsExactly("openai");
	}

	@Test
	void badParametersAreNamed() throws Exception {
		this.mvc.perform(get("/api/topics/gpt/trend").param("interval", "year"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.field").value("interval"))
			.andExpect(jsonPath("$.detail").value(containsString("day, week, month")));
		this.mvc.perform(get("/api/topics/gpt/trend").param("from", "2025-04-01").param("to", "2025-03-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("from"));
		this.mvc.perform(get("/api/topics/gpt/trend").param("from", "2025-03-01").param("to", "2025-03-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("from"));
		this.mvc
			.perform(get("/api/topics/gpt/trend").param("interval", "day")
				.param("from", "2020-01-01")
				.param("to", "2025-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("from"))
			.andExpect(jsonPath("$.detail").value(containsString("at most 366")));
		this.mvc.perform(get("/api/topics/gpt/trend").param("to", "+999999999-12-31T23:59:59Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		this.mvc.perform(get("/api/trends").param("to", "-999999999-01-01T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		this.mvc.perform(get("/api/topics/gpt/trend").param("to", "last tuesday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("to"));
		this.mvc.perform(get("/api/topics/gpt/trend.svg").param("from", "2025-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("from"));
		this.mvc.perform(get("/api/trends").param("baseline", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("baseline"));
		this.mvc.perform(get("/api/trends").param("limit", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("limit"));
		this.mvc.perform(get("/api/trends").param("interval", "hour"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("interval"));
		this.mvc.perform(get("/api/trends").param("minMentions", "many"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("minMentions")));
	}

	@Test
	void unknownTopicIsNotFound() throws Exception {
		this.mvc.perform(get("/api/topics/nope/trend"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.resource").value("Topic"));
		this.mvc.perform(get("/api/topics/nope/trend.svg")).andExpect(status().isNotFound());
	}

	@Test
	void chartIsAnSvgDocument() throws Exception {
		this.mvc.perform(get("/api/topics/gpt/trend.svg").param("from", "2025-03-03").param("to", "2025-04-07"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(content().string(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")))
			.andExpect(content().string(containsString("GPT: mentions per week")))
			.andExpect(content().string(containsString("placed by their import time")));
	}

	@Test
	void risersComeFromTheRowsPerTopicAndEpisode() throws Exception {
		// [topic, episode, day, undated, mentions]: week of 03-10 compared with the 4
		// before
		given(this.mentions.countsPerTopicAndEpisode(any(), any()))
			.willReturn(List.of(new Object[] { "gpt-4o", 1L, day("2025-03-11"), 0, 5L },
					new Object[] { "gpt-4o", 2L, day("2025-03-12"), 1, 1L },
					new Object[] { "gpt", 3L, day("2025-02-20"), 0, 8L },
					new Object[] { "gpt", 1L, day("2025-03-11"), 0, 4L }));
		this.mvc.perform(get("/api/trends").param("interval", "week").param("to", "2025-03-19"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentFrom").value("2025-03-10T00:00:00Z"))
			.andExpect(jsonPath("$.currentTo").value("2025-03-17T00:00:00Z"))
			.andExpect(jsonPath("$.baselineFrom").value("2025-02-10T00:00:00Z"))
			.andExpect(jsonPath("$.episodesByImportTime").value(1))
			.andExpect(jsonPath("$.topics.length()").value(2))
			.andExpect(jsonPath("$.topics[0].id").value("gpt-4o"))
			.andExpect(jsonPath("$.topics[0].mentions").value(6))
			.andExpect(jsonPath("$.topics[0].episodes").value(2))
			.andExpect(jsonPath("$.topics[0].ratio").value(7.0))
			.andExpect(jsonPath("$.topics[1].id").value("gpt"))
			.andExpect(jsonPath("$.topics[1].baselineMentions").value(2.0))
			.andExpect(jsonPath("$.topics[1].ratio").value(1.67));
		// rolled up: episode 1 counts once for gpt (5 + 4 mentions) and for openai
		this.mvc.perform(get("/api/trends").param("to", "2025-03-19").param("includeChildren", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topics[0].id").value("gpt-4o"))
			.andExpect(jsonPath("$.topics[1].id").value("gpt"))
			.andExpect(jsonPath("$.topics[1].mentions").value(10))
			.andExpect(jsonPath("$.topics[1].episodes").value(2))
			.andExpect(jsonPath("$.topics[2].id").value("openai"))
			.andExpect(jsonPath("$.topics[2].mentions").value(10));
		// a topic needs minEpisodes episodes in the compared week
		this.mvc.perform(get("/api/trends").param("to", "2025-03-19").param("minEpisodes", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topics.length()").value(1))
			.andExpect(jsonPath("$.topics[0].id").value("gpt-4o"));
	}

	private static Object[] row(String day, long mentions, long episodes, long undated) {
		return new Object[] { day(day), mentions, episodes, undated };
	}

	private static long day(String date) {
		return LocalDate.parse(date).toEpochDay();
	}

	private static Topic topic(String id, String parent) {
		return new Topic(id, id.toUpperCase(java.util.Locale.ROOT), TopicCategory.MODEL, List.of(), List.of(), null,
				parent, List.of(), List.of(), false);
	}

}
