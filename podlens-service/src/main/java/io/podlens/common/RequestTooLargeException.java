package io.podlens.common;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request body over a configured size limit (413). */
public class RequestTooLargeException extends PodlensException {

	RequestTooLargeException(String detail, long limitBytes, String setting) {
		super(detail, Map.of("limitBytes", limitBytes, "setting", setting));
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONTENT_TOO_LARGE;
	}

	@Override
	public String title() {
		return "Request too large";
	}

	static RequestTooLargeException body(long limitBytes) {
		return body(limitBytes, "podlens.max-request-size");
	}

	/** The body is over {@code limitBytes}, the value of the named setting. */
	public static RequestTooLargeException body(long limitBytes, String setting) {
		return new RequestTooLargeException(
				"The request body is larger than the limit of " + Sizes.describe(limitBytes) + " (" + setting + ")",
				limitBytes, setting);
	}

}
