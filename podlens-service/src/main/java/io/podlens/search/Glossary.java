package io.podlens.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.text.Folding;
import io.podlens.text.WordLists;

/**
 * The bilingual glossary of cross-lingual expansion ({@code search/glossary.tsv}):
 * English terms and their Chinese equivalents, looked up both ways. English terms are
 * matched by {@link #englishKey} (folded, hyphens as spaces, stopwords and question words
 * left out, plurals and possessives singular), Chinese ones by their folded (Simplified)
 * form.
 */
final class Glossary {

	static final String RESOURCE = "search/glossary.tsv";

	/** Longest English term, in key words: longer spans are not looked up. */
	static final int MAX_TERM_WORDS = 5;

	private final Map<String, List<String>> chineseByEnglish;

	private final Map<String, List<String>> englishByChinese;

	private Glossary(Map<String, List<String>> chineseByEnglish, Map<String, List<String>> englishByChinese) {
		this.chineseByEnglish = chineseByEnglish;
		this.englishByChinese = englishByChinese;
	}

	/** No terms (expansion off). */
	static Glossary empty() {
		return new Glossary(Map.of(), Map.of());
	}

	/** The glossary shipped in the jar. */
	static Glossary shipped() {
		try (InputStream in = Glossary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the search glossary " + RESOURCE + " is missing from the classpath");
			}
			return read(in, RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads lines of {@code english<TAB>chinese|chinese}; # starts a comment line.
	 * @throws IllegalStateException naming the line of a malformed or repeated entry
	 */
	static Glossary read(InputStream in, String name) throws IOException {
		Map<String, List<String>> toChinese = new HashMap<>();
		Map<String, Set<String>> toEnglish = new HashMap<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t");
			if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
				throw malformed(name, number, "expected an English term, a tab and Chinese terms separated by |");
			}
			String english = columns[0].strip();
			String key = englishKey(english);
			if (key.isEmpty() || key.split(" ").length > MAX_TERM_WORDS) {
				throw malformed(name, number,
						"'" + english + "' has no searchable words or more than " + MAX_TERM_WORDS);
			}
			List<String> chinese = new ArrayList<>();
			for (String term : columns[1].split("\\|")) {
				String stripped = term.strip();
				if (stripped.isEmpty() || stripped.codePoints().noneMatch(Folding::isHan)) {
					throw malformed(name, number, "'" + term + "' is not a Chinese term");
				}
				chinese.add(stripped);
			}
			if (toChinese.putIfAbsent(key, List.copyOf(chinese)) != null) {
				throw malformed(name, number, "'" + english + "' is listed twice");
			}
			for (String term : chinese) {
				toEnglish.computeIfAbsent(Folding.fold(term), (k) -> new LinkedHashSet<>()).add(english);
			}
		}
		Map<String, List<String>> reverse = new HashMap<>();
		toEnglish.forEach((term, englishTerms) -> reverse.put(term, List.copyOf(englishTerms)));
		return new Glossary(Map.copyOf(toChinese), Map.copyOf(reverse));
	}

	private static IllegalStateException malformed(String name, int line, String why) {
		return new IllegalStateException(name + " line " + line + ": " + why);
	}

	/** Chinese equivalents of an English term given as its {@link #englishKey}. */
	List<String> chinese(String englishKey) {
		return this.chineseByEnglish.getOrDefault(englishKey, List.of());
	}

	/** English equivalents of a Chinese word, in either script. */
	List<String> english(String chineseWord) {
		return this.englishByChinese.getOrDefault(Folding.fold(chineseWord), List.of());
	}

	int size() {
		return this.chineseByEnglish.size();
	}

	/**
	 * The lookup form of English words: folded, split at spaces and hyphens, stopwords
	 * and question words left out (as the query's content words leave them out), each
	 * word singular ("Large Language Models" and "large-language model" are
	 * {@code large language model}), joined by single spaces.
	 */
	static String englishKey(String words) {
		return String.join(" ", keyWords(words));
	}

	/** The words of {@link #englishKey}, in order. */
	static List<String> keyWords(String words) {
		List<String> kept = new ArrayList<>();
		for (String word : Folding.fold(words).split("[\\s\\-_/]+")) {
			String trimmed = stripPossessive(trimPunctuation(word));
			if (trimmed.isEmpty() || WordLists.STOPWORDS.contains(trimmed)
					|| WordLists.QUERY_FUNCTION_WORDS.contains(trimmed)) {
				continue;
			}
			kept.add(singular(trimmed));
		}
		return kept;
	}

	private static String trimPunctuation(String word) {
		int start = 0;
		int end = word.length();
		while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
			end--;
		}
		return word.substring(start, end);
	}

	private static String stripPossessive(String word) {
		if (word.endsWith("'s") || word.endsWith("\u2019s")) {
			return word.substring(0, word.length() - 2);
		}
		return word;
	}

	/**
	 * A crude singular, the same on both sides of the lookup: chips is chip, companies is
	 * company; words ending in ss, us or is stay (process, bus, analysis).
	 */
	static String singular(String word) {
		if (word.length() > 4 && word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
				&& !word.endsWith("is")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

}
