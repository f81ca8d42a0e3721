package io.podlens.common;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** The request clashes with what is stored, for example a duplicate external id (409). */
public class ConflictException extends PodlensException {

	public ConflictException(String detail, Map<String, Object> properties) {
		super(detail, properties);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String title() {
		return "Conflict";
	}

}
