package io.podlens.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.podlens.common.InvalidInputException;
import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;

import static io.podlens.search.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An episode's in-memory index answers a query as keyword search over the whole index
 * restricted to the episode: the same segments, snippets and {@code matchedBy}, in
 * transcript order.
 */
class EpisodeQueriesTests {

	@TempDir
	Path dataDir;

	private final FakeSegmentSource source = new FakeSegmentSource();

	private final FakeTopicLookup topics = new FakeTopicLookup(
			List.of(new Topic("chameleon", "Chameleon", TopicCategory.MODEL, List.of("變色龍"), List.of()),
					new Topic("gemini", "Gemini", TopicCategory.MODEL, List.of(), List.of())));

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	private EpisodeQueries queries;

	@BeforeEach
	void indexSamples() throws Exception {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		TopicMatches matches = new TopicMatches(this.topics.provider());
		QueryTranslator translator = new QueryTranslator(properties, SearchSettings.defaults());
		this.index = new LuceneIndex(properties, SearchSettings.defaults());
		this.search = new LuceneSegmentSearch(this.index, translator, this.source, matches, SearchSettings.defaults());
		this.queries = new InMemoryEpisodeQueries(translator, matches, SearchSettings.defaults());
		List<StoredSegment> first = List.of(segment(1, 10, "科技浪", 0, "今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。"),
				segment(2, 10, "科技浪", 1, "變色龍是一種會變色的動物。"), segment(3, 10, "科技浪", 2, "他的臉馬上變色了，像一條生氣的龍。"),
				segment(4, 10, "科技浪", 3, "Google showed Project Astra, a new project."),
				segment(5, 10, "科技浪", 4, "Astra is not the name of the project here."));
		List<StoredSegment> second = List.of(english(6, 20, 0, "Transformers and attention: one model to rule them"),
				english(7, 20, 1, "<script>alert('x')</script> a model & <mark>fake</mark>"),
				english(8, 20, 2, "A gemini model, compared with GPT-4V."),
				english(9, 20, 3, "The Camellian weights are open."));
		List<StoredSegment> simplified = List.of(segment(11, 30, "简体台", 0, "多模态模型的训练数据从哪里来"),
				segment(12, 30, "简体台", 1, "项量资料库可以做语义检索"));
		this.topics.store(10,
				List.of(mention("gemini", first.get(0), "Gemini", MatchKind.EXACT),
						mention("chameleon", first.get(1), "變色龍", MatchKind.ALIAS),
						mention("chameleon", first.get(1), "會變色", MatchKind.FUZZY)));
		this.topics.store(20, List.of(mention("gemini", second.get(2), "gemini", MatchKind.EXACT)));
		for (List<StoredSegment> episode : List.of(first, second, simplified)) {
			this.source.segments.addAll(episode);
			this.search.index(episode);
		}
	}

	@AfterEach
	void close() throws Exception {
		this.index.destroy();
	}

	/**
	 * Each row: the query and its options, the episode, the segments it matches
	 * ({@code index:matchedBy}, in transcript order), checked against the index and
	 * against the in-memory route.
	 */
	@ParameterizedTest(name = "{0} (soundsLike {1}, podcast {2}, language {3}) in {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			變色龍                 | false | -          | -  | 10 | 1:exact
			变色龙                 | false | -          | -  | 10 | 1:exact
			多模態模型             | false | -          | -  | 30 | 0:exact
			多模态模型             | false | -          | -  | 10 | 0:exact
			龍                     | false | -          | -  | 10 | 1:exact 2:exact
			"Project Astra"        | false | -          | -  | 10 | 3:exact
			project astra          | false | -          | -  | 10 | 2:passage 3:exact 4:exact
			model AND gemini       | false | -          | -  | 20 | 2:exact
			model NOT gemini       | false | -          | -  | 20 | 0:exact 1:exact
			model -gemini          | false | -          | -  | 20 | 0:exact 1:exact
			attention OR 變色龍    | false | -          | -  | 20 | 0:exact
			(astra OR attention) -google | false | - | -  | 10 | 4:exact
			-model -astra          | false | -          | -  | 10 | 1:exact 2:exact
			GEM*                   | false | -          | -  | 20 | 2:exact
			transf*                | false | -          | -  | 20 | 0:exact
			Chameleon              | true  | -          | -  | 10 | 1:alias
			Chameleon              | true  | -          | -  | 20 | 3:sounds-like
			Chameleon              | false | -          | -  | 20 |
			向量                   | true  | -          | -  | 30 | 1:sounds-like
			向量                   | false | -          | -  | 30 |
			model                  | false | 科技浪     | -  | 10 | 0:exact
			model                  | false | Other Show | -  | 10 |
			model                  | false | -          | en | 20 | 0:exact 1:exact 2:exact
			model                  | false | -          | zh | 20 |
			model                  | false | -          | zh | 10 | 0:exact
			""")
	void matchesAsTheIndexDoes(String q, boolean soundsLike, String podcast, String language, long episodeId,
			String expected) {
		SearchQuery query = SearchQuery.of(q).withSoundsLike(soundsLike).withPodcast(podcast).withLanguage(language);
		SearchResult indexed = this.search.search(query.withEpisode(episodeId).withPage(0, 100));
		SearchResult inMemory;
		try (EpisodeQueries.EpisodeIndex episode = this.queries.index(episodeOf(episodeId))) {
			inMemory = episode.search(query.withPage(0, 100));
		}
		List<Tuple> wanted = (expected == null) ? List.of()
				: Arrays.stream(expected.trim().split(" "))
					.map((m) -> tuple(Integer.parseInt(m.split(":")[0]), m.split(":")[1]))
					.toList();
		assertThat(inMemory.hits()).extracting(SearchHit::segmentIndex, SearchHit::matchedBy)
			.containsExactlyElementsOf(wanted);
		assertThat(inMemory.total()).isEqualTo(indexed.total()).isEqualTo(wanted.size());
		assertThat(inMemory.totalExact()).isTrue();
		assertThat(described(inMemory.hits())).containsExactlyElementsOf(described(inTranscriptOrder(indexed.hits())));
	}

	@Test
	void snippetsMarkWhatMatchedAsSearchDoes() {
		try (EpisodeQueries.EpisodeIndex episode = this.queries.index(episodeOf(10))) {
			assertThat(episode.search(SearchQuery.of("Chameleon").withSoundsLike(true)).hits())
				.extracting(SearchHit::snippet, SearchHit::matchedTerms)
				.containsExactly(tuple("<mark>變色龍</mark>是一種<mark>會變色</mark>的動物。", List.of("變色龍", "會變色")));
			assertThat(episode.search(SearchQuery.of("\"Project Astra\"")).hits()).extracting(SearchHit::snippet)
				.containsExactly("Google showed <mark>Project Astra</mark>, a new project.");
		}
		try (EpisodeQueries.EpisodeIndex episode = this.queries.index(episodeOf(20))) {
			assertThat(episode.search(SearchQuery.of("Chameleon").withSoundsLike(true)).hits())
				.extracting(SearchHit::snippet)
				.containsExactly("The <mark>Camellian</mark> weights are open.");
		}
	}

	@Test
	void pagesInTranscriptOrderWithAnExactTotal() {
		List<StoredSegment> many = java.util.stream.IntStream.range(0, 45)
			.mapToObj((i) -> segment(100 + i, 40, "Bulk", i, (i % 3 == 0) ? "repeat repeat word" : "repeat word"))
			.toList();
		try (EpisodeQueries.EpisodeIndex episode = this.queries.index(many)) {
			SearchResult first = episode.search(SearchQuery.of("repeat").withPage(0, 20));
			SearchResult third = episode.search(SearchQuery.of("repeat").withPage(2, 20));
			assertThat(first.total()).isEqualTo(45);
			assertThat(first.hits()).extracting(SearchHit::segmentIndex)
				.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
			assertThat(third.hits()).extracting(SearchHit::segmentIndex).containsExactly(40, 41, 42, 43, 44);
			assertThat(first.hits()).allSatisfy((hit) -> assertThat(hit.score()).isPositive());
		}
	}

	@Test
	void anIndexWithoutSoundsLikeMatchesTheSameAndRefusesSoundsLikeQueries() {
		try (EpisodeQueries.EpisodeIndex full = this.queries.index(episodeOf(10));
				EpisodeQueries.EpisodeIndex lean = this.queries.index(episodeOf(10), false)) {
			for (String q : List.of("變色龍", "project astra", "\"Project Astra\"", "-model -astra", "model")) {
				assertThat(described(lean.search(SearchQuery.of(q)).hits())).as(q)
					.isNotEmpty()
					.containsExactlyElementsOf(described(full.search(SearchQuery.of(q)).hits()));
			}
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> lean.search(SearchQuery.of("Chameleon").withSoundsLike(true)));
		}
	}

	@Test
	void refusesWhatSearchRefuses() {
		try (EpisodeQueries.EpisodeIndex episode = this.queries.index(episodeOf(10))) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> episode.search(SearchQuery.of("\"unbalanced")))
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("unbalanced double quote"));
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> episode.search(SearchQuery.of("model").withMode(SearchMode.SEMANTIC)));
		}
	}

	/**
	 * Real episodes (a Traditional Chinese panel, a Simplified Chinese and an English
	 * episode of the shared corpus): analyst terms match the same segments in memory as
	 * in the index.
	 */
	@Test
	void sharedEpisodesMatchAsInTheIndex() throws IOException {
		List<List<StoredSegment>> episodes = List.of(
				SharedTranscripts.one("corpus/zh/chatgpt-panel-8ZAmt3Bn5fs_whisper-jax-chunked.zh-Hant-mixed.srt", 101),
				SharedTranscripts.one("corpus/zh/pie-ep109_da-mo-xing-jun-bei-jing-sai_whisper.zh-Hans.srt", 102),
				SharedTranscripts.one("corpus/en/data-engineering-podcast_zenlytic-ai-agents.vtt.txt", 103));
		episodes.forEach(this.search::index);
		int compared = 0;
		for (List<StoredSegment> episode : episodes) {
			try (EpisodeQueries.EpisodeIndex inMemory = this.queries.index(episode)) {
				for (String q : List.of("模型", "訓練 資料", "\"大模型\"", "推理 OR 推论", "agent", "\"semantic layer\"",
						"data AND -warehouse", "benchmark*", "open source model")) {
					for (boolean soundsLike : List.of(false, true)) {
						SearchQuery query = SearchQuery.of(q).withSoundsLike(soundsLike).withPage(0, 100);
						SearchResult indexed = this.search.search(query.withEpisode(episode.get(0).episodeId()));
						SearchResult found = inMemory.search(query);
						assertThat(found.total()).as(q).isEqualTo(indexed.total());
						if (indexed.total() <= 100) {
							assertThat(described(found.hits())).as(q)
								.containsExactlyElementsOf(described(inTranscriptOrder(indexed.hits())));
							compared += found.hits().size();
						}
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(50);
	}

	private List<StoredSegment> episodeOf(long episodeId) {
		return this.source.segments.stream().filter((s) -> s.episodeId() == episodeId).toList();
	}

	private static List<SearchHit> inTranscriptOrder(List<SearchHit> hits) {
		return hits.stream().sorted(Comparator.comparingInt(SearchHit::segmentIndex)).toList();
	}

	/** Everything an alert event takes from a hit. */
	private static List<Tuple> described(List<SearchHit> hits) {
		return hits.stream()
			.map((h) -> tuple(h.episodeId(), h.segmentIndex(), h.startMs(), h.endMs(), h.speaker(), h.text(),
					h.snippet(), h.matchedBy(), h.matchedTerms()))
			.toList();
	}

	private static StoredSegment english(long segmentId, long episodeId, int index, String text) {
		return new StoredSegment(segmentId, episodeId, "Episode " + episodeId, "Other Show", "en", index,
				index * 60_000L, (index + 1) * 60_000L, null, text);
	}

	private static Mention mention(String topicId, StoredSegment segment, String surface, MatchKind kind) {
		int start = segment.text().indexOf(surface);
		return new Mention(topicId, segment.index(), segment.segmentId(), start, start + surface.length(), surface,
				kind, 0.9);
	}

}
