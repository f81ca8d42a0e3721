package io.podlens.topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;
import io.podlens.text.IntroducedNames;
import io.podlens.text.NameCandidates;
import io.podlens.text.SharedData;
import io.podlens.topic.discovery.CandidateDiscovery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of (segment, topic) pairs for models, organizations, products and
 * people against hand labels of shared episodes, per episode and per match kind, with the
 * holdout episode reported apart from the tuning ones, and the calibration of confidence
 * (how many mentions of each confidence bucket are right). The files are read as the
 * service stores them on import ({@link SharedTranscripts}) and the extractor runs over
 * the whole episode; only the labelled window is scored. Labels name topics of the broad
 * taxonomy and are read at the granularity of the taxonomy under test
 * ({@link LabelTopics}); found topics finer than the labels count as their nearest
 * labelled ancestor ({@link Labels#atLabelGranularity}). The table is printed and written
 * to {@code target/topic-quality.md}. Floors sit a little below what the shipped taxonomy
 * reaches, so a regression fails; the holdout only has a loose floor, as it must not be
 * tuned to.
 */
class TopicQualityTests {

	/**
	 * One labelled window of an episode: the shared file, its label file and the first
	 * and last labelled segment (one file can have several windows, each its own entry).
	 */
	record Labelled(String name, String file, String labels, int firstSegment, int lastSegment, boolean holdout,
			double minPrecision, double minRecall) {

		/** A window that starts at the first segment. */
		Labelled(String name, String file, String labels, int lastSegment, boolean holdout, double minPrecision,
				double minRecall) {
			this(name, file, labels, 0, lastSegment, holdout, minPrecision, minRecall);
		}

	}

	/** The column of discovery's new names (people an episode introduces). */
	static final String NEW_NAME = "new name";

	static final List<Labelled> EPISODES = List.of(
			new Labelled("seed (zh-Hant, timestamped text)", "seeds/000_95363aa04b2cdaad.txt", "labels/seed-topics.tsv",
					Integer.MAX_VALUE, false, 0.97, 0.98),
			new Labelled("chatgpt-panel 0-799 (zh-Hant mixed, Whisper-JAX SRT)",
					"corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt",
					"labels/chatgpt-panel-first-800.tsv", 799, false, 0.96, 0.88),
			new Labelled("chatgpt-panel 800-1299 (zh-Hant mixed, Whisper-JAX SRT; labelled unseen)",
					"corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt",
					"labels/chatgpt-panel-800-1299.tsv", 800, 1299, false, 0.93, 0.71),
			new Labelled("chatgpt-panel 1300-1899 (zh-Hant mixed, Whisper-JAX SRT; labelled unseen)",
					"corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt",
					"labels/chatgpt-panel-1300-1899.tsv", 1300, 1899, false, 0.92, 0.84),
			new Labelled("chatgpt-panel 1900-2399 (zh-Hant mixed, Whisper-JAX SRT; labelled unseen)",
					"corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt",
					"labels/chatgpt-panel-1900-2399.tsv", 1900, 2399, false, 0.92, 0.74),
			new Labelled("lex-fridman-416 0-299 (en, YouTube auto captions)",
					"corpus/en/lex-fridman-416_yann-lecun_youtube-auto.en.srt",
					"labels/lex-fridman-416-first-300-cues.tsv", 299, false, 0.95, 0.5),
			new Labelled("lex-fridman-459 0-499 (en, YouTube auto captions, rolling)",
					"corpus/en/lex-fridman-459_deepseek-china-openai-nvidia_youtube-auto.en.srt",
					"labels/lex-fridman-459-first-500.tsv", 499, false, 0.93, 0.78),
			new Labelled("lex-fridman-459 zh 0-399 (zh-Hans, machine-translated auto captions)",
					"corpus/zh/lex-fridman-459_deepseek_youtube-autotranslated.zh-Hans.vtt",
					"labels/lex-fridman-459-zh-hans-first-400.tsv", 399, false, 0.90, 0.69),
			new Labelled("latent-space tianqi-chen all (en, Whisper diarization JSON)",
					"corpus/en/latent-space_tianqi-chen-mlc-llm_whisper-diarization.json",
					"labels/latent-space-tianqi-chen-all.tsv", Integer.MAX_VALUE, false, 0.94, 0.73),
			new Labelled("data-engineering zenlytic 0-299 (en, captions as text)",
					"corpus/en/data-engineering-podcast_zenlytic-ai-agents.vtt.txt",
					"labels/data-engineering-zenlytic-first-300.tsv", 299, false, 0.94, 0.90),
			new Labelled("maven lightning lesson all (en, Whisper-JAX SRT; labelled unseen)",
					"corpus/en/maven-lightning-lesson_ai-productivity-for-tech-roles_whisper-jax.en.srt",
					"labels/maven-lightning-lesson-all.tsv", Integer.MAX_VALUE, false, 0.96, 0.79),
			new Labelled("HOLDOUT pie-ep109 (zh-Hans, Whisper SRT)",
					"corpus/zh/pie-ep109_da-mo-xing-jun-bei-jing-sai_whisper.zh-Hans.srt",
					"labels/pie-ep109-holdout.tsv", Integer.MAX_VALUE, true, 0.5, 0.3));

	/**
	 * Micro-averaged floors over the tuning episodes, a little under what they measure (P
	 * 0.964, R 0.793 with the recall rules; before them, with the three episodes labelled
	 * for that work: the machine-translated Chinese captions, the Latent Space interview
	 * and the Zenlytic episode, P 0.951, R 0.711; the four older tuning episodes alone
	 * gave P 0.975, R 0.892). Then two windows labelled unseen, the Maven lesson (P
	 * 0.930, R 0.699 before the rules written for it) and chatgpt-panel 800-1299 (P
	 * 0.861, R 0.585), and the English and Chinese recall rules together: P 0.968, R
	 * 0.795 (873 labels). A third window labelled unseen, chatgpt-panel 1300-1899 (P
	 * 0.941, R 0.814 as first measured), the acronym heard as letter names, cut names and
	 * lower-case names the episode says firmly: P 0.966, R 0.812 (932 labels). People an
	 * episode introduces (and the organisations they work for, and Chinese names with a
	 * title, and its sponsors), counted as its new names, and Claude heard as "cloud"
	 * before a version: P 0.967, R 0.847. A fourth window labelled unseen, chatgpt-panel
	 * 1900-2399 (P 0.941, R 0.774 as first measured): P 0.965, R 0.842 (994 labels).
	 */
	static final double TUNING_MIN_PRECISION = 0.95;

	static final double TUNING_MIN_RECALL = 0.83;

	/** Share of right mentions with confidence at least 0.9, over the tuning episodes. */
	static final double TUNING_MIN_HIGH_CONFIDENCE_RIGHT = 0.97;

	/** Columns per kind: the match kinds, then the new names of discovery. */
	static final List<String> KINDS = java.util.stream.Stream
		.concat(java.util.Arrays.stream(MatchKind.values()).map(MatchKind::json), java.util.stream.Stream.of(NEW_NAME))
		.toList();

	/** Confidence buckets, highest first: lower bound and label. */
	static final double[] BUCKETS = { 0.9, 0.7, 0.0 };

	static final String[] BUCKET_NAMES = { ">= 0.9", "0.7 - 0.9", "< 0.7" };

	private static final Taxonomy taxonomy = Taxonomy.defaultTaxonomy();

	private static final TopicCatalog.Snapshot names = TopicCatalog.Snapshot.of(0, taxonomy);

	/** Discovery's finder as the service runs it (with HanLP's Chinese names). */
	private static final NameCandidates finder = NameCandidates.create(true);

	private static final TopicExtractor extractor = new TopicExtractor(taxonomy);

	private static final Map<Labelled, Result> results = new LinkedHashMap<>();

	/** Scores of one episode. */
	record Result(Labels.Score score, Map<String, int[]> byKind, int[][] calibration, List<String> unlisted,
			int labels) {
	}

	@BeforeAll
	static void measure() throws IOException {
		SharedData.dir();
		LabelTopics labelTopics = new LabelTopics(taxonomy);
		for (Labelled episode : EPISODES) {
			List<StoredSegment> segments = SharedTranscripts.read(SharedData.file(episode.file()));
			List<Mention> mentions = extractor.extract(segments);
			for (Mention m : mentions) {
				assertThat(segments.get(m.segmentIndex()).text().substring(m.start(), m.end())).isEqualTo(m.surface());
			}
			Set<String> labelled = Labels.read(episode.labels());
			assertThat(labelled).as("labels of %s", episode.name())
				.allSatisfy((pair) -> assertThat(Integer.parseInt(pair.substring(0, pair.indexOf('\t'))))
					.isBetween(episode.firstSegment(), (int) Math.min(segments.size() - 1L, episode.lastSegment())));
			Set<String> expected = labelTopics.read(labelled);
			List<NewNamePair> newNames = newNames(segments, mentions, expected);
			results.put(episode, score(expected, mentions, newNames, episode.firstSegment(), episode.lastSegment()));
		}
		String table = table();
		System.out.println(table);
		Path out = Path.of("target", "topic-quality.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, table, StandardCharsets.UTF_8);
	}

	/** A reference to a new name as the pair it stands for, with its confidence. */
	record NewNamePair(int segmentIndex, String pair, double confidence) {
	}

	/**
	 * The names the episode introduces, as the service's discovery finds them; a name
	 * counts as a labelled entity of no taxonomy when the label names it the same way or
	 * by the same sound ("Ryan Jansen" for "Ryan Janssen").
	 */
	static List<NewNamePair> newNames(List<StoredSegment> segments, List<Mention> mentions, Set<String> expected) {
		Map<String, String> unlisted = new LinkedHashMap<>();
		for (String pair : expected) {
			String topic = pair.substring(pair.indexOf('\t') + 1);
			if (topic.startsWith(LabelTopics.UNLISTED)) {
				String name = topic.substring(LabelTopics.UNLISTED.length());
				unlisted.putIfAbsent(Folding.key(name), topic);
				unlisted.putIfAbsent(NameCandidates.soundKey(name), topic);
				unlisted.putIfAbsent("pinyin:" + Folding.key(name), topic);
			}
		}
		List<NewNamePair> pairs = new ArrayList<>();
		List<List<NameCandidates.Found>> candidates = finder
			.findAll(segments.stream().map(StoredSegment::text).toList());
		for (IntroducedNames.Name name : CandidateDiscovery.introducedNames(segments, mentions, candidates,
				(n) -> names.byKey().containsKey(Folding.key(n)))) {
			// A Chinese name's sound key is its pinyin: 劉嘉 is the label's Liu Jia.
			String topic = unlisted.getOrDefault(Folding.key(name.name()), unlisted.getOrDefault(name.soundKey(),
					unlisted.getOrDefault("pinyin:" + Folding.key(name.soundKey()), "new:" + name.name())));
			boolean person = name.kind() == NameCandidates.Kind.INTRODUCED_PERSON;
			for (IntroducedNames.Reference r : name.references()) {
				pairs.add(new NewNamePair(r.text(), r.text() + "\t" + topic,
						(!person || IntroducedNames.isFullName(r.surface())) ? EpisodeNewName.FULL_NAME
								: EpisodeNewName.FIRST_NAME));
			}
		}
		return pairs;
	}

	private static Result score(Set<String> expected, List<Mention> mentions, List<NewNamePair> newNames,
			int firstSegment, int lastSegment) {
		List<Mention> named = mentions.stream()
			.filter((m) -> m.segmentIndex() >= firstSegment && m.segmentIndex() <= lastSegment)
			.filter((m) -> taxonomy.topic(m.topicId()).map((t) -> t.category().isNamedEntity()).orElse(false))
			.toList();
		// The pair a mention stands for, at the granularity of the labels; a pair found
		// by several mentions takes the kind of its most confident one.
		Map<String, Mention> bestByPair = new LinkedHashMap<>();
		Map<Mention, String> pairOf = new LinkedHashMap<>();
		for (Mention m : named) {
			String pair = Labels.atLabelGranularity(Set.of(m.segmentIndex() + "\t" + m.topicId()), expected, taxonomy)
				.iterator()
				.next();
			pairOf.put(m, pair);
			bestByPair.merge(pair, m, (a, b) -> (b.confidence() > a.confidence()) ? b : a);
		}
		List<NewNamePair> newInWindow = newNames.stream()
			.filter((n) -> n.segmentIndex() >= firstSegment && n.segmentIndex() <= lastSegment)
			.toList();
		Set<String> found = new LinkedHashSet<>(bestByPair.keySet());
		Set<String> newPairs = new LinkedHashSet<>();
		newInWindow.forEach((n) -> newPairs.add(n.pair()));
		found.addAll(newPairs);
		Labels.Score score = Labels.score(expected, found);
		Map<String, int[]> byKind = new LinkedHashMap<>();
		for (Map.Entry<String, Mention> e : bestByPair.entrySet()) {
			int[] counts = byKind.computeIfAbsent(e.getValue().matchedBy().json(), (k) -> new int[2]);
			counts[0]++;
			if (expected.contains(e.getKey())) {
				counts[1]++;
			}
		}
		for (String pair : newPairs) {
			int[] counts = byKind.computeIfAbsent(NEW_NAME, (k) -> new int[2]);
			counts[0]++;
			if (expected.contains(pair)) {
				counts[1]++;
			}
		}
		int[][] calibration = new int[BUCKETS.length][2];
		for (Map.Entry<Mention, String> e : pairOf.entrySet()) {
			int bucket = bucket(e.getKey().confidence());
			calibration[bucket][0]++;
			if (expected.contains(e.getValue())) {
				calibration[bucket][1]++;
			}
		}
		for (NewNamePair n : newInWindow) {
			int bucket = bucket(n.confidence());
			calibration[bucket][0]++;
			if (expected.contains(n.pair())) {
				calibration[bucket][1]++;
			}
		}
		List<String> unlisted = expected.stream()
			.map((pair) -> pair.substring(pair.indexOf('\t') + 1))
			.filter((topic) -> topic.startsWith(LabelTopics.UNLISTED))
			.toList();
		return new Result(score, byKind, calibration, unlisted, expected.size());
	}

	static int bucket(double confidence) {
		for (int i = 0; i < BUCKETS.length; i++) {
			if (confidence >= BUCKETS[i] - 1e-9) {
				return i;
			}
		}
		return BUCKETS.length - 1;
	}

	@Test
	void everyTuningEpisodeKeepsItsPrecisionAndRecall() {
		for (Map.Entry<Labelled, Result> e : results.entrySet()) {
			Labelled episode = e.getKey();
			if (episode.holdout()) {
				continue;
			}
			Labels.Score score = e.getValue().score();
			assertThat(score.precision()).as("precision of %s: %s", episode.name(), score)
				.isGreaterThanOrEqualTo(episode.minPrecision());
			assertThat(score.recall()).as("recall of %s: %s", episode.name(), score)
				.isGreaterThanOrEqualTo(episode.minRecall());
		}
	}

	@Test
	void tuningMicroAverageKeepsItsPrecisionAndRecall() {
		Labels.Score micro = micro(false);
		assertThat(micro.precision()).as("tuning micro precision: %s", micro)
			.isGreaterThanOrEqualTo(TUNING_MIN_PRECISION);
		assertThat(micro.recall()).as("tuning micro recall: %s", micro).isGreaterThanOrEqualTo(TUNING_MIN_RECALL);
	}

	@Test
	void mentionsOfHighConfidenceAreMostlyRight() {
		int[] high = calibration(false)[0];
		assertThat(high[0]).isPositive();
		assertThat((double) high[1] / high[0]).as("right among tuning mentions with confidence >= 0.9")
			.isGreaterThanOrEqualTo(TUNING_MIN_HIGH_CONFIDENCE_RIGHT);
	}

	@Test
	void holdoutIsReportedWithALooseFloorOnly() {
		Labels.Score holdout = micro(true);
		// Loose on purpose: the holdout is never tuned to, so its figure is reported,
		// not defended; this only catches an extractor that stopped working.
		Labelled episode = EPISODES.stream().filter(Labelled::holdout).findFirst().orElseThrow();
		assertThat(holdout.precision()).as("holdout precision: %s", holdout)
			.isGreaterThanOrEqualTo(episode.minPrecision());
		assertThat(holdout.recall()).as("holdout recall: %s", holdout).isGreaterThanOrEqualTo(episode.minRecall());
	}

	private static Labels.Score micro(boolean holdout) {
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (Map.Entry<Labelled, Result> e : results.entrySet()) {
			if (e.getKey().holdout() == holdout) {
				tp += e.getValue().score().truePositives();
				fp += e.getValue().score().falsePositives();
				fn += e.getValue().score().falseNegatives();
			}
		}
		return new Labels.Score(tp, fp, fn, Set.of(), Set.of());
	}

	private static Map<String, int[]> byKind(boolean holdout) {
		Map<String, int[]> sum = new LinkedHashMap<>();
		for (Map.Entry<Labelled, Result> e : results.entrySet()) {
			if (e.getKey().holdout() == holdout) {
				e.getValue().byKind().forEach((kind, counts) -> {
					int[] into = sum.computeIfAbsent(kind, (k) -> new int[2]);
					into[0] += counts[0];
					into[1] += counts[1];
				});
			}
		}
		return sum;
	}

	private static int[][] calibration(boolean holdout) {
		int[][] sum = new int[BUCKETS.length][2];
		for (Map.Entry<Labelled, Result> e : results.entrySet()) {
			if (e.getKey().holdout() == holdout) {
				for (int i = 0; i < BUCKETS.length; i++) {
					sum[i][0] += e.getValue().calibration()[i][0];
					sum[i][1] += e.getValue().calibration()[i][1];
				}
			}
		}
		return sum;
	}

	private static String table() {
		StringBuilder out = new StringBuilder();
		out.append("# Topic quality: (segment, topic) pairs of models, organizations, products, people\n\n");
		out.append("Taxonomy under test: ").append(taxonomy.topics().size()).append(" topics.\n");
		out.append("P and R per match kind: the pairs a kind found and how many are right (P), ")
			.append("and the share of all labelled pairs it found (R); a pair found by several mentions ")
			.append("counts for the kind of its most confident one.\n\n");
		out.append("| episode | labels | found | P | R |");
		for (String kind : KINDS) {
			out.append(' ').append(kind).append(" P / R |");
		}
		out.append(" unlisted labels |\n|---|---:|---:|---:|---:|");
		out.append("---:|".repeat(KINDS.size())).append("---:|\n");
		for (Map.Entry<Labelled, Result> e : results.entrySet()) {
			Result r = e.getValue();
			row(out, e.getKey().name(), r.score(), r.byKind(), r.unlisted().size());
		}
		row(out, "**tuning micro-average**", micro(false), byKind(false), unlisted(false));
		row(out, "**holdout**", micro(true), byKind(true), unlisted(true));
		out.append("\n## Calibration: mentions right per confidence bucket\n\n");
		out.append("| set | bucket | mentions | right | share right |\n|---|---|---:|---:|---:|\n");
		for (boolean holdout : new boolean[] { false, true }) {
			int[][] c = calibration(holdout);
			for (int i = 0; i < BUCKETS.length; i++) {
				out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s |%n", holdout ? "holdout" : "tuning",
						BUCKET_NAMES[i], c[i][0], c[i][1], ratio(c[i][1], c[i][0])));
			}
		}
		out.append("\n## Misses and false positives (segment, topic)\n\n");
		for (Map.Entry<Labelled, Result> e : results.entrySet()) {
			Labels.Score s = e.getValue().score();
			if (e.getKey().holdout()) {
				// The holdout is never tuned to: its misses and false positives are not
				// shown, only its figures above.
				out.append("- ").append(e.getKey().name()).append(": not shown (holdout)\n");
				continue;
			}
			out.append("- ").append(e.getKey().name()).append(": false positives ").append(pairs(s.extra()));
			out.append("; missed ").append(pairs(s.missed())).append('\n');
		}
		out.append("\n## Unlisted entities (labelled, not in the broad taxonomy)\n\n");
		for (Map.Entry<Labelled, Result> e : results.entrySet()) {
			Map<String, Integer> counts = new TreeMap<>();
			e.getValue()
				.unlisted()
				.forEach((u) -> counts.merge(u.substring(LabelTopics.UNLISTED.length()), 1, Integer::sum));
			if (e.getKey().holdout()) {
				out.append("- ")
					.append(e.getKey().name())
					.append(": ")
					.append(e.getValue().unlisted().size())
					.append(" labels (names not shown: holdout)\n");
			}
			else if (!counts.isEmpty()) {
				out.append("- ").append(e.getKey().name()).append(": ").append(counts).append('\n');
			}
		}
		return out.toString();
	}

	private static int unlisted(boolean holdout) {
		return results.entrySet()
			.stream()
			.filter((e) -> e.getKey().holdout() == holdout)
			.mapToInt((e) -> e.getValue().unlisted().size())
			.sum();
	}

	private static void row(StringBuilder out, String name, Labels.Score s, Map<String, int[]> byKind, int unlisted) {
		int labels = s.truePositives() + s.falseNegatives();
		out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |", name, labels,
				s.truePositives() + s.falsePositives(), s.precision(), s.recall()));
		for (String kind : KINDS) {
			int[] c = byKind.getOrDefault(kind, new int[2]);
			out.append(' ')
				.append(ratio(c[1], c[0]))
				.append(" / ")
				.append(ratio(c[1], labels))
				.append(" (")
				.append(c[0])
				.append(") |");
		}
		out.append(' ').append(unlisted).append(" |\n");
	}

	private static String ratio(int part, int whole) {
		return (whole == 0) ? "-" : String.format(Locale.ROOT, "%.2f", (double) part / whole);
	}

	private static String pairs(Set<String> pairs) {
		List<String> sorted = new ArrayList<>(pairs);
		sorted.sort(Comparator.comparingInt((String p) -> Integer.parseInt(p.substring(0, p.indexOf('\t')))));
		Set<String> shown = new LinkedHashSet<>();
		for (String p : sorted) {
			shown.add(p.replace('\t', ':'));
		}
		return shown.isEmpty() ? "none" : String.join(", ", shown);
	}

}
