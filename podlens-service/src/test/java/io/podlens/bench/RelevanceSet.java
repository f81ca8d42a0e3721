package io.podlens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judged query set under src/test/resources/relevance: queries.tsv and judgments.tsv,
 * described in their headers and in docs/search.md ("Relevance").
 */
record RelevanceSet(List<Query> queries, List<Judgment> judgments) {

	static final String QUERIES = "relevance/queries.tsv";

	static final String JUDGMENTS = "relevance/judgments.tsv";

	static final Set<String> SPLITS = Set.of("tuning", "holdout");

	static final Set<String> LANGUAGES = Set.of("zh", "en");

	static final Set<String> SCRIPTS = Set.of("Hant", "Hans", "Latn");

	static final Set<String> STYLES = Set.of("keyword", "question", "paraphrase");

	private static final Pattern START = Pattern.compile("(\\d+):(\\d{2}):(\\d{2})\\.(\\d{3})");

	RelevanceSet {
		queries = List.copyOf(queries);
		judgments = List.copyOf(judgments);
	}

	/**
	 * One query.
	 *
	 * @param id unique id
	 * @param split {@code tuning} or {@code holdout}
	 * @param language {@code zh} or {@code en}
	 * @param script {@code Hant}, {@code Hans} or {@code Latn}
	 * @param style {@code keyword}, {@code question} or {@code paraphrase}
	 * @param text what is sent as {@code q}
	 */
	record Query(String id, String split, String language, String script, String style, String text) {
	}

	/**
	 * One graded segment.
	 *
	 * @param queryId the query
	 * @param file the transcript, relative to the shared directory
	 * @param startMs the segment's start as the parsers read it
	 * @param grade 1 (related) to 3 (answers directly)
	 */
	record Judgment(String queryId, String file, long startMs, int grade) {
	}

	static RelevanceSet load() throws IOException {
		List<Query> queries = new ArrayList<>();
		for (String[] cols : rows(QUERIES, 6)) {
			queries.add(new Query(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]));
		}
		List<Judgment> judgments = new ArrayList<>();
		for (String[] cols : rows(JUDGMENTS, 4)) {
			judgments.add(new Judgment(cols[0], cols[1], parseStart(cols[2]), Integer.parseInt(cols[3])));
		}
		return new RelevanceSet(queries, judgments);
	}

	/** The judged transcripts, in order of first appearance. */
	Set<String> files() {
		Set<String> files = new LinkedHashSet<>();
		this.judgments.forEach((j) -> files.add(j.file()));
		return files;
	}

	Map<String, List<Judgment>> judgmentsByQuery() {
		Map<String, List<Judgment>> byQuery = new LinkedHashMap<>();
		this.queries.forEach((q) -> byQuery.put(q.id(), new ArrayList<>()));
		this.judgments.forEach((j) -> byQuery.computeIfAbsent(j.queryId(), (k) -> new ArrayList<>()).add(j));
		return byQuery;
	}

	/**
	 * The language of a judged transcript, from where it lies: corpus/en is English; the
	 * seed and corpus/zh are Chinese.
	 */
	static String fileLanguage(String file) {
		return file.startsWith("corpus/en/") ? "en" : "zh";
	}

	/**
	 * Whether the query's grade 2-3 segments are all in episodes of another language than
	 * the query's (an English question about a Chinese episode, or the reverse).
	 */
	boolean crossLingual(Query query) {
		List<Judgment> strong = judgmentsByQuery().getOrDefault(query.id(), List.of())
			.stream()
			.filter((j) -> j.grade() >= 2)
			.toList();
		return !strong.isEmpty() && strong.stream().noneMatch((j) -> fileLanguage(j.file()).equals(query.language()));
	}

	static long parseStart(String text) {
		Matcher m = START.matcher(text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("start must be H:MM:SS.mmm: " + text);
		}
		return ((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 1000
				+ Long.parseLong(m.group(4));
	}

	static String formatStart(long ms) {
		long s = ms / 1000;
		return String.format("%d:%02d:%02d.%03d", s / 3600, (s / 60) % 60, s % 60, ms % 1000);
	}

	private static List<String[]> rows(String resource, int columns) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (InputStream in = RelevanceSet.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (int n = 0; n < lines.length; n++) {
				String line = lines[n].strip();
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				String[] cols = lines[n].split("\t", -1);
				if (cols.length != columns) {
					throw new IllegalStateException(resource + " line " + (n + 1) + ": expected " + columns
							+ " tab-separated columns, found " + cols.length);
				}
				for (int c = 0; c < cols.length; c++) {
					cols[c] = cols[c].strip();
				}
				rows.add(cols);
			}
		}
		return rows;
	}

}
