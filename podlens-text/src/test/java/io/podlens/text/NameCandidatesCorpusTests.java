package io.podlens.text;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints what the finder proposes on files of ../shared (skipped without it): the forms
 * seen at least twice, by kind, and on Chinese text the figures of HanLP's name tags
 * before and after the guards. The holdout episode of topic quality is not read. The
 * output is for reading; the assertions only check that every form is a span of its line
 * and no ordinary word.
 */
class NameCandidatesCorpusTests {

	private static final Pattern TIMING = Pattern.compile("<[^>]*>|^\\(\\d\\d:\\d\\d~\\d\\d:\\d\\d\\)\\s*");

	@ParameterizedTest
	@ValueSource(strings = { "corpus/zh/lex-fridman-459_deepseek_youtube-autotranslated.zh-Hans.vtt",
			"corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt",
			"seeds/000_95363aa04b2cdaad.txt",
			"corpus/en/lex-fridman-459_deepseek-china-openai-nvidia_youtube-auto.en.srt",
			"corpus/en/maven-lightning-lesson_ai-productivity-for-tech-roles_whisper-jax.en.srt",
			"corpus/en/data-engineering-podcast_zenlytic-ai-agents.vtt.txt" })
	void printsWhatItFinds(String file) throws IOException {
		List<String> lines = lines(file);
		NameCandidates finder = NameCandidates.create(true);
		finder.find("预热一下");
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		long started = cpu.getCurrentThreadCpuTime();
		Map<String, Integer> counts = new TreeMap<>();
		Map<String, Integer> byKind = new TreeMap<>();
		List<List<NameCandidates.Found>> all = finder.findAll(lines);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			for (NameCandidates.Found found : all.get(i)) {
				assertThat(line.substring(found.start(), found.end())).isEqualTo(found.surface());
				assertThat(WordLists.STOPWORDS).doesNotContain(Folding.fold(found.surface()));
				counts.merge(found.surface() + " [" + found.kind().json() + "]", 1, Integer::sum);
				byKind.merge(found.kind().json(), 1, Integer::sum);
			}
		}
		long ms = (cpu.getCurrentThreadCpuTime() - started) / 1_000_000;
		System.out.printf("%n== %s: %d lines, %d ms CPU (%.0f per 1,000 lines), by kind %s%n", file, lines.size(), ms,
				ms * 1000.0 / Math.max(1, lines.size()), byKind);
		counts.entrySet()
			.stream()
			.filter((e) -> e.getValue() >= 2)
			.sorted((a, b) -> b.getValue() - a.getValue())
			.limit(60)
			.forEach((e) -> System.out.print(e.getKey() + " " + e.getValue() + " · "));
		System.out.println();
		if (file.contains("/zh/") || file.contains("seeds/")) {
			printHanLpFigures(finder, lines);
		}
	}

	/** HanLP's nr and nrf tags as they come, and what the guards keep of them. */
	private static void printHanLpFigures(NameCandidates finder, List<String> lines) {
		Map<String, Integer> raw = new TreeMap<>();
		Set<String> kept = new LinkedHashSet<>();
		int keptCount = 0;
		for (String line : lines) {
			String simplified = HanLP.convertToSimplifiedChinese(line);
			for (Term term : HanLP.segment(simplified)) {
				String nature = String.valueOf(term.nature);
				if (nature.equals("nr") || nature.equals("nrf")) {
					raw.merge(term.word + "/" + nature, 1, Integer::sum);
				}
			}
			for (NameCandidates.Found found : finder.find(line)) {
				if (found.kind() == NameCandidates.Kind.CHINESE_PERSON
						|| found.kind() == NameCandidates.Kind.TRANSLITERATED) {
					kept.add(found.surface());
					keptCount++;
				}
			}
		}
		System.out.printf(
				"HanLP nr/nrf as tagged: %d distinct, %d occurrences; after the guards: %d distinct, %d"
						+ " occurrences: %s%n",
				raw.size(), raw.values().stream().mapToInt(Integer::intValue).sum(), kept.size(), keptCount, kept);
	}

	/**
	 * The text lines of a transcript file without cue numbers, timings and tags, once
	 * each.
	 */
	private static List<String> lines(String file) throws IOException {
		Set<String> seen = new LinkedHashSet<>();
		for (String line : Files.readString(SharedData.file(file), StandardCharsets.UTF_8).split("\n")) {
			String l = line.strip();
			if (l.isEmpty() || l.contains("-->") || l.matches("\\d+") || l.startsWith("WEBVTT") || l.startsWith("Kind:")
					|| l.startsWith("Language:")) {
				continue;
			}
			l = TIMING.matcher(l).replaceAll("").strip();
			if (!l.isEmpty()) {
				seen.add(l);
			}
		}
		return new ArrayList<>(seen);
	}

}
