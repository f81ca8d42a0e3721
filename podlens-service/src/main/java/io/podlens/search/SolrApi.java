package io.podlens.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Solr's HTTP API over {@code java.net.http}: no SolrJ (whose HTTP/2 client needs Jetty
 * 10, against Boot's Jetty 12) and no Solr server classes in the service. Requests go to
 * the configured nodes in turn; a node that cannot be reached is skipped for the next,
 * since any node forwards a request to the shards that hold the data. Answers are JSON;
 * Solr's errors become {@link SolrRequestException} with Solr's message.
 */
final class SolrApi {

	private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

	private final List<URI> urls;

	private final HttpClient http;

	private final Duration requestTimeout;

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicInteger next = new AtomicInteger();

	SolrApi(List<URI> urls, Duration connectTimeout, Duration requestTimeout) {
		if (urls.isEmpty()) {
			throw new SolrSetupException("podlens.search.backend=solr needs the Solr node URLs",
					"Set podlens.search.solr.urls (env PODLENS_SEARCH_SOLR_URLS) to one or more base URLs such as "
							+ "http://solr1:8983/solr, or use podlens.search.backend=lucene.",
					null);
		}
		this.urls = urls.stream().map(SolrApi::withoutTrailingSlash).toList();
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.requestTimeout = requestTimeout;
	}

	List<URI> urls() {
		return this.urls;
	}

	JsonMapper json() {
		return this.json;
	}

	/** A GET of {@code path} (below the base URL) with the parameters in the URL. */
	JsonNode get(String path, Map<String, ?> params) {
		String query = encode(params);
		return send((base) -> request(base, path, query).GET().build());
	}

	/**
	 * A POST of the parameters as a form: for queries of any length and any characters.
	 */
	JsonNode form(String path, Map<String, ?> params) {
		String body = encode(params);
		return send((base) -> request(base, path, "wt=json").header("Content-Type", FORM)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	/** A POST of a body (JSON documents, a configset zip) with parameters in the URL. */
	JsonNode post(String path, Map<String, ?> params, byte[] body, String contentType) {
		String query = encode(params);
		return send((base) -> request(base, path, query).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	byte[] toJson(Object value) {
		return this.json.writeValueAsBytes(value);
	}

	private HttpRequest.Builder request(URI base, String path, String query) {
		return HttpRequest.newBuilder(URI.create(base + "/" + path + "?" + query)).timeout(this.requestTimeout);
	}

	private JsonNode send(Function<URI, HttpRequest> build) {
		int start = Math.floorMod(this.next.getAndIncrement(), this.urls.size());
		IOException unreachable = null;
		for (int i = 0; i < this.urls.size(); i++) {
			URI base = this.urls.get((start + i) % this.urls.size());
			HttpResponse<byte[]> response;
			try {
				response = this.http.send(build.apply(base), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				// Not reachable or no answer in time: the next node may be.
				unreachable = ex;
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SolrRequestException("interrupted while waiting for Solr at " + base, 0, ex);
			}
			JsonNode body = parse(response);
			if (response.statusCode() >= 300) {
				throw new SolrRequestException(
						"Solr at " + base + " answered " + response.statusCode() + ": " + message(body, response),
						response.statusCode(), null);
			}
			return body;
		}
		throw new SolrRequestException("no Solr node answered (" + this.urls + "): " + unreachable, 0, unreachable);
	}

	private JsonNode parse(HttpResponse<byte[]> response) {
		try {
			return this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			return this.json.createObjectNode()
				.put("body", new String(response.body(), StandardCharsets.UTF_8).strip());
		}
	}

	private static String message(JsonNode body, HttpResponse<byte[]> response) {
		JsonNode error = body.path("error");
		if (error.has("msg")) {
			return error.get("msg").asString();
		}
		JsonNode exception = body.path("exception");
		if (exception.has("msg")) {
			return exception.get("msg").asString();
		}
		String text = body.has("body") ? body.get("body").asString() : body.toString();
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

	/** Form encoding; a collection value repeats its parameter. */
	private static String encode(Map<String, ?> params) {
		StringJoiner joined = new StringJoiner("&");
		joined.add("wt=json");
		params.forEach((name, value) -> {
			if (value instanceof Collection<?> values) {
				values.forEach((one) -> joined.add(pair(name, one)));
			}
			else {
				joined.add(pair(name, value));
			}
		});
		return joined.toString();
	}

	private static String pair(String name, Object value) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
	}

	private static URI withoutTrailingSlash(URI url) {
		String text = url.toString();
		return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
	}

}
