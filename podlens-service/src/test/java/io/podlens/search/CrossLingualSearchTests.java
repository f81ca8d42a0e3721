package io.podlens.search;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;

import static io.podlens.search.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;

/** English queries find Chinese segments through cross-lingual expansion. */
class CrossLingualSearchTests {

	private static final Topic TENCENT = new Topic("tencent", "Tencent", TopicCategory.ORGANIZATION, List.of(),
			List.of(), null, null, List.of("騰訊"), List.of("腾讯"), false);

	@TempDir
	Path dataDir;

	private LuceneIndex index;

	private LuceneSegmentSearch expanding;

	private LuceneSegmentSearch plain;

	@BeforeEach
	void indexSamples() throws Exception {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		this.index = new LuceneIndex(properties, SearchSettings.defaults());
		FakeSegmentSource source = new FakeSegmentSource();
		CrossLingualExpansion expansion = new CrossLingualExpansion(Glossary.shipped(),
				() -> new FakeTopicLookup(List.of(TENCENT)), ExpansionProperties.defaults());
		this.expanding = new LuceneSegmentSearch(this.index,
				new QueryTranslator(properties, SearchSettings.defaults(), expansion), source, FakeTopicLookup.none(),
				SearchSettings.defaults());
		this.plain = new LuceneSegmentSearch(this.index, new QueryTranslator(properties, SearchSettings.defaults()),
				source, FakeTopicLookup.none(), SearchSettings.defaults());
		List<StoredSegment> segments = List.of(segment(1, 10, "科技夜談", 0, "這一集我們聊推理成本，怎樣讓大模型跑得更便宜。"),
				segment(2, 10, "科技夜談", 1, "騰訊今年也發布了自己的晶片計畫。"), segment(3, 10, "科技夜談", 2, "下午去公園散步，天氣很好。"),
				segment(4, 20, "Night Tech", 0, "Inference is cheap now, and we keep it that way."),
				segment(5, 20, "Night Tech", 1, "We walked in the park in the afternoon."));
		source.segments.addAll(segments);
		this.expanding.index(segments);
	}

	@AfterEach
	void close() throws Exception {
		this.index.destroy();
	}

	@Test
	void englishQuestionFindsTheChineseSegmentBelowTheEnglishOne() {
		SearchResult result = this.expanding.search(SearchQuery.of("how do they keep inference cheap?"));
		assertThat(ids(result)).containsExactly(4L, 1L);
		// The snippet marks the Chinese words that matched.
		assertThat(result.hits().get(1).snippet()).contains("<mark>推理</mark>", "<mark>便宜</mark>");
		assertThat(ids(this.plain.search(SearchQuery.of("how do they keep inference cheap?")))).containsExactly(4L);
	}

	@Test
	void topicNameFindsTheChineseName() {
		assertThat(ids(this.expanding.search(SearchQuery.of("Tencent")))).containsExactly(2L);
		assertThat(ids(this.plain.search(SearchQuery.of("Tencent")))).isEmpty();
	}

	@Test
	void chineseQueryFindsTheEnglishSegment() {
		assertThat(ids(this.expanding.search(SearchQuery.of("推理很便宜")))).containsExactly(1L, 4L);
	}

	@Test
	void quotedPhraseKeepsItsMeaning() {
		assertThat(ids(this.expanding.search(SearchQuery.of("\"inference is cheap\"")))).containsExactly(4L);
		assertThat(ids(this.expanding.search(SearchQuery.of("inference -cheap")))).isEmpty();
	}

	@Test
	void oneWordScoresAsTheBetterOfItselfAndItsWeightedEquivalents() {
		// The word's own hit keeps the score of the plain query (the expanded query reads
		// its equivalents only); the segment that says it in Chinese comes after.
		SearchResult expanded = this.expanding.search(SearchQuery.of("inference"));
		SearchResult plain = this.plain.search(SearchQuery.of("inference"));
		assertThat(ids(expanded)).containsExactly(4L, 1L);
		assertThat(expanded.hits().get(0).score()).isEqualTo(plain.hits().get(0).score());
		assertThat(expanded.hits().get(1).score()).isLessThan(expanded.hits().get(0).score());
	}

	@Test
	void severalWordsMatchSomeAsTypedAndOthersAsEquivalents() {
		// Segment 1 says 推理 and 大模型 but not "models": both words are required of the
		// query itself, so only the expanded query, with 推理 as typed and 模型 for
		// models, finds it.
		assertThat(ids(this.plain.search(SearchQuery.of("推理 models")))).isEmpty();
		assertThat(ids(this.expanding.search(SearchQuery.of("推理 models")))).containsExactly(1L);
	}

	private static List<Long> ids(SearchResult result) {
		return result.hits()
			.stream()
			.map((hit) -> (hit.episodeId() == 10) ? 1L + hit.segmentIndex() : 4L + hit.segmentIndex())
			.toList();
	}

}
