package io.podlens.search;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(KeywordController.class)
class KeywordControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SegmentSearch search;

	@Test
	void listsKeywordsBestFirst() throws Exception {
		given(this.search.keywords(3, 2))
			.willReturn(Optional.of(List.of(new Keyword("模型", 42.8), new Keyword("Token", 28.2))));
		this.mvc.perform(get("/api/episodes/3/keywords").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].term").value("模型"))
			.andExpect(jsonPath("$[1].score").value(28.2));
	}

	@Test
	void unknownEpisodeIsNotFound() throws Exception {
		given(this.search.keywords(9, 20)).willReturn(Optional.empty());
		this.mvc.perform(get("/api/episodes/9/keywords"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void limitIsChecked() throws Exception {
		this.mvc.perform(get("/api/episodes/9/keywords").param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("limit"));
	}

}
