package io.podlens.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What the embedding model reads of a query string: its words without the query syntax.
 * Quotes, parentheses, {@code +}, wildcards and escapes go, {@code AND} and {@code OR}
 * go, and excluded words ({@code -word}, {@code NOT word}) go entirely; they are applied
 * as a filter instead (see {@link QueryTranslator#vectorFilter}).
 */
final class SemanticText {

	private SemanticText() {
	}

	static String of(String q) {
		List<String> words = new ArrayList<>();
		boolean excludeNext = false;
		for (String token : q.strip().split("\\s+")) {
			if (token.equals("AND") || token.equals("OR") || token.equals("&&") || token.equals("||")) {
				continue;
			}
			if (token.equals("NOT") || token.equals("!")) {
				excludeNext = true;
				continue;
			}
			boolean excluded = excludeNext || token.startsWith("-") || token.startsWith("!");
			excludeNext = false;
			if (excluded) {
				continue;
			}
			String word = token.replaceAll("[\"()\\[\\]{}+*?~^\\\\]", "").replaceAll("^-+", "");
			if (!word.isBlank()) {
				words.add(word);
			}
		}
		return String.join(" ", words);
	}

}
