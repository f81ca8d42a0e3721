package io.podlens.transcript;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the segment objects out of a JSON transcript, remembering the line each one
 * starts on for error messages. Nesting is limited so hostile input cannot exhaust the
 * stack.
 */
final class JsonSegments {

	static final int MAX_NESTING = 64;

	static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
			.build())
		.build();

	record Item(int line, JsonNode node) {
	}

	private JsonSegments() {
	}

	/**
	 * The elements of the first top-level array property among {@code arrayNames}, or of
	 * the root when it is an array.
	 */
	static List<Item> read(String content, TranscriptFormat format, String... arrayNames) {
		List<Item> items = null;
		try (JsonParser parser = MAPPER.createParser(content)) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.START_ARRAY) {
				items = elements(parser);
			}
			else if (token == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if (items == null && value == JsonToken.START_ARRAY && List.of(arrayNames).contains(name)) {
						items = elements(parser);
					}
					else {
						parser.skipChildren();
					}
				}
			}
			else {
				throw new TranscriptParseException(format, 1,
						"expected a JSON object with a \"" + arrayNames[0] + "\" array");
			}
			if (parser.nextToken() != null) {
				throw new TranscriptParseException(format, parser.currentTokenLocation().getLineNr(),
						"unexpected content after the JSON document");
			}
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? Math.max(0, ex.getLocation().getLineNr()) : 0;
			throw new TranscriptParseException(format, line, "invalid JSON: " + firstLine(ex.getOriginalMessage()));
		}
		if (items == null) {
			throw new TranscriptParseException(format, 0, "no \"" + arrayNames[0] + "\" array in the JSON document");
		}
		return items;
	}

	private static List<Item> elements(JsonParser parser) {
		List<Item> items = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			int line = parser.currentTokenLocation().getLineNr();
			JsonNode node = parser.readValueAsTree();
			items.add(new Item(line, node));
		}
		return items;
	}

	/**
	 * Milliseconds from seconds given as a number or a numeric string, or -1 when absent.
	 */
	static long seconds(Item item, String field, TranscriptFormat format, int index) {
		JsonNode value = item.node().get(field);
		if (value == null || value.isNull()) {
			return -1;
		}
		BigDecimal seconds;
		if (value.isNumber()) {
			// A double beyond its range (5e308) is read as Infinity, which has no
			// decimal.
			if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
				throw new TranscriptParseException(format, item.line(),
						"segment " + (index + 1) + ": " + field + " " + value + " is too large");
			}
			seconds = value.decimalValue();
		}
		else if (value.isString()) {
			String text = value.stringValue().trim();
			if (text.contains(":")) {
				long ms = Timecodes.clock(text);
				if (ms >= 0) {
					return ms;
				}
			}
			try {
				seconds = new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				throw new TranscriptParseException(format, item.line(),
						"segment " + (index + 1) + ": " + field + " '" + text + "' is not a number of seconds");
			}
		}
		else {
			throw new TranscriptParseException(format, item.line(),
					"segment " + (index + 1) + ": " + field + " must be a number of seconds");
		}
		if (seconds.signum() < 0) {
			throw new TranscriptParseException(format, item.line(),
					"segment " + (index + 1) + ": " + field + " " + shown(seconds) + " is negative");
		}
		if (seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
			throw new TranscriptParseException(format, item.line(),
					"segment " + (index + 1) + ": " + field + " " + shown(seconds) + " is too large");
		}
		return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/** A number for a message: plain unless that would be huge ("1e999999999"). */
	private static String shown(BigDecimal number) {
		return (Math.abs(number.scale()) > 30) ? number.toString() : number.toPlainString();
	}

	/** The text of a string property, or {@code null}. */
	static @Nullable String text(Item item, String field) {
		JsonNode value = item.node().get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable content";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
