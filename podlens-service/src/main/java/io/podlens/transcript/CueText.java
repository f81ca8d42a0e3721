package io.podlens.transcript;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleaning of cue text: markup, entities, control characters and whitespace. */
final class CueText {

	private static final Pattern TAG = Pattern.compile("<[^<>]*>");

	// SRT has no escaping, so only formatting tags are markup there; "<welcome>" stays
	// text
	private static final Pattern SRT_TAG = Pattern.compile(
			"</?(?:i|b|u|s|font|c|v|span|ruby|rt|lang)(?:[\\s.][^<>]*)?>|<\\d{1,3}(?::\\d{2}){1,2}[.,]\\d{1,3}>",
			Pattern.CASE_INSENSITIVE);

	// ASS/SSA override blocks such as {\an8} that some SRT files carry
	private static final Pattern ASS_OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");

	private static final Pattern ENTITY = Pattern
		.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});");

	private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
			Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
			Map.entry("lrm", ""), Map.entry("rlm", ""), Map.entry("hellip", "…"), Map.entry("mdash", "—"),
			Map.entry("ndash", "–"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
			Map.entry("rdquo", "”"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("copy", "©"),
			Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("eacute", "é"), Map.entry("egrave", "è"),
			Map.entry("aacute", "á"), Map.entry("agrave", "à"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"),
			Map.entry("auml", "ä"), Map.entry("ntilde", "ñ"), Map.entry("ccedil", "ç"), Map.entry("szlig", "ß"));

	private CueText() {
	}

	/** Removes tags such as {@code <i>}, {@code <c.color>} and {@code <00:00:01.000>}. */
	static String stripTags(String text) {
		if (text.indexOf('<') < 0 && text.indexOf('{') < 0) {
			return text;
		}
		return ASS_OVERRIDE.matcher(TAG.matcher(text).replaceAll("")).replaceAll("");
	}

	/** Decodes HTML character references; unknown ones stay as written. */
	static String decodeEntities(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		Matcher matcher = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(entity(matcher.group(1), matcher.group())));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String entity(String name, String whole) {
		if (name.charAt(0) == '#') {
			boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
			int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
			return Character.isValidCodePoint(codePoint) && codePoint != 0 ? new String(Character.toChars(codePoint))
					: "";
		}
		return NAMED.getOrDefault(name, NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), whole));
	}

	/**
	 * Removes control characters (tab and line breaks become spaces), collapses
	 * whitespace and trims.
	 */
	static String clean(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' || c == '\n' || c == '\r' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = true;
				continue;
			}
			if (Character.getType(c) == Character.CONTROL || c == '\uFEFF') {
				continue;
			}
			if (space && out.length() > 0) {
				out.append(' ');
			}
			space = false;
			out.append(c);
		}
		return out.toString();
	}

	/** Markup-free, entity-decoded, cleaned text of one WebVTT caption line. */
	static String captionLine(String line) {
		return clean(decodeEntities(stripTags(line)));
	}

	/** Text of one SRT line: formatting tags removed, other angle brackets kept. */
	static String srtLine(String line) {
		if (line.indexOf('<') < 0 && line.indexOf('{') < 0) {
			return clean(decodeEntities(line));
		}
		return clean(decodeEntities(ASS_OVERRIDE.matcher(SRT_TAG.matcher(line).replaceAll("")).replaceAll("")));
	}

}
