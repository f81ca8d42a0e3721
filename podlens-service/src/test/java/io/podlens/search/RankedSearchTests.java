package io.podlens.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries without syntax rank segments by how many of their content words they (and the
 * segments right after them) contain; queries with syntax keep their boolean meaning.
 */
class RankedSearchTests {

	@TempDir
	Path dataDir;

	private final List<LuceneIndex> indexes = new ArrayList<>();

	private LuceneSegmentSearch search;

	/** Three-second segments, as speech recognition cuts them. */
	private static final List<List<String>> EPISODES = List.of(
			// 1: a question answered over three segments
			List.of("So how does it work?", "Inference runs on our own chips,", "which keeps it cheap."),
			// 2: all words in one segment
			List.of("Inference is cheap when the chips are ours."),
			// 3: one word only
			List.of("Training is expensive, inference less so."),
			// 4: a Chinese question's words in one segment, and three of four in the next
			List.of("多模態模型的訓練資料來自網路上的圖文配對", "模型的訓練資料很重要"),
			// 5: one of four
			List.of("我們今天聊資料"),
			// 6: the Chinese answer over three segments
			List.of("那多模態模型的部分呢", "它的訓練資料", "主要是網路上抓的圖片"),
			// 7: a long segment with both words, 8: both words only in the context
			List.of("Inference, as we said at length before the break and again after it, when it runs on "
					+ "hardware that we designed ourselves and operate in our own data centres, is cheap."),
			List.of("Next up, a short one:", "inference cheap"));

	@BeforeEach
	void index() throws Exception {
		this.search = searchWith(SearchSettings.defaults());
	}

	@AfterEach
	void close() throws Exception {
		for (LuceneIndex index : this.indexes) {
			index.destroy();
		}
	}

	private LuceneSegmentSearch searchWith(SearchProperties settings) throws Exception {
		PodlensProperties properties = TestPodlensProperties
			.withDataDir(this.dataDir.resolve("index-" + this.indexes.size()));
		LuceneIndex index = new LuceneIndex(properties, settings);
		this.indexes.add(index);
		LuceneSegmentSearch search = new LuceneSegmentSearch(index, new QueryTranslator(properties, settings),
				new FakeSegmentSource(), FakeTopicLookup.none(), settings);
		search.index(segments());
		return search;
	}

	static List<StoredSegment> segments() {
		List<StoredSegment> segments = new ArrayList<>();
		for (int e = 0; e < EPISODES.size(); e++) {
			List<String> texts = EPISODES.get(e);
			for (int i = 0; i < texts.size(); i++) {
				segments.add(new StoredSegment(100L * (e + 1) + i, e + 1, "Episode " + (e + 1), "Ranked", "en", i,
						i * 3_000L, (i + 1) * 3_000L, null, texts.get(i)));
			}
		}
		return segments;
	}

	@Test
	void englishQuestionFindsTheSegmentsThatAnswerIt() {
		List<SearchHit> hits = hits("how do they keep inference cheap?");
		// how, do, they and keep are stopwords: inference and cheap must both be there,
		// in the segment or in the seconds after it.
		assertThat(keys(hits).subList(0, 3)).containsExactlyInAnyOrder("2/0", "7/0", "8/1");
		assertThat(keys(hits)).hasSize(6).element(3).isEqualTo("1/1");
		assertThat(keys(hits).subList(4, 6)).containsExactlyInAnyOrder("1/0", "8/0");
		assertThat(hits).extracting(SearchHit::matchedBy)
			.containsExactly(SearchHit.EXACT, SearchHit.EXACT, SearchHit.EXACT, SearchHit.EXACT, SearchHit.PASSAGE,
					SearchHit.PASSAGE);
	}

	@Test
	void partialMatchesRankAfterCompleteOnes() throws Exception {
		// Three content words: two are enough (2<-1); the segment with all three ranks
		// first, those with one are not found.
		List<SearchHit> hits = hits("inference cheap chips");
		assertThat(keys(hits).get(0)).isEqualTo("2/0");
		assertThat(keys(hits)).contains("1/1", "7/0", "8/1", "1/0", "8/0").doesNotContain("3/0", "1/2");
		assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
		// All required when the rule says so; one is enough when it says so.
		assertThat(keys(hits(rankedBy("100%"), "inference cheap chips"))).containsExactlyInAnyOrder("2/0", "1/1",
				"1/0");
		assertThat(keys(hits(rankedBy("1"), "inference cheap chips"))).contains("3/0", "1/2");
	}

	@Test
	void windowMatchesRankBelowOwnTextMatches() throws Exception {
		List<SearchHit> hits = hits("inference cheap");
		int lastOwn = 0;
		int firstPassage = hits.size();
		for (int i = 0; i < hits.size(); i++) {
			if (hits.get(i).matchedBy().equals(SearchHit.PASSAGE)) {
				firstPassage = Math.min(firstPassage, i);
			}
			else {
				lastOwn = i;
			}
		}
		assertThat(lastOwn).isLessThan(firstPassage);
		// The long segment that says both words itself ranks above the one that says
		// one and is followed by the other, and above the passages.
		assertThat(keys(hits).indexOf("7/0")).isLessThan(keys(hits).indexOf("1/1"));
		// Without contexts, the passages are not found at all.
		assertThat(keys(hits(searchWith(SearchSettings.withContextWindow(Duration.ZERO)), "inference cheap")))
			.containsExactlyInAnyOrder("2/0", "7/0", "8/1");
	}

	@Test
	void aPassageHitPointsAtWhereTheAnswerStartsAndMarksItsWords() {
		SearchHit hit = hits("how do they keep inference cheap").stream()
			.filter((h) -> h.episodeId() == 1 && h.segmentIndex() == 0)
			.findFirst()
			.orElseThrow();
		assertThat(hit.startMs()).isZero();
		assertThat(hit.text()).isEqualTo("So how does it work?");
		assertThat(hit.matchedBy()).isEqualTo(SearchHit.PASSAGE);
		assertThat(hit.snippet()).isEqualTo(
				"So how does it work? <mark>Inference</mark> runs on our own chips, which keeps it <mark>cheap</mark>.");
		assertThat(hit.matchedTerms()).containsExactly("Inference", "cheap");
	}

	@Test
	void ownTextSnippetsMarkWordsAndPhraseButNotTheProximitySpan() {
		assertThat(hits("inference cheap chips").get(0).snippet()).isIn(
				"<mark>Inference</mark> is <mark>cheap</mark> when the <mark>chips</mark> are ours.",
				"<mark>Inference</mark> runs on our own <mark>chips</mark>,");
		assertThat(hits("inference is cheap").get(0).snippet())
			.isEqualTo("<mark>Inference is cheap</mark> when the chips are ours.");
	}

	@Test
	void chineseQuestionInEitherScriptNeedsOnlyItsContentWords() {
		for (String q : List.of("多模態模型的訓練資料從哪裡來", "多模态模型的训练资料从哪里来？")) {
			List<SearchHit> hits = hits(q);
			// 多模態, 模型, 訓練, 資料: two of four; 的, 從, 哪裡, 來 are not required. All four
			// in one segment first; then three in one segment, or two in one and two in
			// the next; then two; one is not enough.
			assertThat(keys(hits)).as(q).hasSize(4).first().isEqualTo("4/0");
			assertThat(keys(hits).subList(1, 3)).containsExactlyInAnyOrder("4/1", "6/0");
			assertThat(keys(hits).get(3)).isEqualTo("6/1");
			assertThat(hits.get(0).snippet()).isEqualTo("<mark>多模態模型</mark>的<mark>訓練資料</mark>來自網路上的圖文配對");
			assertThat(hits).extracting(SearchHit::matchedBy).containsOnly(SearchHit.EXACT);
		}
	}

	@Test
	void aChineseWordStaysAPhraseOfItsBigrams() {
		// 變色龍 is one word: 色 and 龍 apart do not match it, in the text or the context.
		this.search.index(List.of(segment(900, 9, 0, "顏色很多"), segment(901, 9, 1, "他的臉變色了，像一條生氣的龍"),
				segment(910, 11, 0, "顏色很多"), segment(911, 11, 1, "變色龍會變色")));
		assertThat(keys(hits("變色龍的顏色"))).containsExactly("11/0");
		assertThat(keys(hits("變色龍是什麼"))).containsExactly("11/1");
	}

	@Test
	void oneWordMatchesTheSegmentsSayingIt() {
		assertThat(keys(hits("cheap"))).containsExactlyInAnyOrder("1/2", "2/0", "7/0", "8/1");
		assertThat(keys(hits("cheap?"))).containsExactlyInAnyOrder("1/2", "2/0", "7/0", "8/1");
	}

	@Test
	void explicitSyntaxKeepsItsBooleanMeaning() {
		assertThat(keys(hits("inference AND cheap"))).containsExactlyInAnyOrder("2/0", "7/0", "8/1");
		// Any operator makes the whole query boolean: every other word required, in the
		// segment itself.
		assertThat(keys(hits("inference cheap -expensive"))).containsExactlyInAnyOrder("2/0", "7/0", "8/1");
		assertThat(keys(hits("+inference cheap"))).containsExactlyInAnyOrder("2/0", "7/0", "8/1");
		assertThat(keys(hits("inference OR cheap"))).containsExactlyInAnyOrder("1/1", "1/2", "2/0", "3/0", "7/0",
				"8/1");
		assertThat(keys(hits("\"inference is cheap\""))).containsExactly("2/0");
		assertThat(keys(hits("infer* chips"))).containsExactlyInAnyOrder("1/1", "2/0");
		assertThat(keys(hits("(training OR chips) inference"))).containsExactlyInAnyOrder("1/1", "2/0", "3/0");
		assertThat(hits("inference AND cheap")).extracting(SearchHit::matchedBy).containsOnly(SearchHit.EXACT);
	}

	@Test
	void aLongWordWithoutSpacesIsSearchedAsTyped() {
		// Characters the dictionary leaves alone, more than a thousand: one word, a
		// phrase
		// in the text (its context would take more than 1024 clauses), and 模型 in the next
		// segment still counts.
		String rare = "犇猋骉麤毳掱".repeat(190);
		this.search.index(List.of(segment(960, 12, 0, rare + "。"), segment(961, 12, 1, "模型")));
		assertThat(hits(rare + " 模型")).singleElement().satisfies((hit) -> {
			assertThat(keys(List.of(hit))).containsExactly("12/0");
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.EXACT);
		});
	}

	@Test
	void aQueryOfFunctionWordsOnlyStillSearchesThem() {
		assertThat(keys(hits("how does it"))).containsExactly("1/0");
	}

	@Test
	void writingAnEpisodeAgainChangesNothing() {
		List<String> before = keys(hits("how do they keep inference cheap"));
		this.search.index(segments());
		this.search.index(segments());
		assertThat(keys(hits("how do they keep inference cheap"))).isEqualTo(before);
		assertThat(this.search.stats().documents()).isEqualTo(segments().size());
	}

	@Test
	void soundsLikeRanksTheContentWordsToo() {
		// Both content words misheard: found by sound, after the exact hits.
		this.search.index(List.of(segment(950, 10, 0, "Inferense is really cheep now")));
		List<SearchHit> hits = this.search
			.search(SearchQuery.of("is inference cheap").withPage(0, 100).withSoundsLike(true))
			.hits();
		assertThat(hits).last().satisfies((hit) -> {
			assertThat(hit.episodeId()).isEqualTo(10);
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.SOUNDS_LIKE);
			assertThat(hit.matchedTerms()).contains("Inferense", "cheep");
		});
	}

	private static StoredSegment segment(long id, long episodeId, int index, String text) {
		return new StoredSegment(id, episodeId, "Episode " + episodeId, "Ranked", "zh-Hant", index, index * 3_000L,
				(index + 1) * 3_000L, null, text);
	}

	private LuceneSegmentSearch rankedBy(String minimumShouldMatch) throws Exception {
		SearchProperties.Ranking defaults = SearchProperties.Ranking.defaults();
		return searchWith(SearchSettings.withRanking(
				new SearchProperties.Ranking(minimumShouldMatch, defaults.allWordsBoost(), defaults.phraseBoost(),
						defaults.proximityBoost(), defaults.proximitySlop(), defaults.contextBoost())));
	}

	private List<SearchHit> hits(String q) {
		return hits(this.search, q);
	}

	private static List<SearchHit> hits(LuceneSegmentSearch search, String q) {
		return search.search(SearchQuery.of(q).withPage(0, 100)).hits();
	}

	/** episode/index of each hit, in order. */
	private static List<String> keys(List<SearchHit> hits) {
		return hits.stream().map((hit) -> hit.episodeId() + "/" + hit.segmentIndex()).toList();
	}

}
