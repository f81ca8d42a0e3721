package io.podlens.bulkimport;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

import io.podlens.common.NotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ImportController.class)
class ImportControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ImportJobs jobs;

	@Test
	void acceptsNdjsonWith202AndTheJob() throws Exception {
		given(this.jobs.start(any(InputStream.class), anyLong())).willReturn(job("j1", 2));
		this.mvc.perform(post("/api/imports").contentType("application/x-ndjson").content("{}\n{}\n"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/imports/j1"))
			.andExpect(jsonPath("$.id").value("j1"))
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.done").value(0));
	}

	@Test
	void acceptsJsonLinesAndPlainText() throws Exception {
		given(this.jobs.start(any(InputStream.class), anyLong())).willReturn(job("j2", 1));
		this.mvc.perform(post("/api/imports").contentType("application/jsonl").content("{}"))
			.andExpect(status().isAccepted());
		this.mvc.perform(post("/api/imports").contentType(MediaType.TEXT_PLAIN).content("{}"))
			.andExpect(status().isAccepted());
	}

	@Test
	void refusesOtherContentTypesWith415Problem() throws Exception {
		this.mvc.perform(post("/api/imports").contentType(MediaType.APPLICATION_JSON).content("[{}]"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.jobs, never()).start(any(InputStream.class), anyLong());
	}

	@Test
	void showsProgressWithPerLineErrors() throws Exception {
		ImportJob job = job("j3", 3);
		job.stored(2, 120);
		job.failed(new ImportError(2, "title: must not be blank", "title", null));
		job.finish();
		given(this.jobs.get("j3")).willReturn(job);
		this.mvc.perform(get("/api/imports/j3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("done"))
			.andExpect(jsonPath("$.done").value(2))
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.segments").value(120))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].transcriptLine").doesNotExist())
			.andExpect(jsonPath("$.finishedAt").exists())
			.andExpect(jsonPath("$.etaSeconds").isEmpty());
	}

	@Test
	void unknownJobIs404Problem() throws Exception {
		given(this.jobs.get("nope")).willThrow(new NotFoundException("Import", "nope"));
		this.mvc.perform(get("/api/imports/nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private static ImportJob job(String id, long total) {
		return new ImportJob(id, Path.of("unused"), total, Clock.systemUTC(), 10);
	}

}
