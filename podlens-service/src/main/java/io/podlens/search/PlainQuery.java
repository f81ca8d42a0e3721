package io.podlens.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.podlens.text.Folding;
import io.podlens.text.WordLists;
import io.podlens.text.Words;

/**
 * A query typed as words or as a question, without query syntax, split into the words
 * that rank segments.
 * <p>
 * Whitespace separates words; Chinese written without spaces is split by the kernel's
 * dictionary segmentation ({@link Words}). Characters the dictionary leaves alone are
 * joined again: two or more in a row are one word (多|模|態 is 多模態, 輝|達 is 輝達, names and new
 * terms the dictionary does not know), a lone one joins the word it stands before (大|模型
 * is 大模型), or after. Latin, digits and other scripts stay as typed between spaces and Han
 * characters (GPT-4o in GPT-4o是原生的多模態模型).
 * <p>
 * Stopwords, question words and one-character function words
 * ({@link WordLists#STOPWORDS}, {@link WordLists#QUERY_FUNCTION_WORDS}: 的, 從, 哪裡, 什麼,
 * how, do, they) are not content words: a segment need not contain them, only the phrase
 * boost of the whole query sees them. A query of such words only (how do they) keeps them
 * all as content words.
 *
 * @param text the query as typed
 * @param contentWords the words that rank, each as typed, distinct by their folded form,
 * at most {@value #MAX_WORDS}
 */
record PlainQuery(String text, List<String> contentWords) {

	/**
	 * A pasted paragraph ranks by its first words; beyond, clauses add cost, not hits.
	 */
	static final int MAX_WORDS = 32;

	/** Characters with a meaning in the classic query syntax. */
	private static final String SYNTAX = "\"()[]{}:^~\\/*";

	PlainQuery {
		contentWords = List.copyOf(contentWords);
	}

	/**
	 * Whether the query uses no query syntax: no quotes, parentheses, brackets, field,
	 * boost, fuzzy or wildcard characters, no AND, OR, NOT, && or ||, and no word
	 * starting with +, - or !. A ? or ! that ends a word is punctuation (questions end
	 * with one), not a wildcard or an operator.
	 */
	static boolean isPlain(String q) {
		for (String chunk : chunks(q)) {
			if (chunk.equals("AND") || chunk.equals("OR") || chunk.equals("NOT") || chunk.contains("&&")
					|| chunk.contains("||")) {
				return false;
			}
			char first = chunk.charAt(0);
			if (first == '+' || first == '-' || first == '!') {
				return false;
			}
			String word = withoutClosingPunctuation(chunk);
			for (int i = 0; i < word.length(); i++) {
				char c = word.charAt(i);
				if (SYNTAX.indexOf(c) >= 0 || c == '?' || c == '!') {
					return false;
				}
			}
		}
		return true;
	}

	/** Splits a plain query ({@link #isPlain}) into its words. */
	static PlainQuery of(String q) {
		List<String> content = new ArrayList<>();
		List<String> function = new ArrayList<>();
		for (String chunk : chunks(q)) {
			String word = withoutClosingPunctuation(chunk);
			int at = 0;
			while (at < word.length()) {
				int end = at;
				boolean han = Folding.isHan(word.codePointAt(at));
				while (end < word.length() && Folding.isHan(word.codePointAt(end)) == han) {
					end += Character.charCount(word.codePointAt(end));
				}
				String run = word.substring(at, end);
				if (han) {
					hanWords(run, content, function);
				}
				else {
					String trimmed = trim(run);
					if (!trimmed.isEmpty()) {
						(isFunctionWord(trimmed) ? function : content).add(trimmed);
					}
				}
				at = end;
			}
		}
		return new PlainQuery(q, distinct(content.isEmpty() ? function : content));
	}

	/**
	 * Dictionary words of a run of Han characters, with the characters the dictionary
	 * leaves alone joined again (see the class comment); function words split the run.
	 */
	private static void hanWords(String run, List<String> content, List<String> function) {
		List<String> piece = new ArrayList<>();
		for (Words.Segment segment : Words.of(run)) {
			String word = run.substring(segment.start(), segment.end());
			if (isFunctionWord(word)) {
				content.addAll(joinLoneCharacters(piece));
				piece.clear();
				function.add(word);
			}
			else {
				piece.add(word);
			}
		}
		content.addAll(joinLoneCharacters(piece));
	}

	private static List<String> joinLoneCharacters(List<String> piece) {
		List<String> words = new ArrayList<>();
		int i = 0;
		while (i < piece.size()) {
			if (!single(piece.get(i))) {
				words.add(piece.get(i++));
				continue;
			}
			int end = i;
			StringBuilder singles = new StringBuilder();
			while (end < piece.size() && single(piece.get(end))) {
				singles.append(piece.get(end++));
			}
			if (end - i >= 2) {
				words.add(singles.toString());
			}
			else if (end < piece.size()) {
				// 大|模型: a lone character most often modifies the word after it.
				words.add(singles + piece.get(end++));
			}
			else if (!words.isEmpty()) {
				words.set(words.size() - 1, words.get(words.size() - 1) + singles);
			}
			else {
				words.add(singles.toString());
			}
			i = end;
		}
		return words;
	}

	private static boolean single(String word) {
		return word.codePointCount(0, word.length()) == 1;
	}

	private static boolean isFunctionWord(String word) {
		String folded = Folding.fold(word);
		return WordLists.STOPWORDS.contains(folded) || WordLists.QUERY_FUNCTION_WORDS.contains(folded);
	}

	/** First spelling of each folded form, in query order, at most {@link #MAX_WORDS}. */
	private static List<String> distinct(List<String> words) {
		Map<String, String> byFolded = new LinkedHashMap<>();
		for (String word : words) {
			if (byFolded.size() == MAX_WORDS) {
				break;
			}
			byFolded.putIfAbsent(Folding.fold(word), word);
		}
		return List.copyOf(byFolded.values());
	}

	private static List<String> chunks(String q) {
		List<String> chunks = new ArrayList<>();
		for (String chunk : q.split("[\\s\\u3000]+")) {
			if (!chunk.isEmpty()) {
				chunks.add(chunk);
			}
		}
		return chunks;
	}

	/** A word without the ? and ! that close a question or an exclamation. */
	private static String withoutClosingPunctuation(String chunk) {
		int end = chunk.length();
		while (end > 0 && (chunk.charAt(end - 1) == '?' || chunk.charAt(end - 1) == '!')) {
			end--;
		}
		return chunk.substring(0, end);
	}

	/** Without leading and trailing characters that are neither letters nor digits. */
	private static String trim(String run) {
		int start = 0;
		int end = run.length();
		while (start < end && !Character.isLetterOrDigit(run.codePointAt(start))) {
			start += Character.charCount(run.codePointAt(start));
		}
		while (end > start && !Character.isLetterOrDigit(run.codePointBefore(end))) {
			end -= Character.charCount(run.codePointBefore(end));
		}
		return run.substring(start, end);
	}

	/** Whether the word is one Han character (matched as a unigram, in the text only). */
	static boolean isOneHanCharacter(String word) {
		return single(word) && Folding.isHan(word.codePointAt(0));
	}

}
