package io.podlens.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of a query's words a segment must contain, in the syntax of Solr's and
 * Elasticsearch's {@code mm} parameter, so that the rule can be tuned without code:
 * <ul>
 * <li>{@code 3}: at least three words; {@code -1}: all but one;</li>
 * <li>{@code 60%}: 60 % of the words, rounded down; {@code -25%}: all but 25 %, rounded
 * down;</li>
 * <li>{@code 2<-1 3<60%}: conditions in ascending order, each applying to queries of more
 * words than its number; up to the first number every word is required. Here: one or two
 * words all, three words all but one, four and more 60 % (four: 2, five: 3, ten: 6).</li>
 * </ul>
 * The result is always between 1 and the number of words.
 */
final class MinimumShouldMatch {

	private static final Pattern CONDITION = Pattern.compile("(\\d+)<(-?\\d+%?)");

	private static final Pattern PLAIN = Pattern.compile("-?\\d+%?");

	private final String spec;

	/** Ascending word counts above which {@link #rules} apply; empty for one rule. */
	private final List<Integer> above = new ArrayList<>();

	private final List<String> rules = new ArrayList<>();

	private MinimumShouldMatch(String spec) {
		this.spec = spec;
	}

	/**
	 * @throws IllegalArgumentException naming the setting when the spec is malformed
	 */
	static MinimumShouldMatch parse(String spec) {
		MinimumShouldMatch parsed = new MinimumShouldMatch(spec.strip());
		String[] parts = parsed.spec.split("\\s+");
		if (parts.length == 1 && PLAIN.matcher(parts[0]).matches()) {
			parsed.rules.add(parts[0]);
			return parsed.checked();
		}
		int last = 0;
		for (String part : parts) {
			Matcher condition = CONDITION.matcher(part);
			if (!condition.matches()) {
				throw invalid(spec, "'" + part + "' is not of the form N<rule");
			}
			int count;
			try {
				count = Integer.parseInt(condition.group(1));
			}
			catch (NumberFormatException ex) {
				throw invalid(spec, "a number is too large");
			}
			if (count <= last) {
				throw invalid(spec, "the word counts must be positive and ascending");
			}
			last = count;
			parsed.above.add(count);
			parsed.rules.add(condition.group(2));
		}
		return parsed.checked();
	}

	/** Numbers too large for an int are caught here, at start-up. */
	private MinimumShouldMatch checked() {
		try {
			for (String rule : this.rules) {
				apply(rule, 1);
			}
			for (int count : this.above) {
				of(count + 1);
			}
		}
		catch (NumberFormatException ex) {
			throw invalid(this.spec, "a number is too large");
		}
		return this;
	}

	private static IllegalArgumentException invalid(String spec, String why) {
		return new IllegalArgumentException("podlens.search.ranking.minimum-should-match '" + spec + "' is invalid: "
				+ why + " (examples: 2, -1, 75%, 2<-1 3<60%)");
	}

	/** The number of words a segment must contain out of {@code words}. */
	int of(int words) {
		if (words <= 1) {
			return words;
		}
		String rule = null;
		if (this.above.isEmpty()) {
			rule = this.rules.get(0);
		}
		else {
			for (int i = 0; i < this.above.size(); i++) {
				if (words > this.above.get(i)) {
					rule = this.rules.get(i);
				}
			}
			if (rule == null) {
				return words;
			}
		}
		return Math.max(1, Math.min(words, apply(rule, words)));
	}

	private static int apply(String rule, int words) {
		boolean negative = rule.startsWith("-");
		String value = negative ? rule.substring(1) : rule;
		int amount;
		if (value.endsWith("%")) {
			amount = (int) Math.floor(words * Integer.parseInt(value.substring(0, value.length() - 1)) / 100.0);
		}
		else {
			amount = Integer.parseInt(value);
		}
		return negative ? words - amount : amount;
	}

	@Override
	public String toString() {
		return this.spec;
	}

}
