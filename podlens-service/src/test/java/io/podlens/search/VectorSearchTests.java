package io.podlens.search;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Semantic and hybrid search in the Lucene index with hand-made vectors (no model), so
 * that ranks, totals, filters and paging can be checked exactly; and what happens without
 * embeddings.
 */
class VectorSearchTests {

	@TempDir
	Path dataDir;

	private LuceneIndex index;

	private final FakeSegmentSource source = new FakeSegmentSource();

	private final FakeEmbeddings embeddings = new FakeEmbeddings();

	private LuceneSegmentSearch search;

	@BeforeEach
	void indexSegments() throws Exception {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		this.index = new LuceneIndex(properties, SearchSettings.defaults());
		this.search = new LuceneSegmentSearch(this.index, new QueryTranslator(properties, SearchSettings.defaults()),
				this.source, FakeTopicLookup.none(), SearchSettings.defaults(), Optional.of(this.embeddings),
				SemanticSearchProperties.defaults());
		// Directions in a 3-dimensional space: x = models, y = cooking, z = weather.
		add(1, 10, "zh-Hant", 0, "開源模型的進展", 1, 0, 0);
		add(2, 10, "zh-Hant", 1, "今天的晚餐是紅燒肉", 0, 1, 0);
		add(3, 20, "en", 0, "open models keep improving", 0.9f, 0.1f, 0);
		add(4, 20, "en", 1, "it rained all day in Lisbon", 0, 0, 1);
		add(5, 20, "en", 2, "the model of a cake shop", 0.5f, 0.5f, 0);
		// Not embedded yet: found by keyword only.
		this.source.segments.add(Segments.segment(6, 20, null, 3, "a model nobody embedded"));
		this.search.index(this.source.segments);
	}

	@AfterEach
	void close() throws Exception {
		this.index.destroy();
	}

	@Test
	void semanticRanksByCosineWithinTheFilters() {
		this.embeddings.query("language models", 1, 0, 0);
		SearchResult all = this.search.search(SearchQuery.of("language models").withMode(SearchMode.SEMANTIC));
		assertThat(all.hits()).extracting(SearchHit::text)
			.containsExactly("開源模型的進展", "open models keep improving", "the model of a cake shop", "今天的晚餐是紅燒肉",
					"it rained all day in Lisbon");
		assertThat(all.total()).isEqualTo(5);
		assertThat(all.totalExact()).isTrue();
		assertThat(all.hits().get(0).semanticScore()).isCloseTo(1f, within(0.02f));
		assertThat(all.hits().get(2).semanticScore()).isCloseTo(0.707f, within(0.02f));
		assertThat(all.hits()).extracting(SearchHit::semanticRank).containsExactly(1, 2, 3, 4, 5);
		assertThat(all.hits()).allSatisfy((hit) -> {
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.SEMANTIC);
			assertThat(hit.keywordRank()).isNull();
		});
		SearchResult english = this.search
			.search(SearchQuery.of("language models").withMode(SearchMode.SEMANTIC).withLanguage("en"));
		assertThat(english.hits()).extracting(SearchHit::episodeId).containsOnly(20L);
		SearchResult zh = this.search
			.search(SearchQuery.of("language models").withMode(SearchMode.SEMANTIC).withLanguage("zh"));
		assertThat(zh.hits()).extracting(SearchHit::text).containsExactly("開源模型的進展", "今天的晚餐是紅燒肉");
		SearchResult later = this.search
			.search(SearchQuery.of("language models").withMode(SearchMode.SEMANTIC).withTime(60_001L, null));
		assertThat(later.hits()).extracting(SearchHit::segmentIndex).doesNotContain(0);
		SearchResult page = this.search
			.search(SearchQuery.of("language models").withMode(SearchMode.SEMANTIC).withPage(1, 2));
		assertThat(page.hits()).extracting(SearchHit::semanticRank).containsExactly(3, 4);
	}

	@Test
	void excludedWordsExcludeByMeaningToo() {
		this.embeddings.query("models", 1, 0, 0);
		SearchResult result = this.search.search(SearchQuery.of("models -cake").withMode(SearchMode.SEMANTIC));
		assertThat(result.hits()).extracting(SearchHit::text).doesNotContain("the model of a cake shop").hasSize(4);
		// Semantic mode reads text the keyword syntax cannot; hybrid mode needs it.
		this.embeddings.query("the best models", 1, 0, 0);
		assertThat(this.search.search(SearchQuery.of("the \"best models").withMode(SearchMode.SEMANTIC)).hits())
			.hasSize(5);
		assertThatThrownBy(() -> this.search.search(SearchQuery.of("the \"best models").withMode(SearchMode.HYBRID)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("q:");
	}

	@Test
	void hybridFusesRanksAndCountsKeywordMatchesPlusTheNearestOthers() {
		this.embeddings.query("model", 1, 0, 0);
		SearchResult keyword = this.search.search(SearchQuery.of("model"));
		SearchResult hybrid = this.search.search(SearchQuery.of("model").withMode(SearchMode.HYBRID));
		// 3 segments say "model" (or "models"); the nearest that do not: the Chinese ones
		// and the rain.
		assertThat(keyword.total()).isEqualTo(3);
		assertThat(hybrid.total()).isEqualTo(3 + 3);
		Map<String, Integer> keywordRanks = new HashMap<>();
		for (int i = 0; i < keyword.hits().size(); i++) {
			keywordRanks.put(keyword.hits().get(i).text(), i + 1);
		}
		double previous = Double.MAX_VALUE;
		for (SearchHit hit : hybrid.hits()) {
			assertThat(hit.keywordRank()).isEqualTo(keywordRanks.get(hit.text()));
			double expected = ((hit.keywordRank() != null) ? 1.0 / (60 + hit.keywordRank()) : 0)
					+ ((hit.semanticRank() != null) ? 1.0 / (60 + hit.semanticRank()) : 0);
			assertThat((double) hit.score()).isCloseTo(expected, within(1e-6));
			assertThat(expected).isLessThanOrEqualTo(previous);
			previous = expected;
			assertThat(hit.matchedBy()).isEqualTo((hit.keywordRank() != null) ? SearchHit.EXACT : SearchHit.SEMANTIC);
		}
		assertThat(hybrid.hits()).extracting(SearchHit::text).contains("a model nobody embedded", "開源模型的進展").hasSize(6);
		SearchHit unembedded = hybrid.hits()
			.stream()
			.filter((hit) -> hit.text().equals("a model nobody embedded"))
			.findFirst()
			.orElseThrow();
		assertThat(unembedded.semanticRank()).isNull();
		assertThat(unembedded.snippet()).contains("<mark>model</mark>");
	}

	@Test
	void hybridHitsAreTheSameWhenTheQueryVectorArrivesAfterTheKeywordRanking() {
		this.embeddings.query("model", 1, 0, 0);
		SearchQuery query = SearchQuery.of("model").withMode(SearchMode.HYBRID);
		SearchResult atOnce = this.search.search(query);
		// The keyword side builds its page's hits while the vector is on its way.
		this.embeddings.delayMs = 200;
		SearchResult late = this.search.search(query);
		assertThat(late).isEqualTo(atOnce);
		assertThat(this.search.search(query.withPage(1, 2)).hits()).isEqualTo(atOnce.hits().subList(2, 4));
	}

	@Test
	void hybridTotalCountsNearestKeywordMatchesBeyondTheFusionDepth() {
		// Nearest to the cake shop, which says "model" but is not the first keyword hit.
		this.embeddings.query("model", 0.5f, 0.5f, 0);
		LuceneSegmentSearch shallow = new LuceneSegmentSearch(this.index,
				new QueryTranslator(TestPodlensProperties.withDataDir(this.dataDir), SearchSettings.defaults()),
				this.source, FakeTopicLookup.none(), SearchSettings.defaults(), Optional.of(this.embeddings),
				new SemanticSearchProperties(SearchMode.AUTO, 60, 1, 100, 1, 1, 0));
		SearchResult keyword = shallow.search(SearchQuery.of("model").withPage(0, 1));
		assertThat(keyword.hits()).extracting(SearchHit::text).doesNotContain("the model of a cake shop");
		SearchResult hybrid = shallow.search(SearchQuery.of("model").withMode(SearchMode.HYBRID).withPage(0, 1));
		// One keyword hit and one nearest segment taken; the nearest is a keyword match:
		// the total is the keyword count.
		assertThat(hybrid.hits()).extracting(SearchHit::text).hasSize(1);
		assertThat(hybrid.total()).isEqualTo(keyword.total()).isEqualTo(3);
		// Taken to the default depth, the nearest that are no keyword match add to it.
		assertThat(this.search.search(SearchQuery.of("model").withMode(SearchMode.HYBRID)).total()).isEqualTo(3 + 3);
	}

	@Test
	void similarSegmentsComeFromOtherEpisodes() {
		SimilarSegments similar = this.search.similar(10, 0, 2);
		assertThat(similar.text()).isEqualTo("開源模型的進展");
		assertThat(similar.hits()).extracting(SearchHit::text)
			.containsExactly("open models keep improving", "the model of a cake shop");
		assertThatThrownBy(() -> this.search.similar(99, 0, 2)).isInstanceOf(NotFoundException.class)
			.hasMessage("Episode 99 does not exist");
		assertThatThrownBy(() -> this.search.similar(10, 7, 2)).isInstanceOf(NotFoundException.class)
			.hasMessage("Segment 7 of episode 10 does not exist");
		assertThatThrownBy(() -> this.search.similar(20, 3, 2)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("has no embedding yet");
	}

	@Test
	void theRebuildKeepsStoredVectors() {
		this.search.rebuild();
		assertThat(this.search.stats().vectors()).isEqualTo(5);
		assertThat(this.search.stats().documents()).isEqualTo(6);
		assertThat(this.search.similar(10, 0, 1).hits()).extracting(SearchHit::text)
			.containsExactly("open models keep improving");
	}

	@Test
	void withoutEmbeddingsTheSemanticModesAreProblems() {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		LuceneSegmentSearch keywordOnly = new LuceneSegmentSearch(this.index,
				new QueryTranslator(properties, SearchSettings.defaults()), this.source, FakeTopicLookup.none(),
				SearchSettings.defaults());
		assertThatThrownBy(() -> keywordOnly.search(SearchQuery.of("model").withMode(SearchMode.HYBRID)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("mode: hybrid search is not available");
		assertThatThrownBy(() -> keywordOnly.similar(10, 0, 2)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("disabled");
		// The segment nobody embedded is in Chinese (zh-Hant).
		assertThat(keywordOnly.search(SearchQuery.of("model").withLanguage("en")).total()).isEqualTo(2);
		assertThat(keywordOnly.search(SearchQuery.of("model").withLanguage("zh-Hant")).total()).isEqualTo(1);
		SemanticSearchProperties hybridDefault = new SemanticSearchProperties(SearchMode.HYBRID, 60, 100, 100, 1, 1, 0);
		assertThatThrownBy(() -> new LuceneSegmentSearch(this.index,
				new QueryTranslator(properties, SearchSettings.defaults()), this.source, FakeTopicLookup.none(),
				SearchSettings.defaults(), Optional.empty(), hybridDefault))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("podlens.search.default-mode=hybrid needs embeddings");
	}

	private void add(long segmentId, long episodeId, String language, int index, String text, float... vector) {
		StoredSegment segment = new StoredSegment(segmentId, episodeId, "Episode " + episodeId, null, language, index,
				index * 60_000L, (index + 1) * 60_000L, null, text);
		this.source.segments.add(segment);
		this.embeddings.store(segmentId, vector);
	}

}
