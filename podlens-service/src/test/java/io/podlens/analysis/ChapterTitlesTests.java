package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

/** Titles of unthemed stretches from tables of sentences written for these tests. */
class ChapterTitlesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "Yeah, um, reinforcement learning is really exciting, you know.|reinforcement learning",
					"We trained a mixture of experts model.|mixture of experts",
					"Deep learning and world models, honestly.|deep learning, world models",
					"I think it's so surprising and exciting, the conversation.|", "Fine-tuning with TSMC chips|tsmc",
					"強化學習和世界模型都很重要|强化学习, 世界模型", "然後我覺得這個真的非常厲害|" })
	void termsArePhrasesAndNamesNotFillers(String text, String expected) {
		List<String> terms = ChapterTerms.of(text)
			.stream()
			.filter((term) -> term.phrase() || term.capitalised())
			.map(ChapterTerms.Term::key)
			.toList();
		List<String> wanted = (expected == null) ? List.of() : List.of(expected.split(",\\s*"));
		assertThat(terms).containsAll(wanted);
		assertThat(ChapterTerms.of(text)).extracting(ChapterTerms.Term::key)
			.noneMatch(
					(key) -> List.of(key.split(" ")).stream().anyMatch(ChapterTerms::filler) && !key.contains(" of "));
	}

	@Test
	void aProminentTopicAndTheStretchsKeyPhraseTitleIt() {
		List<StoredSegment> segments = episode("en",
				"Yeah so DeepSeek-R1 was trained with reinforcement learning, which is exciting.",
				"Right, and DeepSeek-R1 uses reinforcement learning with verifiable rewards.",
				"I mean DeepSeek-R1 is, um, really surprising, reinforcement learning again.",
				"So DeepSeek-R1 and the conversation about it, you know, reinforcement learning.");
		List<ChapterTopic> topics = new ArrayList<>();
		for (StoredSegment segment : segments) {
			topics.add(new ChapterTopic(segment.segmentId(), "deepseek-r1", "DeepSeek-R1", true, 1.0,
					List.of("deepseek-r1", "deepseek r1")));
		}
		ChapterTitles titles = new ChapterTitles(segments, new EpisodeWords(segments), topics, "en");
		assertThat(titles.title(1, 0, 4 * 60_000)).isEqualTo("DeepSeek-R1 and reinforcement learning");
	}

	@Test
	void withoutTopicsKeyPhrasesTitleInTheEpisodesLanguage() {
		List<StoredSegment> segments = episode("zh-Hans", "我觉得强化学习真的非常厉害，强化学习和世界模型", "然后世界模型就是说，世界模型和强化学习", "其实强化学习嘛");
		ChapterTitles titles = new ChapterTitles(segments, new EpisodeWords(segments), List.of(), "zh-Hans");
		// 世界模型 is said in fewer of the episode's windows: more specific, first
		assertThat(titles.title(1, 0, 3 * 60_000)).isEqualTo("世界模型与强化学习");
	}

	@Test
	void fillerAloneGivesANumberedPart() {
		List<StoredSegment> segments = episode("en", "Yeah, wow, that's so exciting, the conversation, exciting!",
				"Right, right, it's surprising, honestly surprising, you know.", "Okay, um, yeah, exciting stuff.");
		ChapterTitles titles = new ChapterTitles(segments, new EpisodeWords(segments), List.of(), "en");
		assertThat(titles.title(7, 0, 3 * 60_000)).isEqualTo("Part 7");
	}

	@Test
	void whatTheWholeEpisodeSaysTitlesNoSingleChapter() {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			texts.add("Language models again, language models everywhere.");
		}
		texts.set(10, "Language models again, and now protein folding, protein folding with language models.");
		texts.set(11, "Protein folding is the question here.");
		List<StoredSegment> segments = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			segments.add(TestSegments.segment(i, i * 120_000L, (i + 1) * 120_000L, texts.get(i), "en"));
		}
		ChapterTitles titles = new ChapterTitles(segments, new EpisodeWords(segments), List.of(), "en");
		assertThat(titles.items(10 * 120_000L, 12 * 120_000L)).containsExactly("protein folding");
	}

	@Test
	void topicsAreNamedInTheEpisodesScript() {
		assertThat(ChapterTitles.topicTitle("zh-Hant", "Reinforcement learning", List.of("強化學習"), List.of("强化学习")))
			.isEqualTo("強化學習");
		assertThat(ChapterTitles.topicTitle("zh-Hans", "Reinforcement learning", List.of("強化學習"), List.of("强化学习")))
			.isEqualTo("强化学习");
		assertThat(ChapterTitles.topicTitle("zh-Hans", "DeepSeek", List.of(), List.of())).isEqualTo("DeepSeek");
		assertThat(ChapterTitles.topicTitle("en", "Reinforcement learning", List.of("強化學習"), List.of("强化学习")))
			.isEqualTo("Reinforcement learning");
	}

	private static List<StoredSegment> episode(String language, String... texts) {
		return TestSegments.evenly(language, 60_000, texts);
	}

}
