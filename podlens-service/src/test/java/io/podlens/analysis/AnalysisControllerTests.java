package io.podlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AnalysisController.class)
@Import(AnalysisConfiguration.class)
// The application registers settings records by scanning, which a slice does not do.
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SegmentSource segments;

	private List<StoredSegment> episode() {
		return TestSegments.evenly("zh-Hant", 60_000, "歡迎收聽 我是主持人 今天的主題是多模態模型",
				"本期節目由某某雲贊助播出 現在報名有早鳥優惠 本集業配就到這邊結束 謝謝某某雲的贊助", "第二階段 vision encoder 黏在一起 linear projection",
				"第二階段 再進行微調 投射到同一個維度");
	}

	@Test
	void themes() throws Exception {
		given(this.segments.segmentsOf(7)).willReturn(episode());
		this.mvc.perform(get("/api/episodes/7/themes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.segments", hasSize(4)))
			.andExpect(jsonPath("$.segments[1].theme").value("sponsor"))
			.andExpect(jsonPath("$.segments[2].segmentIndex").value(2))
			.andExpect(jsonPath("$.spans[?(@.theme == 'multimodal-stage-2')].toSegment").value(3));
	}

	@Test
	void sponsors() throws Exception {
		given(this.segments.segmentsOf(7)).willReturn(episode());
		this.mvc.perform(get("/api/episodes/7/sponsors"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].sponsor").value("某某雲"))
			.andExpect(jsonPath("$[0].startMs").value(60_000))
			.andExpect(jsonPath("$[0].evidence[0]").value("本期節目由某某雲贊助播出"));
	}

	@Test
	void chaptersAreServedAsJsonChaptersByDefault() throws Exception {
		given(this.segments.segmentsOf(7)).willReturn(episode());
		this.mvc.perform(get("/api/episodes/7/chapters"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/json+chapters")))
			.andExpect(jsonPath("$.version").value("1.2.0"))
			.andExpect(jsonPath("$.chapters[0].startTime").value(0.0))
			.andExpect(jsonPath("$.chapters[?(@.title == '贊助')]").exists());
	}

	@Test
	void chaptersAsPlainJsonForClientsThatAskForIt() throws Exception {
		given(this.segments.segmentsOf(7)).willReturn(episode());
		this.mvc.perform(get("/api/episodes/7/chapters").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.version").value("1.2.0"));
		this.mvc.perform(get("/api/episodes/7/chapters").accept(MediaType.parseMediaType("application/json+chapters")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/json+chapters")));
	}

	@Test
	void timeline() throws Exception {
		given(this.segments.segmentsOf(7)).willReturn(episode());
		this.mvc.perform(get("/api/episodes/7/timeline.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("贊助: 某某雲")));
	}

	@Test
	void unknownEpisodeIsAProblem404() throws Exception {
		given(this.segments.segmentsOf(99)).willReturn(List.of());
		for (String path : List.of("themes", "sponsors", "chapters", "timeline.svg")) {
			this.mvc.perform(get("/api/episodes/99/" + path))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("Episode 99 does not exist"));
		}
	}

}
