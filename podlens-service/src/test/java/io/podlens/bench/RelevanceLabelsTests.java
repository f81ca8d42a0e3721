package io.podlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.podlens.bench.RelevanceSet.Judgment;
import io.podlens.bench.RelevanceSet.Query;
import io.podlens.text.ChineseScript;
import io.podlens.text.Folding;
import io.podlens.text.SharedData;
import io.podlens.text.SimplifiedChinese;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judged query set is consistent: labels point at real segments of the shared
 * transcripts, every query has a clear answer, and splits, languages, scripts and styles
 * are balanced as documented in queries.tsv and docs/search.md.
 */
class RelevanceLabelsTests {

	/** The episodes only holdout queries are about. */
	static final Set<String> HOLDOUT_FILES = Set.of(
			"corpus/zh/pie-ep109_da-mo-xing-jun-bei-jing-sai_whisper.zh-Hans.srt",
			"corpus/en/latent-space_tianqi-chen-mlc-llm_whisper-diarization.json");

	static RelevanceSet set;

	@BeforeAll
	static void load() throws IOException {
		set = RelevanceSet.load();
	}

	@Test
	void everyJudgedStartIsASegmentStartOfTheParsedFile() throws IOException {
		SharedData.dir();
		List<String> missing = new ArrayList<>();
		for (String file : set.files()) {
			List<TranscriptSegment> segments = TranscriptParsers
				.parse(Files.readAllBytes(SharedData.file(file)), TranscriptFormat.AUTO)
				.segments();
			Set<Long> starts = segments.stream().map(TranscriptSegment::startMs).collect(Collectors.toSet());
			set.judgments()
				.stream()
				.filter((j) -> j.file().equals(file) && !starts.contains(j.startMs()))
				.forEach((j) -> missing.add(j.queryId() + " " + file + " " + RelevanceSet.formatStart(j.startMs())));
		}
		assertThat(missing).as("judgments whose start is no segment start").isEmpty();
	}

	@Test
	void queriesAreOwnWordingNotTranscriptSentences() throws IOException {
		SharedData.dir();
		List<String> transcripts = new ArrayList<>();
		for (String file : set.files()) {
			StringBuilder text = new StringBuilder();
			TranscriptParsers.parse(Files.readAllBytes(SharedData.file(file)), TranscriptFormat.AUTO)
				.segments()
				.forEach((s) -> text.append(' ').append(s.text()));
			transcripts.add(normalise(text.toString()));
		}
		for (Query query : set.queries()) {
			String q = normalise(query.text());
			assertThat(transcripts).as("query %s copied from a transcript", query.id()).noneMatch((t) -> t.contains(q));
		}
	}

	@Test
	void everyQueryHasAClearAnswerAndValidLabels() {
		Map<String, List<Judgment>> byQuery = set.judgmentsByQuery();
		Set<String> ids = new HashSet<>();
		for (Query query : set.queries()) {
			assertThat(ids.add(query.id())).as("duplicate id %s", query.id()).isTrue();
			assertThat(RelevanceSet.SPLITS).contains(query.split());
			assertThat(RelevanceSet.LANGUAGES).contains(query.language());
			assertThat(RelevanceSet.SCRIPTS).contains(query.script());
			assertThat(RelevanceSet.STYLES).contains(query.style());
			assertThat(query.text()).as(query.id()).isNotBlank().hasSizeLessThanOrEqualTo(100);
			assertThat(byQuery.get(query.id())).as("grade 2-3 judgments of %s", query.id())
				.anyMatch((j) -> j.grade() >= 2);
		}
		assertThat(byQuery.keySet()).as("judged queries that are not in queries.tsv").isSubsetOf(ids);
		Set<String> keys = new HashSet<>();
		for (Judgment j : set.judgments()) {
			assertThat(j.grade()).as(j.toString()).isBetween(1, 3);
			assertThat(keys.add(j.queryId() + " " + j.file() + " " + j.startMs())).as("duplicate %s", j).isTrue();
		}
	}

	@Test
	void scriptColumnMatchesTheQueryText() {
		for (Query query : set.queries()) {
			String text = query.text();
			switch (query.script()) {
				case "Latn" -> {
					assertThat(query.language()).isEqualTo("en");
					assertThat(text.codePoints().anyMatch(Folding::isHan)).as(query.id()).isFalse();
				}
				case "Hant" -> {
					assertThat(query.language()).isEqualTo("zh");
					assertThat(ChineseScript.isTraditional(text)).as("%s is Traditional", query.id()).isTrue();
				}
				default -> {
					assertThat(query.language()).isEqualTo("zh");
					assertThat(SimplifiedChinese.convert(text)).as("%s has no Traditional character", query.id())
						.isEqualTo(text);
				}
			}
		}
	}

	@Test
	void splitsAndStylesAreBalancedAsDocumented() {
		List<Query> queries = set.queries();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(60);
		assertThat(share(queries, (q) -> q.split().equals("holdout"))).as("holdout share").isBetween(0.25, 0.40);
		assertThat(share(queries, (q) -> q.style().equals("keyword"))).as("keyword share").isBetween(0.25, 0.40);
		for (String split : RelevanceSet.SPLITS) {
			List<Query> part = queries.stream().filter((q) -> q.split().equals(split)).toList();
			assertThat(part).extracting(Query::language).as(split).contains("zh", "en");
			assertThat(part).extracting(Query::script).as(split).contains("Hant", "Hans", "Latn");
			assertThat(part).extracting(Query::style).as(split).contains("keyword", "question", "paraphrase");
			assertThat(part.stream().filter(set::crossLingual)).as("cross-lingual queries in %s", split).isNotEmpty();
		}
		assertThat(queries.stream().filter(set::crossLingual).count()).as("cross-lingual queries").isBetween(3L, 12L);
	}

	@Test
	void holdoutEpisodesAreJudgedOnlyForHoldoutQueries() {
		Map<String, String> split = new HashMap<>();
		set.queries().forEach((q) -> split.put(q.id(), q.split()));
		assertThat(set.files()).containsAll(HOLDOUT_FILES);
		for (Judgment j : set.judgments()) {
			if (j.grade() < 2) {
				continue;
			}
			boolean holdoutFile = HOLDOUT_FILES.contains(j.file());
			assertThat(holdoutFile)
				.as("%s (%s): grade %d in %s", j.queryId(), split.get(j.queryId()), j.grade(), j.file())
				.isEqualTo(split.get(j.queryId()).equals("holdout"));
		}
	}

	private static double share(List<Query> queries, Predicate<Query> predicate) {
		return (double) queries.stream().filter(predicate).count() / queries.size();
	}

	/** Folded, without punctuation and spaces, so that only the wording counts. */
	private static String normalise(String text) {
		return Folding.fold(text).replaceAll("[\\p{P}\\p{S}\\s]+", "");
	}

}
