package io.podlens.mcp;

import java.util.Map;

import io.podlens.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one tool call, read with the checks the REST API makes: a wrong one is
 * an {@link InvalidInputException} naming it, which the tool answers as a tool error.
 */
final class ToolArguments {

	private final Map<String, Object> values;

	ToolArguments(@Nullable Map<String, Object> values) {
		this.values = (values != null) ? values : Map.of();
	}

	String requiredText(String name) {
		String value = text(name);
		if (value == null) {
			throw InvalidInputException.forField(name, "is required");
		}
		return value;
	}

	/** A string, stripped; null when absent or blank. */
	@Nullable String text(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
			throw InvalidInputException.forField(name, "must be a string");
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	long requiredLong(String name) {
		Long value = longValue(name);
		if (value == null) {
			throw InvalidInputException.forField(name, "is required");
		}
		return value;
	}

	@Nullable Long longValue(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Number number) {
			if (number.doubleValue() != Math.rint(number.doubleValue())) {
				throw InvalidInputException.forField(name, "must be a whole number, was " + number);
			}
			return number.longValue();
		}
		try {
			return Long.parseLong(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.forField(name, "must be a whole number, was '" + abbreviate(value) + "'");
		}
	}

	int intValue(String name, int defaultValue, int min, int max) {
		Long value = longValue(name);
		long chosen = (value != null) ? value : defaultValue;
		if (chosen < min || chosen > max) {
			throw InvalidInputException.forField(name, "must be between " + min + " and " + max + ", was " + chosen);
		}
		return (int) chosen;
	}

	boolean flag(String name, boolean defaultValue) {
		Object value = this.values.get(name);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = value.toString().strip();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(text);
		}
		throw InvalidInputException.forField(name, "must be true or false, was '" + abbreviate(value) + "'");
	}

	private static String abbreviate(Object value) {
		String text = value.toString();
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
