package io.podlens.episode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.podlens.common.ConflictException;
import io.podlens.common.NotFoundException;
import io.podlens.transcript.TranscriptSegment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(EpisodeController.class)
class EpisodeControllerTests {

	private static final EpisodeView STORED = new EpisodeView(7, "Pilot", "Tech Wave", "ep1", "en", null, 2, 9000,
			Instant.parse("2026-11-28T10:00:00Z"));

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private EpisodeService episodes;

	@Test
	void createsFromTranscriptDocument() throws Exception {
		given(this.episodes.create(any(), anyList())).willReturn(STORED);
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"Pilot","podcast":"Tech Wave","externalId":"ep1",
				 "transcript":{"format":"timestamped-text","content":"(00:00~00:05) Hello\\n(00:05~00:09) 你好"}}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/episodes/7"))
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.segmentCount").value(2))
			.andExpect(jsonPath("$.durationMs").value(9000));
		verify(this.episodes).create(any(), org.mockito.ArgumentMatchers
			.eq(List.of(new TranscriptSegment(0, 5000, null, "Hello"), new TranscriptSegment(5000, 9000, null, "你好"))));
	}

	@Test
	void createsFromSegmentsSortedByStart() throws Exception {
		given(this.episodes.create(any(), anyList())).willReturn(STORED);
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"Pilot","segments":[{"startMs":5000,"endMs":9000,"text":"second"},
				                             {"startMs":0,"endMs":5000,"speaker":"Ann","text":"first"}]}"""))
			.andExpect(status().isCreated());
		verify(this.episodes).create(any(), org.mockito.ArgumentMatchers.eq(List
			.of(new TranscriptSegment(0, 5000, "Ann", "first"), new TranscriptSegment(5000, 9000, null, "second"))));
	}

	@Test
	void missingTitleIsAProblemNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"segments\":[{\"startMs\":0,\"endMs\":1,\"text\":\"x\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("title"));
		verify(this.episodes, never()).create(any(), anyList());
	}

	@Test
	void segmentEndingBeforeItsStartNamesItsPosition() throws Exception {
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"t","segments":[{"startMs":0,"endMs":10,"text":"a"},{"startMs":50,"endMs":20,"text":"b"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("segments[1].endMs"));
	}

	@Test
	void bothTranscriptAndSegmentsIsRefused() throws Exception {
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"t","transcript":{"content":"(00:00~00:01) a"},"segments":[]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not both")));
	}

	@Test
	void unparsableTranscriptNamesTheLine() throws Exception {
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"title":"t","transcript":{"format":"srt","content":"1\\n00:00:01,000 --> 00:00:0x,000\\nhello\\n"}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid transcript"))
			.andExpect(jsonPath("$.line").value(2))
			.andExpect(jsonPath("$.field").value("transcript.content"));
	}

	@Test
	void unknownFormatIsRefused() throws Exception {
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"t","transcript":{"format":"docx","content":"x"}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("transcript.format"));
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void uploadsAMultipartFile() throws Exception {
		given(this.episodes.create(any(), anyList())).willReturn(STORED);
		MockMultipartFile file = new MockMultipartFile("file", "ep.srt", "application/x-subrip",
				"1\n00:00:00,000 --> 00:00:02,500\nHello there\n".getBytes());
		this.mvc.perform(multipart("/api/episodes").file(file).param("title", "Pilot").param("podcast", "Tech Wave"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/episodes/7"));
		verify(this.episodes).create(any(),
				org.mockito.ArgumentMatchers.eq(List.of(new TranscriptSegment(0, 2500, null, "Hello there"))));
	}

	@Test
	void aVttFileWithoutItsHeaderIsRefusedEvenWhenItReadsAsSrt() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "captions.vtt", "text/vtt",
				"1\n00:00:00.000 --> 00:00:02.500\nHello there\n".getBytes());
		this.mvc.perform(multipart("/api/episodes").file(file).param("title", "Pilot"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.format").value("webvtt"));
	}

	@Test
	void wrongJsonTypesNameTheFieldWithoutJavaTypes() throws Exception {
		this.mvc
			.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"t\",\"segments\":[{\"startMs\":\"abc\",\"endMs\":1,\"text\":\"x\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("segments[0].startMs"))
			.andExpect(jsonPath("$.detail").value("segments[0].startMs: expected a whole number"));
		this.mvc
			.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"t\",\"publishedAt\":\"yesterday\",\"segments\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("publishedAt"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ISO-8601")));
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("[1]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("io.podlens"))));
	}

	@Test
	void wrongFormFieldTypeNamesTheFieldInWords() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "ep.srt", "application/x-subrip",
				"1\n00:00:00,000 --> 00:00:02,500\nHello there\n".getBytes());
		this.mvc.perform(multipart("/api/episodes").file(file).param("title", "Pilot").param("publishedAt", "nope"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("publishedAt"))
			.andExpect(jsonPath("$.detail")
				.value("publishedAt: 'nope' is not an ISO-8601 date-time such as 2024-06-01T08:00:00Z"));
	}

	@Test
	void uploadWithoutFileNamesThePart() throws Exception {
		this.mvc.perform(multipart("/api/episodes").param("title", "Pilot"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("file"));
	}

	@Test
	void duplicateExternalIdIsAConflict() throws Exception {
		given(this.episodes.create(any(), anyList())).willThrow(new ConflictException(
				"Episode 3 ('Old') already has externalId 'ep1'", Map.of("existingEpisodeId", 3L)));
		this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"t","externalId":"ep1","segments":[{"startMs":0,"endMs":10,"text":"a"}]}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.existingEpisodeId").value(3));
	}

	@Test
	void unknownEpisodeIsNotFound() throws Exception {
		given(this.episodes.get(42)).willThrow(new NotFoundException("Episode", 42));
		this.mvc.perform(get("/api/episodes/42"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Episode 42 does not exist"));
	}

	@Test
	void nonNumericIdIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/episodes/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("id"));
	}

	@Test
	void pagingIsValidated() throws Exception {
		this.mvc.perform(get("/api/episodes").param("size", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	@Test
	void exportsSrt() throws Exception {
		given(this.episodes.segments(7)).willReturn(List.of(new SegmentView(0, 0, 2500, null, "Hello")));
		this.mvc.perform(get("/api/episodes/7/transcript").param("format", "srt"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/x-subrip"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("00:00:00,000 --> 00:00:02,500")));
	}

	@Test
	void exportToAnInputOnlyFormatIsRefused() throws Exception {
		this.mvc.perform(get("/api/episodes/7/transcript").param("format", "html"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("format"));
	}

	@Test
	void deletes() throws Exception {
		this.mvc.perform(delete("/api/episodes/7")).andExpect(status().isNoContent());
		verify(this.episodes).delete(7);
	}

}
