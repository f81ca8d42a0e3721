package io.podlens.common;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure a client caused or can act on; rendered as an RFC 9457 problem detail by
 * {@link ProblemHandler}. Features throw one of the subclasses rather than building HTTP
 * responses themselves.
 */
public abstract class PodlensException extends RuntimeException {

	private final transient Map<String, Object> properties;

	protected PodlensException(String detail, Map<String, Object> properties) {
		super(detail);
		this.properties = Map.copyOf(properties);
	}

	public abstract HttpStatus status();

	/** Short, stable summary of the problem type. */
	public abstract String title();

	/** Extra members of the problem document, such as {@code line} or {@code field}. */
	public Map<String, Object> properties() {
		return this.properties;
	}

}
