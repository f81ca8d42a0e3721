package io.podlens.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ SearchController.class, IndexAdminController.class })
@EnableConfigurationProperties(SemanticSearchProperties.class)
class SearchControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SegmentSearch search;

	@Test
	void searchAnswersWithOnePageOfHits() throws Exception {
		SearchHit hit = new SearchHit(7, "EP41", 3, 187_000, 248_000, null, "Project Astra <b>",
				"<mark>Project Astra</mark> &lt;b&gt;", 1.5f, SearchHit.EXACT, List.of("Project Astra"));
		given(this.search.search(any())).willReturn(new SearchResult(41, true, 2, 10, List.of(hit)));
		this.mvc
			.perform(get("/api/search").param("q", "\"Project Astra\"")
				.param("episodeId", "7")
				.param("podcast", "科技浪")
				.param("fromMs", "1000")
				.param("toMs", "300000")
				.param("page", "2")
				.param("size", "10"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.total").value(41))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(10))
			.andExpect(jsonPath("$.hits[0].episodeId").value(7))
			.andExpect(jsonPath("$.hits[0].episodeTitle").value("EP41"))
			.andExpect(jsonPath("$.hits[0].segmentIndex").value(3))
			.andExpect(jsonPath("$.hits[0].startMs").value(187_000))
			.andExpect(jsonPath("$.hits[0].endMs").value(248_000))
			.andExpect(jsonPath("$.hits[0].text").value("Project Astra <b>"))
			.andExpect(jsonPath("$.hits[0].snippet").value("<mark>Project Astra</mark> &lt;b&gt;"))
			.andExpect(jsonPath("$.hits[0].score").value(1.5));
		verify(this.search).search(new SearchQuery("\"Project Astra\"", 7L, "科技浪", 1000L, 300_000L, 2, 10));
	}

	@Test
	void passesSoundsLikeAndTopicAndAllowsAnEmptyQueryWithATopic() throws Exception {
		given(this.search.search(any())).willReturn(new SearchResult(0, true, 0, 20, List.of()));
		this.mvc.perform(get("/api/search").param("q", "向量").param("soundsLike", "true")).andExpect(status().isOk());
		verify(this.search).search(SearchQuery.of("向量").withSoundsLike(true));
		this.mvc.perform(get("/api/search").param("topic", "chameleon")).andExpect(status().isOk());
		verify(this.search).search(new SearchQuery(null, null, null, null, null, 0, 20, false, "chameleon"));
	}

	@Test
	void pagingDefaultsToFirstTwenty() throws Exception {
		given(this.search.search(any())).willReturn(new SearchResult(0, true, 0, 20, List.of()));
		this.mvc.perform(get("/api/search").param("q", "model")).andExpect(status().isOk());
		verify(this.search).search(SearchQuery.of("model"));
	}

	@Test
	void badPagingIsAProblem() throws Exception {
		this.mvc.perform(get("/api/search").param("q", "model").param("size", "500"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.field").value("size"))
			.andExpect(jsonPath("$.detail").value("size: must be between 1 and 100, was 500"));
		this.mvc.perform(get("/api/search").param("q", "model").param("page", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("page"));
		this.mvc.perform(get("/api/search").param("q", "model").param("page", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("page"));
		verifyNoInteractions(this.search);
	}

	@Test
	void passesModeAndLanguage() throws Exception {
		given(this.search.search(any())).willReturn(new SearchResult(0, true, 0, 20, List.of()));
		this.mvc.perform(get("/api/search").param("q", "open models").param("mode", "Hybrid").param("language", "zh"))
			.andExpect(status().isOk());
		verify(this.search).search(SearchQuery.of("open models").withMode(SearchMode.HYBRID).withLanguage("zh"));
		this.mvc.perform(get("/api/search").param("q", "open models").param("mode", "semantic"))
			.andExpect(status().isOk());
		verify(this.search).search(SearchQuery.of("open models").withMode(SearchMode.SEMANTIC));
	}

	@Test
	void anUnknownModeIsAProblem() throws Exception {
		this.mvc.perform(get("/api/search").param("q", "model").param("mode", "vector"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("mode"))
			.andExpect(
					jsonPath("$.detail").value("mode: must be one of keyword, semantic, hybrid, auto; was 'vector'"));
		this.mvc.perform(get("/api/search").param("topic", "chameleon").param("mode", "hybrid"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("q"))
			.andExpect(jsonPath("$.detail").value("q: is required in hybrid mode"));
		verifyNoInteractions(this.search);
	}

	@Test
	void missingQueryAndReversedTimeAreProblems() throws Exception {
		this.mvc.perform(get("/api/search"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("q"));
		this.mvc.perform(get("/api/search").param("q", "x").param("fromMs", "9").param("toMs", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("fromMs"));
	}

	@Test
	void malformedQueryFromTheServiceIsAProblem() throws Exception {
		given(this.search.search(any()))
			.willThrow(io.podlens.common.InvalidInputException.forField("q", "cannot be parsed: lone AND"));
		this.mvc.perform(get("/api/search").param("q", "AND"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("q: cannot be parsed: lone AND"));
	}

	@Test
	void rebuildReportsCountAndDuration() throws Exception {
		given(this.search.rebuild()).willReturn(new RebuildReport(1_234, 56));
		this.mvc.perform(post("/api/admin/index/rebuild"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.segments").value(1_234))
			.andExpect(jsonPath("$.tookMs").value(56));
	}

	@Test
	void statsShowTheIndexState() throws Exception {
		given(this.search.stats()).willReturn(new IndexStats(10, 42, 7));
		this.mvc.perform(get("/api/admin/index"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.documents").value(10))
			.andExpect(jsonPath("$.maxSegmentId").value(42))
			.andExpect(jsonPath("$.vectors").value(7));
	}

}
