package io.podlens.common;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSizeFilterTests {

	private final RequestSizeFilter filter = new RequestSizeFilter(
			new PodlensProperties(Path.of("data"), 10, 10, null, DataSize.ofKilobytes(1)));

	@Test
	void declaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
		MockHttpServletRequest request = json(new byte[1025]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("1 KB (1024 bytes)", "podlens.max-request-size",
				"\"limitBytes\":1024");
	}

	@Test
	void bodyAtTheLimitPasses() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(json(new byte[1024]), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void streamedBodyFailsOnceItGrowsPastTheLimit() throws Exception {
		// no Content-Length: a chunked request
		MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/episodes") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		chunked.setContentType("application/json");
		chunked.setContent(new byte[3000]);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(chunked, new MockHttpServletResponse(), chain);
		assertThatThrownBy(() -> StreamUtils.copyToByteArray(chain.getRequest().getInputStream()))
			.isInstanceOf(RequestTooLargeException.class)
			.hasMessageContaining("podlens.max-request-size");
	}

	@Test
	void smallStreamedBodyReadsCompletely() throws Exception {
		MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/episodes") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		chunked.setContent(new byte[700]);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(chunked, new MockHttpServletResponse(), chain);
		assertThat(StreamUtils.copyToByteArray(chain.getRequest().getInputStream())).hasSize(700);
	}

	@Test
	void multipartIsLeftToTheMultipartLimits() throws Exception {
		MockHttpServletRequest request = json(new byte[5000]);
		request.setContentType("multipart/form-data; boundary=x");
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

	private static MockHttpServletRequest json(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/episodes");
		request.setContentType("application/json");
		request.setContent(body);
		return request;
	}

}
