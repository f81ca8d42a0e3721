package io.podlens.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.podlens.common.NotFoundException;
import io.podlens.common.RequestTooLargeException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
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

	private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ImportJobs jobs;

	/**
	 * What the controller handed to {@link ImportJobs#start}: body and declared length.
	 */
	private final List<String> started = new ArrayList<>();

	@Test
	void acceptsNdjsonWith202AndTheJob() throws Exception {
		givenStartReturns(ImportProgress.view(row("j1", "running", 2, 0, 0, 0, null, null), List.of(), START));
		this.mvc.perform(post("/api/imports").contentType("application/x-ndjson").content("{}\n{}\n"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/imports/j1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value("j1"))
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.done").value(0))
			.andExpect(jsonPath("$.failed").value(0))
			.andExpect(jsonPath("$.segments").value(0))
			.andExpect(jsonPath("$.errors", hasSize(0)))
			.andExpect(jsonPath("$.errorsOmitted").value(0))
			.andExpect(jsonPath("$.startedAt").value("2026-11-30T10:00:00Z"))
			.andExpect(jsonPath("$.finishedAt").value(nullValue()))
			.andExpect(jsonPath("$.segmentsPerSec").value(0.0))
			// Nothing handled yet: no basis for an estimate.
			.andExpect(jsonPath("$.etaSeconds").value(nullValue()))
			.andExpect(jsonPath("$.message").value(nullValue()));
		// The body reaches the job unchanged, with its declared length.
		assertThat(this.started).containsExactly("6:{}\n{}\n");
	}

	@Test
	void acceptsJsonLinesAndPlainText() throws Exception {
		givenStartReturns(ImportProgress.view(row("j2", "receiving", 1, 0, 0, 0, null, null), List.of(), START));
		this.mvc.perform(post("/api/imports").contentType("application/jsonl").content("{\"a\":1}"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/imports/j2"))
			.andExpect(jsonPath("$.id").value("j2"))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(post("/api/imports").contentType(MediaType.TEXT_PLAIN).content("{\"b\":2}\n"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/imports/j2"))
			.andExpect(jsonPath("$.id").value("j2"));
		assertThat(this.started).containsExactly("7:{\"a\":1}", "8:{\"b\":2}\n");
	}

	@Test
	void refusesOtherContentTypesWith415Problem() throws Exception {
		this.mvc.perform(post("/api/imports").contentType(MediaType.APPLICATION_JSON).content("[{}]"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(415))
			.andExpect(jsonPath("$.detail").value(containsString("application/json")))
			// The client learns what would have been accepted.
			.andExpect(header().string("Accept", containsString(ImportController.NDJSON)))
			.andExpect(header().string("Accept", containsString(ImportController.JSONL)))
			.andExpect(header().string("Accept", containsString(MediaType.TEXT_PLAIN_VALUE)));
		verify(this.jobs, never()).start(any(InputStream.class), anyLong());
	}

	@Test
	void tooLargeBodyIs413ProblemNamingTheSetting() throws Exception {
		given(this.jobs.start(any(InputStream.class), anyLong()))
			.willThrow(RequestTooLargeException.body(1024, "podlens.import.max-body-size"));
		this.mvc.perform(post("/api/imports").contentType(ImportController.NDJSON).content("{}\n"))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(413))
			.andExpect(jsonPath("$.title").value("Request too large"))
			.andExpect(jsonPath("$.limitBytes").value(1024))
			.andExpect(jsonPath("$.setting").value("podlens.import.max-body-size"))
			.andExpect(jsonPath("$.detail").value(containsString("podlens.import.max-body-size")));
	}

	@Test
	void fullQueueIs503Problem() throws Exception {
		given(this.jobs.start(any(InputStream.class), anyLong()))
			.willThrow(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many imports are waiting"));
		this.mvc.perform(post("/api/imports").contentType(ImportController.NDJSON).content("{}\n"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value("Too many imports are waiting"));
	}

	@Test
	void showsProgressWithPerLineErrors() throws Exception {
		ImportJobView job = ImportProgress.view(row("j3", "done", 3, 2, 1, 120, START, START.plusSeconds(4)),
				List.of(new ImportError(2, "title: must not be blank", "title", null)), START.plusSeconds(9));
		given(this.jobs.get("j3")).willReturn(job);
		this.mvc.perform(get("/api/imports/j3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("j3"))
			.andExpect(jsonPath("$.status").value("done"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.done").value(2))
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.segments").value(120))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].reason").value("title: must not be blank"))
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].transcriptLine").doesNotExist())
			.andExpect(jsonPath("$.errorsOmitted").value(0))
			.andExpect(jsonPath("$.finishedAt").exists())
			.andExpect(jsonPath("$.etaSeconds").isEmpty());
	}

	@Test
	void runningJobShowsRateEstimateAndErrorsByLineBeyondTheKeptOnes() throws Exception {
		// Three lines failed; the store hands the first two by line.
		ImportJobView job = ImportProgress.view(row("j4", "running", 10, 2, 3, 120, START, null),
				List.of(new ImportError(4, "segments[0].text: must not be blank", "segments[0].text", null),
						new ImportError(7, "transcript: srt line 3: no timing", "transcript", 3)),
				START.plusSeconds(10));
		given(this.jobs.get("j4")).willReturn(job);
		this.mvc.perform(get("/api/imports/j4"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.done").value(2))
			.andExpect(jsonPath("$.failed").value(3))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("segments[0].text"))
			.andExpect(jsonPath("$.errors[0].transcriptLine").doesNotExist())
			.andExpect(jsonPath("$.errors[1].line").value(7))
			.andExpect(jsonPath("$.errors[1].reason").value("transcript: srt line 3: no timing"))
			.andExpect(jsonPath("$.errors[1].field").value("transcript"))
			.andExpect(jsonPath("$.errors[1].transcriptLine").value(3))
			.andExpect(jsonPath("$.errorsOmitted").value(1))
			.andExpect(jsonPath("$.startedAt").value("2026-11-30T10:00:00Z"))
			.andExpect(jsonPath("$.finishedAt").value(nullValue()))
			// 120 segments in 10 s; 5 of 10 lines handled in 10 s leave 5 for 10 s more.
			.andExpect(jsonPath("$.segmentsPerSec").value(12.0))
			.andExpect(jsonPath("$.etaSeconds").value(10));
	}

	@Test
	void failedJobShowsWhy() throws Exception {
		ImportJobStore.JobRow failed = new ImportJobStore.JobRow("j5", "failed", 4, 1, 0, 5,
				"Reading the spooled body failed", START, START, START.plusSeconds(2), null, null);
		ImportJobView job = ImportProgress.view(failed, List.of(), START.plus(Duration.ofMinutes(5)));
		given(this.jobs.get("j5")).willReturn(job);
		this.mvc.perform(get("/api/imports/j5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("failed"))
			.andExpect(jsonPath("$.message").value("Reading the spooled body failed"))
			.andExpect(jsonPath("$.finishedAt").value("2026-11-30T10:00:02Z"))
			// The rate stops at the end of the job; no estimate once finished.
			.andExpect(jsonPath("$.segmentsPerSec").value(2.5))
			.andExpect(jsonPath("$.etaSeconds").value(nullValue()));
	}

	@Test
	void unknownJobIs404Problem() throws Exception {
		given(this.jobs.get("nope")).willThrow(new NotFoundException("Import", "nope"));
		this.mvc.perform(get("/api/imports/nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(jsonPath("$.detail").value("Import nope does not exist"))
			.andExpect(jsonPath("$.resource").value("Import"))
			.andExpect(jsonPath("$.id").value("nope"));
	}

	/** Answers {@code start} with the job and records the body and length it received. */
	private void givenStartReturns(ImportJobView job) {
		given(this.jobs.start(any(InputStream.class), anyLong())).willAnswer((invocation) -> {
			InputStream body = invocation.getArgument(0);
			long length = invocation.getArgument(1);
			try {
				this.started.add(length + ":" + new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return job;
		});
	}

	private static ImportJobStore.JobRow row(String id, String status, long total, long done, long failed,
			long segments, Instant startedAt, Instant finishedAt) {
		return new ImportJobStore.JobRow(id, status, total, done, failed, segments, null, START, startedAt, finishedAt,
				null, null);
	}

}
