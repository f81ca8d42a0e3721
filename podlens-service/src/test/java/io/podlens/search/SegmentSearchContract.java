package io.podlens.search;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;
import io.podlens.topic.MentionCounts;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;

import static io.podlens.search.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The contract every search backend passes: the same data, the same queries, the same
 * answers. {@code LuceneSegmentSearchContractTests} runs it on the embedded index,
 * {@code SolrSegmentSearchContractIT} on a SolrCloud collection of 2 shards × 2 replicas.
 */
abstract class SegmentSearchContract {

	/** A backend's three faces, on one index. */
	record Backend(SegmentSearch search, IndexMaintenance maintenance, MentionCounts counts) {
	}

	protected final FakeSegmentSource source = new FakeSegmentSource();

	/**
	 * The embeddings every backend gets (a shipped model's id and length, so that the
	 * Solr configset has its field): none stored until a test embeds.
	 */
	protected final FakeEmbeddings embeddings = FakeEmbeddings.shipped();

	protected final FakeTopicLookup topics = new FakeTopicLookup(
			List.of(new Topic("chameleon", "Chameleon", TopicCategory.MODEL, List.of("變色龍"), List.of()),
					new Topic("gemini", "Gemini", TopicCategory.MODEL, List.of(), List.of())));

	private Backend backend;

	private SegmentSearch search;

	/**
	 * A backend on an empty index that reads the given database, topics and
	 * {@link #embeddings}.
	 */
	abstract Backend open(FakeSegmentSource source, TopicMatches topics) throws Exception;

	/** Releases what {@link #open} took. */
	void close() throws Exception {
	}

	@BeforeEach
	void indexSample() throws Exception {
		this.backend = open(this.source, new TopicMatches(this.topics.provider()));
		this.search = this.backend.search();
		List<StoredSegment> first = List.of(segment(1, 10, "科技浪", 0, "今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。"),
				segment(2, 10, "科技浪", 1, "變色龍是一種會變色的動物。"), segment(3, 10, "科技浪", 2, "他的臉馬上變色了，像一條生氣的龍。"),
				segment(4, 10, "科技浪", 3, "Google showed Project Astra, a new project."),
				segment(5, 10, "科技浪", 4, "Astra is not the name of the project here."));
		List<StoredSegment> second = List.of(
				segment(6, 20, "Other Show", 0, "Transformers and attention: one model to rule them"),
				segment(7, 20, "Other Show", 1, "<script>alert('x')</script> a model & <mark>fake</mark>"),
				segment(8, 20, "Other Show", 2, "A gemini model, compared with GPT-4V."),
				segment(9, 20, "Other Show", 3, "The Camellian weights are open."));
		List<StoredSegment> simplified = List.of(segment(11, 30, "简体台", 0, "多模态模型的训练数据从哪里来"),
				segment(12, 30, "简体台", 1, "项量资料库可以做语义检索"));
		this.source.segments.addAll(first);
		this.source.segments.addAll(second);
		this.source.segments.addAll(simplified);
		this.search.index(first);
		this.search.index(second);
		this.search.index(simplified);
	}

	@AfterEach
	void release() throws Exception {
		close();
	}

	@Test
	void traditionalAndSimplifiedFindEachOtherAndChineseWordsArePhrases() {
		assertThat(ids("多模態模型")).containsExactlyInAnyOrder(1L, 11L);
		assertThat(ids("多模态模型")).containsExactlyInAnyOrder(1L, 11L);
		// 變 色 龍 apart (segment 3) is no match for the word
		assertThat(ids("變色龍")).containsExactly(2L);
		assertThat(ids("变色龙")).containsExactly(2L);
		assertThat(ids("龍")).containsExactlyInAnyOrder(2L, 3L);
		// mixed in one query and one segment
		assertThat(ids("GPT-4V 多模態")).first().isEqualTo(1L);
		assertThat(ids("\"GPT-4V\" AND 多模態")).containsExactly(1L);
	}

	@Test
	void phrasesBooleanSyntaxAndPrefixes() {
		assertThat(ids("\"Project Astra\"")).containsExactly(4L);
		assertThat(ids("model AND gemini")).containsExactlyInAnyOrder(1L, 8L);
		assertThat(ids("attention OR 變色龍")).containsExactlyInAnyOrder(2L, 6L);
		assertThat(ids("model NOT gemini")).containsExactlyInAnyOrder(6L, 7L);
		assertThat(ids("model -gemini")).containsExactlyInAnyOrder(6L, 7L);
		assertThat(ids("(astra OR attention) -google")).containsExactlyInAnyOrder(5L, 6L);
		assertThat(ids("-model -astra -龍 -多模态")).containsExactlyInAnyOrder(9L, 12L);
		assertThat(ids("transf*")).containsExactly(6L);
		assertThat(ids("GEM*")).containsExactlyInAnyOrder(1L, 8L);
	}

	@Test
	void wordsRankAndPassagesMatchThroughTheirContext() {
		// the phrase first, then both words apart, then segment 3, whose next segment
		// says both
		assertThat(ids("project astra")).containsExactly(4L, 5L, 3L);
		SearchHit passage = this.search.search(SearchQuery.of("project astra")).hits().get(2);
		assertThat(passage.matchedBy()).isEqualTo(SearchHit.PASSAGE);
		assertThat(passage.snippet()).contains("<mark>Project Astra</mark>");
		assertThat(passage.text()).isEqualTo("他的臉馬上變色了，像一條生氣的龍。");
	}

	@Test
	void snippetsAreEscapedWithMarks() {
		SearchHit hit = this.search.search(SearchQuery.of("fake")).hits().get(0);
		assertThat(hit.snippet()).isEqualTo(
				"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; a model &amp; &lt;mark&gt;<mark>fake</mark>&lt;/mark&gt;");
		assertThat(hit.matchedTerms()).containsExactly("fake");
		assertThat(this.search.search(SearchQuery.of("\"Project Astra\"")).hits().get(0).snippet())
			.isEqualTo("Google showed <mark>Project Astra</mark>, a new project.");
		assertThat(this.search.search(SearchQuery.of("變色龍")).hits().get(0).snippet())
			.isEqualTo("<mark>變色龍</mark>是一種會變色的動物。");
		assertThat(this.search.search(SearchQuery.of("transf*")).hits().get(0).snippet())
			.startsWith("<mark>Transformers</mark>");
		SearchHit first = this.search.search(SearchQuery.of("gemini").withEpisode(10L)).hits().get(0);
		assertThat(first)
			.extracting(SearchHit::episodeId, SearchHit::episodeTitle, SearchHit::segmentIndex, SearchHit::startMs,
					SearchHit::endMs, SearchHit::speaker, SearchHit::matchedBy)
			.containsExactly(10L, "Episode 10", 0, 0L, 60_000L, "Host", SearchHit.EXACT);
		assertThat(first.score()).isPositive();
	}

	@Test
	void soundsLikeFindsMisheardSpellingsAfterExactHits() {
		SearchResult camellian = this.search.search(SearchQuery.of("Chameleon").withSoundsLike(true));
		assertThat(camellian.hits()).extracting(SearchHit::segmentIndex, SearchHit::matchedBy)
			.contains(Tuple.tuple(3, SearchHit.SOUNDS_LIKE));
		assertThat(camellian.hits()).filteredOn((hit) -> hit.episodeId() == 20)
			.singleElement()
			.satisfies((hit) -> assertThat(hit.snippet()).isEqualTo("The <mark>Camellian</mark> weights are open."));
		// 向量 heard as 項量
		SearchResult vector = this.search.search(SearchQuery.of("向量").withSoundsLike(true));
		assertThat(vector.hits()).extracting(SearchHit::episodeId, SearchHit::matchedBy)
			.containsExactly(Tuple.tuple(30L, SearchHit.SOUNDS_LIKE));
		assertThat(vector.hits().get(0).snippet()).startsWith("<mark>项量</mark>");
		assertThat(ids("向量")).isEmpty();
	}

	@Test
	void topicFilterAliasTierAndCountsComeFromTheIndexedTopicIds() {
		assertThat(this.search.search(topicOnly("gemini")).hits()).isEmpty();
		assertThat(this.backend.counts().all()).isEmpty();
		this.topics.store(10,
				List.of(mention("gemini", 1, 0, "今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。", "Gemini", MatchKind.EXACT),
						mention("chameleon", 2, 1, "變色龍是一種會變色的動物。", "變色龍", MatchKind.ALIAS),
						mention("chameleon", 2, 1, "變色龍是一種會變色的動物。", "會變色", MatchKind.FUZZY)));
		this.topics.store(20,
				List.of(mention("gemini", 8, 2, "A gemini model, compared with GPT-4V.", "gemini", MatchKind.EXACT)));
		this.backend.maintenance().reindexEpisodes(List.of(10L, 20L));

		SearchResult gemini = this.search.search(topicOnly("gemini"));
		assertThat(gemini.total()).isEqualTo(2);
		assertThat(gemini.hits()).extracting(SearchHit::episodeId, SearchHit::segmentIndex, SearchHit::snippet)
			.containsExactly(Tuple.tuple(10L, 0, "今天來聊多模態模型，GPT-4V 跟 <mark>Gemini</mark> 都是這種 models。"),
					Tuple.tuple(20L, 2, "A <mark>gemini</mark> model, compared with GPT-4V."));
		assertThat(
				this.search.search(new SearchQuery("compared", null, null, null, null, 0, 20, false, "gemini")).hits())
			.extracting(SearchHit::segmentIndex)
			.containsExactly(2);
		SearchResult alias = this.search.search(SearchQuery.of("Chameleon").withSoundsLike(true));
		assertThat(alias.hits()).filteredOn((hit) -> hit.matchedBy().equals(SearchHit.ALIAS))
			.singleElement()
			.satisfies((hit) -> assertThat(hit.snippet()).isEqualTo("<mark>變色龍</mark>是一種<mark>會變色</mark>的動物。"));

		MentionCounts counts = this.backend.counts();
		assertThat(counts.all()).containsOnly(Map.entry("gemini", new MentionCounts.Counts(2, 2)),
				Map.entry("chameleon", new MentionCounts.Counts(1, 2)));
		assertThat(counts.of("chameleon")).isEqualTo(new MentionCounts.Counts(1, 2));
		assertThat(counts.of("unknown")).isEqualTo(MentionCounts.Counts.NONE);
		assertThat(counts.ofAny(List.of("gemini", "chameleon"))).isEqualTo(new MentionCounts.Counts(2, 4));
		assertThat(counts.rolledUp((topic) -> List.of(topic, "model")))
			.containsEntry("model", new MentionCounts.Counts(2, 4))
			.containsEntry("gemini", new MentionCounts.Counts(2, 2));
		assertThat(this.backend.maintenance().episodesMentioning("gemini")).containsExactlyInAnyOrder(10L, 20L);

		this.topics.deleteMentionsOf("gemini");
		this.backend.maintenance().reindexEpisodes(this.backend.maintenance().episodesMentioning("gemini"));
		assertThat(this.search.search(topicOnly("gemini")).hits()).isEmpty();
		assertThat(counts.all()).containsOnlyKeys("chameleon");
		assertThat(this.search.stats().documents()).isEqualTo(11);
	}

	@Test
	void filtersByEpisodePodcastLanguageAndTime() {
		assertThat(ids(SearchQuery.of("model").withEpisode(20L))).containsExactlyInAnyOrder(6L, 7L, 8L);
		assertThat(ids(SearchQuery.of("model").withPodcast("科技浪"))).containsExactly(1L);
		assertThat(ids(SearchQuery.of("model").withPodcast("科技"))).isEmpty();
		assertThat(ids(SearchQuery.of("model").withLanguage("zh"))).containsExactlyInAnyOrder(1L, 6L, 7L, 8L);
		assertThat(ids(SearchQuery.of("model").withLanguage("en"))).isEmpty();
		// bounds are inclusive: [60s, 120s] touches the first and third minute
		assertThat(ids(SearchQuery.of("model").withTime(60_000L, 120_000L))).containsExactlyInAnyOrder(1L, 6L, 7L, 8L);
		assertThat(ids(SearchQuery.of("model").withTime(60_001L, 119_999L))).containsExactly(7L);
		assertThat(ids(SearchQuery.of("model").withTime(60_001L, null))).containsExactlyInAnyOrder(7L, 8L);
		assertThat(ids(SearchQuery.of("model").withTime(null, 59_999L))).containsExactlyInAnyOrder(1L, 6L);
	}

	@Test
	void pagesAreStableAndTotalsExact() {
		List<StoredSegment> bulk = IntStream.range(0, 45)
			.mapToObj((i) -> segment(100 + i, 40 + (i % 3), "Bulk", i, "repeat word " + i))
			.toList();
		this.source.segments.addAll(bulk);
		this.search.index(bulk);
		SearchResult first = this.search.search(SearchQuery.of("repeat").withPage(0, 20));
		SearchResult third = this.search.search(SearchQuery.of("repeat").withPage(2, 20));
		SearchResult beyond = this.search.search(SearchQuery.of("repeat").withPage(3, 20));
		assertThat(first.total()).isEqualTo(45);
		assertThat(first.totalExact()).isTrue();
		assertThat(first.hits()).hasSize(20);
		assertThat(third.hits()).hasSize(5);
		assertThat(beyond.hits()).isEmpty();
		assertThat(beyond.total()).isEqualTo(45);
		List<String> all = IntStream.range(0, 3)
			.mapToObj((page) -> this.search.search(SearchQuery.of("repeat").withPage(page, 20)))
			.flatMap((result) -> result.hits().stream())
			.map((hit) -> hit.episodeId() + "/" + hit.segmentIndex())
			.toList();
		assertThat(all).hasSize(45).doesNotHaveDuplicates();
		// equal scores: episode, then start
		assertThat(first.hits().get(0)).extracting(SearchHit::episodeId, SearchHit::segmentIndex)
			.containsExactly(40L, 0);
		assertThat(ids(SearchQuery.of("repeat").withPage(0, 100)))
			.isEqualTo(ids(SearchQuery.of("repeat").withPage(0, 100)));
	}

	@Test
	void writesAreIdempotentBySegmentIdAndDeletesTakeTheEpisode() {
		this.search.index(this.source.segmentsOf(List.of(10L)));
		this.search.index(this.source.segmentsOf(List.of(10L)));
		assertThat(this.search.stats()).isEqualTo(new IndexStats(11, 12));
		this.search.deleteEpisode(10L);
		this.source.segments.removeIf((segment) -> segment.episodeId() == 10L);
		assertThat(ids("astra")).isEmpty();
		assertThat(ids("model")).containsExactlyInAnyOrder(6L, 7L, 8L);
		assertThat(this.search.stats().documents()).isEqualTo(6);
		this.search.deleteEpisode(10L);
		assertThat(this.search.stats().documents()).isEqualTo(6);
	}

	@Test
	void rebuildReadsTheDatabaseAndTheStartupCheckFindsWhatIsMissing() {
		assertThat(this.backend.maintenance().rebuildIfStale()).isFalse();
		// stored while the index was not listening
		StoredSegment missed = segment(50, 60, "Late", 0, "a late segment about gemini");
		this.source.segments.add(missed);
		assertThat(this.backend.maintenance().rebuildIfStale()).isTrue();
		assertThat(ids("late")).containsExactly(50L);
		assertThat(this.search.stats()).isEqualTo(new IndexStats(12, 50));
		RebuildReport report = this.search.rebuild();
		assertThat(report.segments()).isEqualTo(12);
		assertThat(ids("project astra")).containsExactly(4L, 5L, 3L);
		assertThat(ids("多模態模型")).containsExactlyInAnyOrder(1L, 11L);
		assertThat(this.backend.maintenance().rebuildIfStale()).isFalse();
	}

	@Test
	void keywordsOfAnEpisode() {
		assertThat(this.search.keywords(10, 5)).hasValueSatisfying(
				(keywords) -> assertThat(keywords).extracting(Keyword::term).contains("project", "Astra"));
		assertThat(this.search.keywords(999, 5)).isEmpty();
	}

	@Test
	void malformedQueriesAreRejectedNamingQ() {
		for (String q : List.of("\"open", "(a OR b", "*odel", "speaker:x", "/re/")) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> this.search.search(SearchQuery.of(q)))
				.satisfies((ex) -> assertThat(ex.properties()).containsEntry("field", "q"));
		}
	}

	@Test
	void vectorsArriveWithTheReindexAfterEmbeddingAndSurviveARebuild() {
		assertThat(this.search.searchesByMeaning()).isTrue();
		assertThat(this.search.stats().vectors()).isZero();
		this.embeddings.query("multimodal models", 1, 0, 0);
		assertThat(this.search.search(SearchQuery.of("multimodal models").withMode(SearchMode.SEMANTIC)).hits())
			.isEmpty();
		embed();
		assertThat(this.search.stats()).isEqualTo(new IndexStats(11, 12, 6));
		assertThat(ids(SearchQuery.of("multimodal models").withMode(SearchMode.SEMANTIC))).containsExactly(1L, 6L, 8L,
				11L, 4L, 2L);
		this.search.rebuild();
		assertThat(this.search.stats()).isEqualTo(new IndexStats(11, 12, 6));
		assertThat(ids(SearchQuery.of("multimodal models").withMode(SearchMode.SEMANTIC))).containsExactly(1L, 6L, 8L,
				11L, 4L, 2L);
		assertThat(this.backend.maintenance().rebuildIfStale()).isFalse();
	}

	@Test
	void semanticRanksByCosineWithinTheKeywordFilters() {
		embed();
		this.embeddings.query("multimodal models", 1, 0, 0);
		SearchQuery semantic = SearchQuery.of("multimodal models").withMode(SearchMode.SEMANTIC);
		SearchResult all = this.search.search(semantic);
		assertThat(all.hits()).extracting(this::segmentIdOf).containsExactly(1L, 6L, 8L, 11L, 4L, 2L);
		assertThat(all.total()).isEqualTo(6);
		assertThat(all.totalExact()).isTrue();
		assertThat(all.hits()).extracting(SearchHit::semanticRank).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(all.hits().get(0).semanticScore()).isCloseTo(1f, within(0.02f));
		assertThat(all.hits().get(3).semanticScore()).isCloseTo(0.707f, within(0.02f));
		assertThat(all.hits()).allSatisfy((hit) -> {
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.SEMANTIC);
			assertThat(hit.keywordRank()).isNull();
			assertThat(hit.score()).isEqualTo(hit.semanticScore());
			assertThat(hit.matchedTerms()).isEmpty();
		});
		assertThat(all.hits().get(0))
			.extracting(SearchHit::episodeId, SearchHit::episodeTitle, SearchHit::segmentIndex, SearchHit::startMs,
					SearchHit::endMs, SearchHit::speaker, SearchHit::snippet)
			.containsExactly(10L, "Episode 10", 0, 0L, 60_000L, "Host", "今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。");
		// the keyword search's filters, applied before the nearest are chosen
		assertThat(ids(semantic.withEpisode(20L))).containsExactly(6L, 8L);
		assertThat(ids(semantic.withPodcast("简体台"))).containsExactly(11L);
		assertThat(ids(semantic.withTime(60_001L, null))).containsExactly(8L, 4L, 2L);
		assertThat(ids(semantic.withLanguage("en"))).isEmpty();
		// excluded words exclude by meaning too
		assertThat(ids(SearchQuery.of("multimodal models -gemini").withMode(SearchMode.SEMANTIC))).containsExactly(6L,
				11L, 4L, 2L);
		SearchResult page = this.search.search(semantic.withPage(1, 2));
		assertThat(page.hits()).extracting(SearchHit::semanticRank).containsExactly(3, 4);
		assertThat(page.hits()).extracting(this::segmentIdOf).containsExactly(8L, 11L);
		assertThat(page.total()).isEqualTo(6);
	}

	@Test
	void hybridFusesTheKeywordAndTheSemanticRankingsSayingHowEachHitMatched() {
		embed();
		this.embeddings.query("model", 1, 0, 0);
		SearchResult keyword = this.search.search(SearchQuery.of("model"));
		SearchQuery query = SearchQuery.of("model").withMode(SearchMode.HYBRID);
		SearchResult hybrid = this.search.search(query);
		// 4 segments say "model" (7 has no vector); the nearest that do not: 11, 4, 2
		assertThat(keyword.total()).isEqualTo(4);
		assertThat(hybrid.total()).isEqualTo(4 + 3);
		assertThat(hybrid.totalExact()).isTrue();
		assertThat(hybrid.hits()).extracting(this::segmentIdOf).containsExactlyInAnyOrder(1L, 6L, 7L, 8L, 11L, 4L, 2L);
		Map<Long, Integer> keywordRanks = new java.util.HashMap<>();
		for (int i = 0; i < keyword.hits().size(); i++) {
			keywordRanks.put(segmentIdOf(keyword.hits().get(i)), i + 1);
		}
		double previous = Double.MAX_VALUE;
		for (SearchHit hit : hybrid.hits()) {
			Integer keywordRank = keywordRanks.get(segmentIdOf(hit));
			assertThat(hit.keywordRank()).isEqualTo(keywordRank);
			double expected = ((keywordRank != null) ? 1.0 / (60 + keywordRank) : 0)
					+ ((hit.semanticRank() != null) ? 1.0 / (60 + hit.semanticRank()) : 0);
			assertThat((double) hit.score()).isCloseTo(expected, within(1e-6));
			assertThat(expected).isLessThanOrEqualTo(previous);
			previous = expected;
			if (keywordRank != null) {
				SearchHit asKeyword = keyword.hits().get(keywordRank - 1);
				assertThat(hit.matchedBy()).isEqualTo(asKeyword.matchedBy());
				assertThat(hit.snippet()).isEqualTo(asKeyword.snippet());
			}
			else {
				assertThat(hit.matchedBy()).isEqualTo(SearchHit.SEMANTIC);
				assertThat(hit.snippet()).doesNotContain("<mark>");
			}
			assertThat(hit.semanticScore() != null).isEqualTo(hit.semanticRank() != null);
		}
		SearchHit unembedded = hybrid.hits().stream().filter((hit) -> segmentIdOf(hit) == 7L).findFirst().orElseThrow();
		assertThat(unembedded.semanticRank()).isNull();
		assertThat(unembedded.snippet()).contains("<mark>model</mark>");
		assertThat(this.search.search(query.withPage(1, 2)).hits()).isEqualTo(hybrid.hits().subList(2, 4));
		SearchResult episode = this.search.search(query.withEpisode(20L));
		assertThat(episode.hits()).extracting(this::segmentIdOf).containsExactlyInAnyOrder(6L, 7L, 8L);
		assertThat(episode.total()).isEqualTo(3);
	}

	@Test
	void similarSegmentsAreTheNearestOfOtherEpisodes() {
		embed();
		SimilarSegments similar = this.search.similar(10, 0, 3);
		assertThat(similar.text()).isEqualTo("今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。");
		assertThat(similar.startMs()).isZero();
		assertThat(similar.hits()).extracting(this::segmentIdOf).containsExactly(6L, 8L, 11L);
		assertThat(similar.hits()).extracting(SearchHit::semanticRank).containsExactly(1, 2, 3);
		assertThat(similar.hits()).allSatisfy((hit) -> {
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.SEMANTIC);
			assertThat(hit.score()).isEqualTo(hit.semanticScore());
		});
		assertThat(similar.hits().get(0).semanticScore()).isCloseTo(0.994f, within(0.01f));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.search.similar(99, 0, 3))
			.withMessage("Episode 99 does not exist");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.search.similar(10, 7, 3))
			.withMessage("Segment 7 of episode 10 does not exist");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.search.similar(20, 1, 3))
			.withMessageContaining("has no embedding yet");
	}

	/**
	 * Stores vectors for six segments, as the embedding worker does, and reindexes them
	 * as its {@code SegmentsEmbedded} event does. Directions: x models, y animals, z
	 * anything else; segments 3, 5, 7, 9 and 12 stay without one.
	 */
	private void embed() {
		this.embeddings.store(1, 1, 0, 0);
		this.embeddings.store(2, 0, 1, 0);
		this.embeddings.store(4, 0.1f, 0, 1);
		this.embeddings.store(6, 0.9f, 0.1f, 0);
		this.embeddings.store(8, 0.8f, 0, 0.2f);
		this.embeddings.store(11, 0.7f, 0, 0.7f);
		this.backend.maintenance().reindexSegments(List.of(1L, 2L, 4L, 6L, 8L, 11L));
	}

	private List<Long> ids(String q) {
		return ids(SearchQuery.of(q).withPage(0, 100));
	}

	private List<Long> ids(SearchQuery query) {
		SearchResult result = this.search.search(query);
		return result.hits().stream().map(this::segmentIdOf).toList();
	}

	private long segmentIdOf(SearchHit hit) {
		return this.source.segments.stream()
			.filter((s) -> s.episodeId() == hit.episodeId() && s.index() == hit.segmentIndex())
			.findFirst()
			.orElseThrow()
			.segmentId();
	}

	private static SearchQuery topicOnly(String topicId) {
		return new SearchQuery(null, null, null, null, null, 0, 20, false, topicId);
	}

	private static Mention mention(String topicId, long segmentId, int index, String text, String surface,
			MatchKind kind) {
		int start = text.indexOf(surface);
		return new Mention(topicId, index, segmentId, start, start + surface.length(), surface, kind, 0.9);
	}

}
