package io.podlens.common;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A resource the client named does not exist (404). */
public class NotFoundException extends PodlensException {

	public NotFoundException(String resource, Object id) {
		super(resource + " " + id + " does not exist", Map.of("resource", resource, "id", String.valueOf(id)));
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String title() {
		return "Not found";
	}

}
