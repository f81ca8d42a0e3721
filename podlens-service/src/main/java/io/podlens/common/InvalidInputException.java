package io.podlens.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The request is well-formed HTTP but its content is wrong (400): an unparsable
 * transcript, a malformed query, a bad parameter. The detail says what is wrong; the
 * properties say where (a {@code field}, a {@code line}, a {@code column}).
 */
public class InvalidInputException extends PodlensException {

	private final String title;

	public InvalidInputException(String title, String detail, Map<String, Object> where) {
		super(detail, where);
		this.title = title;
	}

	public InvalidInputException(String title, String detail) {
		this(title, detail, Map.of());
	}

	/** Convenience for a problem with one named request field. */
	public static InvalidInputException forField(String field, String detail) {
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("field", field);
		return new InvalidInputException("Invalid request", field + ": " + detail, where);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public String title() {
		return this.title;
	}

}
