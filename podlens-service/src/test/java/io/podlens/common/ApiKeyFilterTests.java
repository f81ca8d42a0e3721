package io.podlens.common;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFilterTests {

	private static final String KEY = "s3cret-key";

	private final ApiKeyFilter guarded = filter(KEY);

	@Test
	void writeWithoutKeyIsUnauthorized() throws Exception {
		MockHttpServletResponse response = run(this.guarded, request("POST", "/api/episodes", null));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("X-API-Key");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":401", "X-API-Key",
				"\"instance\":\"/api/episodes\"");
	}

	@Test
	void writeWithWrongKeyIsUnauthorized() throws Exception {
		assertThat(run(this.guarded, request("DELETE", "/api/episodes/3", "s3cret-kex")).getStatus()).isEqualTo(401);
		assertThat(run(this.guarded, request("PUT", "/api/episodes/3", KEY + "x")).getStatus()).isEqualTo(401);
		assertThat(run(this.guarded, request("PATCH", "/api/episodes/3", "")).getStatus()).isEqualTo(401);
	}

	@Test
	void writeWithTheKeyPasses() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.guarded.doFilter(request("POST", "/api/episodes", KEY), response, chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void readsStayOpen() throws Exception {
		for (String method : new String[] { "GET", "HEAD", "OPTIONS" }) {
			MockFilterChain chain = new MockFilterChain();
			this.guarded.doFilter(request(method, "/api/search", null), new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(method).isNotNull();
		}
	}

	@Test
	void adminReadsNeedTheKey() throws Exception {
		assertThat(run(this.guarded, request("GET", "/api/admin/index", null)).getStatus()).isEqualTo(401);
		assertThat(run(this.guarded, request("GET", "/api/admin", null)).getStatus()).isEqualTo(401);
		MockFilterChain chain = new MockFilterChain();
		this.guarded.doFilter(request("GET", "/api/admin/index", KEY), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void alertReadsNeedTheKeyTheyShowWebhookUrls() throws Exception {
		for (String path : new String[] { "/api/alerts", "/api/alerts/3", "/api/alerts/3/deliveries",
				"/API/Alerts/3" }) {
			assertThat(run(this.guarded, request("GET", path, null)).getStatus()).as(path).isEqualTo(401);
			assertThat(run(this.guarded, request("HEAD", path, "wrong")).getStatus()).as(path).isEqualTo(401);
			MockFilterChain chain = new MockFilterChain();
			this.guarded.doFilter(request("GET", path, KEY), new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(path).isNotNull();
		}
		MockHttpServletResponse refused = run(this.guarded, request("GET", "/api/alerts/3", null));
		assertThat(refused.getContentAsString()).contains("reads alerts");
		// the feed and paths that only start like it stay open
		for (String path : new String[] { "/api/events", "/api/alertsx" }) {
			MockFilterChain open = new MockFilterChain();
			this.guarded.doFilter(request("GET", path, null), new MockHttpServletResponse(), open);
			assertThat(open.getRequest()).as(path).isNotNull();
		}
	}

	@Test
	void theMcpEndpointNeedsTheKeyForEveryMethod() throws Exception {
		for (String method : new String[] { "GET", "POST", "DELETE" }) {
			assertThat(run(this.guarded, request(method, "/mcp", null)).getStatus()).as(method).isEqualTo(401);
		}
		assertThat(run(this.guarded, request("GET", "/MCP/", null)).getStatus()).isEqualTo(401);
		MockFilterChain chain = new MockFilterChain();
		this.guarded.doFilter(request("GET", "/mcp", KEY), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		// a read elsewhere whose path only starts like it stays open
		MockFilterChain open = new MockFilterChain();
		this.guarded.doFilter(request("GET", "/mcpx", null), new MockHttpServletResponse(), open);
		assertThat(open.getRequest()).isNotNull();
	}

	@Test
	void adminPathIsMatchedOnTheDecodedServletPathIgnoringCase() throws Exception {
		MockHttpServletRequest request = request("GET", "/api/%61dmin/index", null);
		request.setServletPath("/api/ADMIN/index");
		request.setPathInfo(null);
		assertThat(run(this.guarded, request).getStatus()).isEqualTo(401);
	}

	@Test
	void pathsThatOnlyLookLikeAdminStayOpen() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.guarded.doFilter(request("GET", "/api/administrators", null), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void withoutAKeyEverythingIsOpen() throws Exception {
		for (String blank : new String[] { null, "", "  " }) {
			MockFilterChain chain = new MockFilterChain();
			filter(blank).doFilter(request("POST", "/api/admin/index/rebuild", null), new MockHttpServletResponse(),
					chain);
			assertThat(chain.getRequest()).isNotNull();
		}
	}

	private static ApiKeyFilter filter(String key) {
		return new ApiKeyFilter(new PodlensProperties(Path.of("data"), 10, 10, key, DataSize.ofMegabytes(1)));
	}

	private static MockHttpServletRequest request(String method, String path, String key) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		if (key != null) {
			request.addHeader("X-API-Key", key);
		}
		return request;
	}

	private static MockHttpServletResponse run(ApiKeyFilter filter, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		if (response.getStatus() == 401) {
			assertThat(chain.getRequest()).as("a refused request must not reach the application").isNull();
		}
		return response;
	}

}
