package io.podlens.mcp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** How the tools write times, dates and text an assistant quotes. */
final class Cite {

	private static final Pattern TAGS = Pattern.compile("<[^>]{0,20}>");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private Cite() {
	}

	/** {@code [mm:ss]}, or {@code [h:mm:ss]} from an hour on. */
	static String time(long ms) {
		long seconds = Math.max(0, ms) / 1000;
		long hours = seconds / 3600;
		return (hours > 0) ? String.format(Locale.ROOT, "[%d:%02d:%02d]", hours, (seconds / 60) % 60, seconds % 60)
				: String.format(Locale.ROOT, "[%02d:%02d]", seconds / 60, seconds % 60);
	}

	/** A duration as {@code mm:ss} or {@code h:mm:ss}, without brackets. */
	static String duration(long ms) {
		String time = time(ms);
		return time.substring(1, time.length() - 1);
	}

	static String date(@Nullable OffsetDateTime dateTime) {
		// in UTC like the trends, whatever offset the database hands back
		return (dateTime != null) ? date(dateTime.toInstant()) : "no date";
	}

	static String date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	/**
	 * A search snippet (HTML with {@code <mark>} around matches) as plain text with the
	 * matches in {@code **}, on one line.
	 */
	static String snippet(String html) {
		String marked = html.replace("<mark>", "**").replace("</mark>", "**");
		String plain = TAGS.matcher(marked).replaceAll("");
		plain = plain.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&");
		return oneLine(plain);
	}

	/** Whitespace runs as one space, stripped. */
	static String oneLine(String text) {
		return SPACE.matcher(text).replaceAll(" ").strip();
	}

	/**
	 * About {@code radius} characters either side of {@code part} in {@code text} (the
	 * start when it is not found), with the part in {@code **}.
	 */
	static String around(String text, String part, int radius) {
		String line = oneLine(text);
		int at = line.indexOf(part);
		if (at < 0) {
			return abbreviate(line, 2 * radius);
		}
		int from = Math.max(0, at - radius);
		int to = Math.min(line.length(), at + part.length() + radius);
		return ((from > 0) ? "…" : "") + line.substring(from, at) + "**" + part + "**"
				+ line.substring(at + part.length(), to) + ((to < line.length()) ? "…" : "");
	}

	static String abbreviate(String text, int max) {
		return (text.codePointCount(0, text.length()) <= max) ? text
				: text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

	static String plural(long count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

}
