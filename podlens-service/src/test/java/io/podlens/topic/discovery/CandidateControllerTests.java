package io.podlens.topic.discovery;

import java.util.List;
import java.util.Map;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.Paged;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CandidateController.class)
class CandidateControllerTests {

	private static final CandidateView ZORBLAX = new CandidateView(7, "Zorblax", "open", List.of("capitalized"), 5, 2,
			List.of(new CandidateView.Variant("Zorblax", 4), new CandidateView.Variant("Zorblaks", 1)),
			List.of(new CandidateView.EpisodeCount(1, "Tools", 4)),
			List.of(new CandidateView.Context(1, 11, 0, 0, 4000, "Zorblax", "tools from Zorblax")),
			new CandidateView.Probably("zorb", "Zorb", "near-sound"), null, null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CandidateService candidates;

	@Test
	void listsCandidatesWithCountsVariantsContextsAndTheTopicTheySoundLike() throws Exception {
		given(this.candidates.list(null, null, 0, 20)).willReturn(new Paged<>(List.of(ZORBLAX), 0, 20, 1));
		this.mvc.perform(get("/api/topics/candidates"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value("Zorblax"))
			.andExpect(jsonPath("$.items[0].mentionCount").value(5))
			.andExpect(jsonPath("$.items[0].episodeCount").value(2))
			.andExpect(jsonPath("$.items[0].variants[1].surface").value("Zorblaks"))
			.andExpect(jsonPath("$.items[0].episodes[0].title").value("Tools"))
			.andExpect(jsonPath("$.items[0].contexts[0].startMs").value(0))
			.andExpect(jsonPath("$.items[0].contexts[0].segmentId").value(11))
			.andExpect(jsonPath("$.items[0].probably.topicId").value("zorb"))
			.andExpect(jsonPath("$.items[0].probably.how").value("near-sound"));
		given(this.candidates.list("rejected", 2, 1, 5)).willReturn(new Paged<>(List.of(), 1, 5, 0));
		this.mvc
			.perform(get("/api/topics/candidates").param("status", "rejected")
				.param("minMentions", "2")
				.param("page", "1")
				.param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void badPagingAndParametersAreProblems() throws Exception {
		this.mvc.perform(get("/api/topics/candidates").param("size", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("size"));
		this.mvc.perform(get("/api/topics/candidates").param("page", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("page"));
		this.mvc.perform(get("/api/topics/candidates").param("minMentions", "many"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		given(this.candidates.list(eq("maybe"), any(), anyInt(), anyInt()))
			.willThrow(InvalidInputException.forField("status", "'maybe' is not one of open, accepted, rejected"));
		this.mvc.perform(get("/api/topics/candidates").param("status", "maybe"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		this.mvc.perform(get("/api/topics/candidates/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		then(this.candidates).should(never()).get(anyInt());
	}

	@Test
	void acceptsWithOrWithoutABody() throws Exception {
		CandidateView accepted = new CandidateView(7, "Zorblax", "accepted", List.of("capitalized"), 5, 2, List.of(),
				List.of(), List.of(), null, "zorblax", java.time.Instant.parse("2026-12-02T10:00:00Z"));
		given(this.candidates.accept(7, null)).willReturn(accepted);
		this.mvc.perform(post("/api/topics/candidates/7/accept"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("accepted"))
			.andExpect(jsonPath("$.topicId").value("zorblax"))
			.andExpect(jsonPath("$.decidedAt").value("2026-12-02T10:00:00Z"));
		given(this.candidates.accept(7, new AcceptRequest("zorb", null, null, null, null))).willReturn(accepted);
		this.mvc
			.perform(post("/api/topics/candidates/7/accept").contentType(MediaType.APPLICATION_JSON)
				.content("{\"topicId\":\"zorb\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/topics/candidates/7/accept").contentType(MediaType.APPLICATION_JSON)
				.content("{\"topicId\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void unknownAndDecidedCandidatesAreProblems() throws Exception {
		given(this.candidates.get(99)).willThrow(new NotFoundException("Candidate", 99));
		this.mvc.perform(get("/api/topics/candidates/99"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.resource").value("Candidate"));
		given(this.candidates.reject(7)).willThrow(new ConflictException("Candidate 7 is already rejected",
				Map.of("candidate", "/api/topics/candidates/7", "candidateStatus", "rejected")));
		this.mvc.perform(post("/api/topics/candidates/7/reject"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already rejected")))
			.andExpect(jsonPath("$.candidateStatus").value("rejected"));
		given(this.candidates.accept(eq(8L), any()))
			.willThrow(InvalidInputException.forField("category", "'planet' is not one of model, organization"));
		this.mvc
			.perform(post("/api/topics/candidates/8/accept").contentType(MediaType.APPLICATION_JSON)
				.content("{\"category\":\"planet\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("category"));
	}

}
