package io.podlens.common;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Something the request needs is away for a while, such as the search index on a Solr
 * cluster none of whose nodes answers (503 with {@code Retry-After}). Nothing was
 * changed; the same request may succeed later.
 */
public class UnavailableException extends PodlensException {

	private final int retryAfterSeconds;

	public UnavailableException(String detail, int retryAfterSeconds, Map<String, Object> properties) {
		super(detail, properties);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** Seconds a client should wait before trying again. */
	public int retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String title() {
		return "Service unavailable";
	}

}
