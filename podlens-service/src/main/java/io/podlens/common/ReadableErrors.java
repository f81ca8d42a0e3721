package io.podlens.common;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.validation.FieldError;

/**
 * Turns parse and binding failures into words a client understands: the field path
 * ({@code segments[0].startMs}) and what was expected, never a Java type name.
 */
final class ReadableErrors {

	private ReadableErrors() {
	}

	/**
	 * Field path and problem of an unreadable JSON body; field is empty when none
	 * applies.
	 */
	record JsonProblem(String field, String detail) {
	}

	static JsonProblem json(Throwable failure) {
		JacksonException json = find(failure, JacksonException.class);
		if (json == null) {
			return new JsonProblem("", "The request body could not be read as JSON.");
		}
		String field = path(json.getPath());
		if (!field.isEmpty()) {
			String expected = (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null)
					? describe(mismatch.getTargetType()) : "another value";
			return new JsonProblem(field, field + ": expected " + expected);
		}
		if (json instanceof StreamReadException) {
			return new JsonProblem("", "The request body is not valid JSON: " + firstLine(json.getOriginalMessage())
					+ where(json.getLocation()));
		}
		return new JsonProblem("", "The request body must be a JSON object with the documented fields");
	}

	/**
	 * The message of a field that could not be bound (a form field of the wrong type).
	 */
	static String binding(FieldError error) {
		if (!error.isBindingFailure()) {
			return String.valueOf(error.getDefaultMessage());
		}
		String type = "value";
		for (String code : (error.getCodes() != null) ? error.getCodes() : new String[0]) {
			if (code.startsWith("typeMismatch.") && code.substring(13).contains(".")) {
				try {
					type = describe(Class.forName(code.substring(13)));
				}
				catch (ClassNotFoundException ex) {
					// keep the generic word
				}
			}
		}
		return "'" + error.getRejectedValue() + "' is not " + type;
	}

	static String describe(Class<?> type) {
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date-time such as 2024-06-01T08:00:00Z";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT);
		}
		return "a JSON object";
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (path.length() > 0) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "syntax error";
		}
		int newline = message.indexOf('\n');
		String line = (newline < 0) ? message : message.substring(0, newline);
		return (line.length() <= 200) ? line : line.substring(0, 200) + "…";
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
