package io.podlens.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions typed as sentences over real transcripts (../shared): the seed (Traditional
 * Chinese, one-minute segments) and Lex Fridman #459 (English YouTube captions, segments
 * of two or three seconds). Before ranked queries every word was required in one segment
 * and these found nothing; the same words joined with AND still do not.
 */
@TestInstance(Lifecycle.PER_CLASS)
class SharedQuestionSearchTests {

	@TempDir
	static Path dataDir;

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	@BeforeAll
	void indexTranscripts() throws IOException {
		PodlensProperties properties = TestPodlensProperties.withDataDir(dataDir);
		this.index = new LuceneIndex(properties, SearchSettings.defaults());
		this.search = new LuceneSegmentSearch(this.index, new QueryTranslator(properties, SearchSettings.defaults()),
				new FakeSegmentSource(), FakeTopicLookup.none(), SearchSettings.defaults());
		this.search.index(SharedTranscripts.one("seeds/000_95363aa04b2cdaad.txt", 1));
		this.search.index(
				SharedTranscripts.one("corpus/en/lex-fridman-459_deepseek-china-openai-nvidia_youtube-auto.en.srt", 2));
	}

	@AfterAll
	void close() throws IOException {
		if (this.index != null) {
			this.index.destroy();
		}
	}

	@Test
	void anEnglishQuestionFindsSegmentsWithMostOfItsWords() {
		assertThat(search("nvidia AND stock AND falling")).isEmpty();
		List<SearchHit> hits = search("why is nvidia stock falling?");
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).text()).containsIgnoringCase("nvidia").containsIgnoringCase("stock");
		assertThat(hits).allSatisfy((hit) -> assertThat(hit.matchedTerms()).isNotEmpty());
	}

	@Test
	void aQuestionAnsweredOverSeveralShortSegmentsIsFoundWhereItStarts() {
		assertThat(search("inference AND cheap")).isEmpty();
		List<SearchHit> hits = search("how do they keep inference cheap");
		assertThat(hits).isNotEmpty();
		// Every hit has both words in itself or in the seconds after it; a passage
		// marks both in its snippet.
		assertThat(hits).anySatisfy((hit) -> {
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.PASSAGE);
			assertThat(hit.snippet()).containsIgnoringCase("<mark>inference</mark>")
				.containsIgnoringCase("<mark>cheap</mark>");
		});
		assertThat(hits).allSatisfy((hit) -> assertThat(hit.snippet()).contains("<mark>"));
	}

	@Test
	void aChineseQuestionWithoutSpacesFindsSegmentsWithMostOfItsWords() {
		assertThat(search("多模態模型的訓練資料從哪裡來")).hasSizeGreaterThan(search("多模態 AND 模型 AND 訓練 AND 資料").size());
		List<SearchHit> hits = search("多模态模型的训练资料从哪里来？");
		assertThat(hits).isNotEmpty();
		// 多模態, 模型, 訓練, 資料: at least two of them in or right after each hit.
		assertThat(hits.get(0).matchedTerms()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(hits).allSatisfy((hit) -> assertThat(hit.episodeId()).isEqualTo(1));
	}

	private List<SearchHit> search(String q) {
		return this.search.search(SearchQuery.of(q).withPage(0, 100)).hits();
	}

}
