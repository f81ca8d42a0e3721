package io.podlens.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;
import io.podlens.text.SharedData;
import io.podlens.text.WordLists;
import io.podlens.text.Words;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import io.podlens.topic.TopicFixtures;
import io.podlens.transcript.LanguageDetector;
import io.podlens.transcript.Transcript;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chapter titles of shared episodes, read as an import reads them and with the topics
 * extraction finds with the default taxonomy: no title word is a filler or stopword, and
 * a chapter in which a named topic is prominent (at least five mentions, half of the
 * episode's) is titled with a topic it mentions. Prints every title.
 */
class ChapterTitleQualityTests {

	private final ThemeCatalog catalog = ThemeCatalog.bundled();

	@ParameterizedTest
	@ValueSource(
			strings = { "seeds/000_95363aa04b2cdaad.txt", "corpus/en/lex-fridman-416_yann-lecun_youtube-auto.en.srt",
					"corpus/en/lex-fridman-459_deepseek-china-openai-nvidia_youtube-auto.en.srt",
					"corpus/en/latent-space_tianqi-chen-mlc-llm_whisper-diarization.json",
					"corpus/en/data-engineering-podcast_zenlytic-ai-agents.vtt.txt",
					"corpus/en/maven-lightning-lesson_ai-productivity-for-tech-roles_whisper-jax.en.srt",
					"corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt",
					"corpus/zh/lex-fridman-459_deepseek_youtube-autotranslated.zh-Hans.vtt",
					"corpus/zh/pie-ep109_da-mo-xing-jun-bei-jing-sai_whisper.zh-Hans.srt" })
	void titlesNameWhatDominatesWithoutFiller(String file) throws IOException {
		List<StoredSegment> segments = load(file);
		String language = Languages.displayTag(segments.get(0).language(), segments.get(0).text());
		Map<String, Topic> byId = new HashMap<>();
		TopicFixtures.defaultTopics().forEach((topic) -> byId.put(topic.id(), topic));
		List<ChapterTopic> topics = new ArrayList<>();
		for (Mention mention : TopicFixtures.extractWithDefaultTaxonomy(segments)) {
			Topic topic = byId.get(mention.topicId());
			if (topic.category() != TopicCategory.THEME) {
				topics.add(new ChapterTopic(mention.segmentId(), topic.id(),
						ChapterTitles.topicTitle(language, topic.name(), topic.zhHant(), topic.zhHans()),
						topic.category().isNamedEntity(), mention.confidence(), EpisodeAnalyzer.names(topic)));
			}
		}
		List<SponsorRead> reads = new SponsorDetector().detect(segments);
		ChaptersDocument document = new ChapterBuilder(this.catalog).build(segments,
				new ThemeClassifier(this.catalog, 2.5).classify(segments, reads), reads, topics);
		Set<String> themeNames = new HashSet<>();
		this.catalog.themes().forEach((theme) -> themeNames.add(theme.nameIn(language)));
		System.out.println("chapters of " + file);
		for (Chapter chapter : document.chapters()) {
			System.out.printf("  %6.0f s  %s%n", chapter.startTime(), chapter.title());
			String title = chapter.title().replaceAll("[（(]\\d+[)）]$", "").strip();
			if (themeNames.contains(title) || title.matches("Part \\d+|第.+部分")) {
				continue;
			}
			assertThat(fillers(title, topics)).as(title).isEmpty();
			List<ChapterTopic> inStretch = inStretch(segments, topics, chapter);
			if (prominentNamedTopic(inStretch, topics)) {
				assertThat(inStretch.stream().map(ChapterTopic::title).distinct().anyMatch(title::contains))
					.as("%s names a topic of its stretch", title)
					.isTrue();
			}
		}
	}

	/** The title's words that are fillers or stopwords, topic names taken out first. */
	static List<String> fillers(String title, List<ChapterTopic> topics) {
		String rest = title;
		for (ChapterTopic topic : topics) {
			rest = rest.replace(topic.title(), " ")
				.replace(topic.title().toLowerCase(Locale.ROOT), " ")
				.replace(topic.title().substring(0, 1).toLowerCase(Locale.ROOT) + topic.title().substring(1), " ");
		}
		List<String> found = new ArrayList<>();
		for (Words.Segment segment : Words.of(rest)) {
			String word = Folding.fold(rest.substring(segment.start(), segment.end()));
			// "and" / 与 / 與 join the items, "of" the halves of a phrase (mixture of
			// experts)
			if (segment.word() && !List.of("and", "of", "与").contains(word) && WordLists.FILLER.contains(word)) {
				found.add(word);
			}
		}
		return found;
	}

	private static List<ChapterTopic> inStretch(List<StoredSegment> segments, List<ChapterTopic> topics,
			Chapter chapter) {
		Set<Long> ids = new HashSet<>();
		for (StoredSegment segment : segments) {
			if (segment.startMs() >= chapter.startTime() * 1000 && segment.startMs() < chapter.endTime() * 1000) {
				ids.add(segment.segmentId());
			}
		}
		return topics.stream().filter((topic) -> ids.contains(topic.segmentId())).toList();
	}

	private static boolean prominentNamedTopic(List<ChapterTopic> inStretch, List<ChapterTopic> all) {
		Map<String, Integer> here = new HashMap<>();
		inStretch.stream().filter(ChapterTopic::named).forEach((t) -> here.merge(t.topicId(), 1, Integer::sum));
		return here.entrySet()
			.stream()
			.anyMatch((e) -> e.getValue() >= 5
					&& e.getValue() * 2 >= all.stream().filter((t) -> t.topicId().equals(e.getKey())).count());
	}

	/** As an import reads the file: format detected, cues grouped, language detected. */
	static List<StoredSegment> load(String file) throws IOException {
		Transcript transcript = TranscriptParsers.parse(Files.readAllBytes(SharedData.file(file)),
				TranscriptFormat.AUTO);
		String language = LanguageDetector.detect(transcript.segments().stream().map(TranscriptSegment::text).toList());
		List<StoredSegment> segments = new ArrayList<>();
		for (TranscriptSegment segment : transcript.segments()) {
			int index = segments.size();
			segments.add(new StoredSegment(index + 1, 7, file, "shared", language, index, segment.startMs(),
					segment.endMs(), segment.speaker(), segment.text()));
		}
		return segments;
	}

}
