package io.podlens.transcript;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.podlens.text.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs the shared corpus: the peers' verdicts in parser-cases/expected.tsv and every real
 * transcript file, read with format detection.
 */
class CorpusTests {

	private static final Pattern COUNT = Pattern.compile("(?:^|\\()(\\d+) (?:captions|cue|cues|items|segments)\\b");

	private static final Pattern INDEXED_TEXT = Pattern.compile("captions\\[(\\d+)]\\.text == (['\"])(.*?)\\2");

	private static final Pattern FIRST_TEXT = Pattern.compile("^first '([^']*)'");

	private static final Pattern LAST_TEXT = Pattern.compile("last [^;]*?'([^']*)'");

	private static final Pattern TIMES = Pattern
		.compile("(first|last) (\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)s?(?: ([A-Z][\\w ]*?|no speaker))?(?: '|;|$)");

	private static final Pattern END = Pattern.compile("(first|last) end (\\d+(?:\\.\\d+)?)");

	private static final Pattern REFERENCE = Pattern.compile("= (\\S+\\.json)");

	static Stream<Arguments> expectedCases() throws IOException {
		Path tsv = SharedData.file("corpus/parser-cases/expected.tsv");
		return Files.readAllLines(tsv)
			.stream()
			.skip(1)
			.filter((line) -> !line.isBlank())
			.map((line) -> line.split("\t"))
			.map((cols) -> Arguments.of(cols[0], cols[2], cols[3]));
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("expectedCases")
	void followsThePeersVerdict(String path, String verdict, String expectation) throws IOException {
		Path file = SharedData.file("corpus/parser-cases/" + path);
		TranscriptFormat format = path.endsWith(".vtt") ? TranscriptFormat.WEBVTT
				: path.endsWith(".srt") ? TranscriptFormat.SRT : TranscriptFormat.AUTO;
		byte[] bytes = Files.readAllBytes(file);
		if (verdict.equals("invalid")) {
			assertThatExceptionOfType(TranscriptParseException.class)
				.isThrownBy(() -> TranscriptParsers.parse(bytes, format))
				.satisfies((ex) -> assertThat(ex.problem()).isNotBlank().hasSizeGreaterThan(10));
			return;
		}
		List<TranscriptSegment> segments = TranscriptParsers.parse(bytes, format).segments();
		Matcher count = COUNT.matcher(expectation);
		if (count.find()) {
			int expected = Integer.parseInt(count.group(1));
			// the peer keeps a caption with empty text; empty segments are dropped here
			// by design
			if (expectation.contains(".text == ''")) {
				expected--;
			}
			assertThat(segments).hasSize(expected);
		}
		Matcher indexed = INDEXED_TEXT.matcher(expectation);
		while (indexed.find()) {
			if (!indexed.group(3).isEmpty()) {
				assertThat(segments.get(Integer.parseInt(indexed.group(1))).text()).isEqualTo(indexed.group(3));
			}
		}
		Matcher first = FIRST_TEXT.matcher(expectation);
		if (first.find()) {
			assertThat(segments.get(0).text()).isEqualTo(first.group(1));
		}
		Matcher last = LAST_TEXT.matcher(expectation);
		if (last.find()) {
			assertThat(segments.get(segments.size() - 1).text()).isEqualTo(last.group(1));
		}
		Matcher times = TIMES.matcher(expectation);
		while (times.find()) {
			TranscriptSegment segment = times.group(1).equals("first") ? segments.get(0)
					: segments.get(segments.size() - 1);
			assertThat(segment.startMs()).isEqualTo(millis(times.group(2)));
			assertThat(segment.endMs()).isEqualTo(millis(times.group(3)));
			if (times.group(4) != null) {
				assertThat(segment.speaker()).isEqualTo(times.group(4).equals("no speaker") ? null : times.group(4));
			}
		}
		Matcher end = END.matcher(expectation);
		while (end.find()) {
			TranscriptSegment segment = end.group(1).equals("first") ? segments.get(0)
					: segments.get(segments.size() - 1);
			assertThat(segment.endMs()).isEqualTo(millis(end.group(2)));
		}
		Matcher reference = REFERENCE.matcher(expectation);
		if (reference.find()) {
			assertThat(segments).isEqualTo(peerSegments(file.resolveSibling(reference.group(1))));
		}
	}

	/** The cues of a mozilla/vtt.js or transcriptator expected-output file. */
	private static List<TranscriptSegment> peerSegments(Path json) {
		JsonNode root = JsonMapper.shared().readTree(json.toFile());
		JsonNode array = root.has("cues") ? root.get("cues") : root.get("segments");
		List<TranscriptSegment> segments = new ArrayList<>();
		for (JsonNode cue : array) {
			String text = cue.has("text") ? cue.get("text").asString() : cue.get("body").asString();
			String speaker = cue.has("speaker") ? cue.get("speaker").asString() : null;
			segments.add(new TranscriptSegment(millis(cue.get("startTime").asString()),
					millis(cue.get("endTime").asString()), (speaker == null || speaker.isEmpty()) ? null : speaker,
					text));
		}
		return segments;
	}

	private static long millis(String seconds) {
		return new BigDecimal(seconds).movePointRight(3).longValueExact();
	}

	static Stream<String> transcriptFiles() throws IOException {
		Path corpus = SharedData.dir().resolve("corpus");
		List<String> files = new ArrayList<>();
		for (String group : List.of("en", "zh", "podcasting20/real-json")) {
			try (Stream<Path> list = Files.list(corpus.resolve(group))) {
				list.filter((p) -> !p.getFileName().toString().endsWith(".md"))
					.forEach((p) -> files.add(corpus.relativize(p).toString()));
			}
		}
		for (String extension : List.of("json", "srt", "vtt", "html")) {
			files.add("podcasting20/official/transcripts_example." + extension);
		}
		try (Stream<String> rows = Files.readAllLines(corpus.resolve("parser-cases/expected.tsv")).stream()) {
			rows.skip(1)
				.map((row) -> row.split("\t"))
				.filter((cols) -> cols.length > 2 && cols[2].equals("valid"))
				.forEach((cols) -> files
					.add(corpus.relativize(corpus.resolve("parser-cases").resolve(cols[0]).normalize()).toString()));
		}
		return files.stream().distinct().sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transcriptFiles")
	void everyCorpusTranscriptParsesWithDetection(String relative) throws IOException {
		Transcript transcript = TranscriptParsers.parse(Files.readAllBytes(SharedData.file("corpus/" + relative)),
				TranscriptFormat.AUTO);
		assertThat(transcript.segments()).isNotEmpty().allSatisfy((segment) -> {
			assertThat(segment.text()).isNotBlank().isEqualTo(segment.text().strip());
			assertThat(segment.endMs()).isGreaterThanOrEqualTo(segment.startMs());
		});
		assertThat(transcript.segments()).isSortedAccordingTo((a, b) -> Long.compare(a.startMs(), b.startMs()));
	}

	@Test
	void seedIsTraditionalChineseTimestampedText() throws IOException {
		Transcript transcript = TranscriptParsers
			.parse(Files.readAllBytes(SharedData.file("seeds/000_95363aa04b2cdaad.txt")), TranscriptFormat.AUTO);
		assertThat(transcript.format()).isEqualTo(TranscriptFormat.TIMESTAMPED_TEXT);
		List<TranscriptSegment> segments = transcript.segments();
		assertThat(segments).hasSize(61);
		assertThat(segments.get(0).startMs()).isZero();
		assertThat(segments.get(0).endMs()).isEqualTo(65_000);
		assertThat(segments.get(60).startMs()).isEqualTo(3_635_000);
		assertThat(segments.get(60).endMs()).isEqualTo(3_647_000);
		assertThat(language(transcript)).isEqualTo("zh-Hant");
	}

	@Test
	void chunkedWhisperClockIsContinuedAcrossChunks() throws IOException {
		byte[] bytes = Files
			.readAllBytes(SharedData.file("corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt"));
		List<TranscriptSegment> segments = TranscriptParsers.parse(bytes, TranscriptFormat.AUTO).segments();
		// About 1:45 h of 30 s chunks, each restarting at 0.
		assertThat(segments.get(segments.size() - 1).endMs()).isBetween(90 * 60_000L, 120 * 60_000L);
	}

	@Test
	void detectsCorpusLanguages() throws IOException {
		assertThat(language("zh/pie-ep109_da-mo-xing-jun-bei-jing-sai_whisper.zh-Hans.srt")).isEqualTo("zh-Hans");
		assertThat(language("zh/lex-fridman-459_deepseek_youtube-autotranslated.zh-Hans.vtt")).isEqualTo("zh-Hans");
		assertThat(language("zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt")).isEqualTo("zh-Hant");
		try (Stream<Path> english = Files.list(SharedData.dir().resolve("corpus/en"))) {
			english.filter((p) -> !p.toString().endsWith(".md"))
				.forEach((p) -> assertThat(language("en/" + p.getFileName())).as(p.toString()).isEqualTo("en"));
		}
	}

	@Test
	void realWordLevelJsonIsGroupedIntoSentences() throws IOException {
		List<TranscriptSegment> vader = parse("podcasting20/official/transcripts_example.json").segments();
		assertThat(vader).containsExactly(new TranscriptSegment(500, 2_500, "Darth Vader", "I am your father."),
				new TranscriptSegment(2_750, 3_000, "Luke", "Nooooo"));
		TranscriptSegment friday = parse("podcasting20/real-json/podnews_weekly_review_2023-06-02.json").segments()
			.get(0);
		assertThat(friday)
			.isEqualTo(new TranscriptSegment(221, 3_090, "Speaker 1", "It's Friday, the 2nd of June 2023."));
		List<TranscriptSegment> howTo = parse("podcasting20/real-json/how_to_start_a_podcast.json").segments();
		assertThat(howTo.size()).isBetween(40, 400);
		assertThat(SegmentGrouper.looksWordLevel(howTo)).isFalse();
	}

	@Test
	void rollingYoutubeCaptionsAreNotDuplicated() throws IOException {
		List<TranscriptSegment> segments = parse("en/lex-fridman-459_deepseek-china-openai-nvidia_youtube-auto.en.srt")
			.segments();
		for (int i = 1; i < segments.size(); i++) {
			assertThat(segments.get(i).text()).isNotEqualTo(segments.get(i - 1).text());
		}
	}

	private static Transcript parse(String relative) throws IOException {
		return TranscriptParsers.parse(Files.readAllBytes(SharedData.file("corpus/" + relative)),
				TranscriptFormat.AUTO);
	}

	private static String language(String relative) {
		try {
			return language(parse(relative));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String language(Transcript transcript) {
		return LanguageDetector.detect(transcript.segments().stream().map(TranscriptSegment::text).toList());
	}

}
