package io.podlens.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.podlens.common.InvalidInputException;
import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;
import io.podlens.topic.MentionCounts;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;

import static io.podlens.search.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LuceneSegmentSearchTests {

	@TempDir
	Path dataDir;

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	private final FakeSegmentSource source = new FakeSegmentSource();

	@BeforeEach
	void indexSamples() throws Exception {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		this.index = new LuceneIndex(properties, SearchSettings.defaults());
		this.search = new LuceneSegmentSearch(this.index, new QueryTranslator(properties, SearchSettings.defaults()),
				this.source, FakeTopicLookup.none(), SearchSettings.defaults());
		List<StoredSegment> first = List.of(segment(1, 10, "科技浪", 0, "今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。"),
				segment(2, 10, "科技浪", 1, "變色龍是一種會變色的動物。"), segment(3, 10, "科技浪", 2, "他的臉馬上變色了，像一條生氣的龍。"),
				segment(4, 10, "科技浪", 3, "Google showed Project Astra, a new project."),
				segment(5, 10, "科技浪", 4, "Astra is not the name of the project here."));
		List<StoredSegment> second = List.of(
				segment(6, 20, "Other Show", 0, "Transformers and attention: one model to rule them"),
				segment(7, 20, "Other Show", 1, "<script>alert('x')</script> a model & <mark>fake</mark>"),
				segment(8, 20, "Other Show", 2, "A gemini model, compared with GPT-4V."));
		this.source.segments.addAll(first);
		this.source.segments.addAll(second);
		this.search.index(first);
		this.search.index(second);
	}

	@AfterEach
	void close() throws Exception {
		this.index.destroy();
	}

	@Test
	void chineseWordMatchesOnlyAdjacentCharactersInEitherScript() {
		assertThat(segmentIds("變色龍")).containsExactly(2L);
		assertThat(segmentIds("变色龙")).containsExactly(2L);
		assertThat(segmentIds("多模态模型")).containsExactly(1L);
	}

	@Test
	void singleHanCharacterMatchesWhereverItStands() {
		assertThat(segmentIds("龍")).containsExactlyInAnyOrder(2L, 3L);
	}

	@Test
	void phraseNeedsWordsInOrder() {
		assertThat(segmentIds("\"Project Astra\"")).containsExactly(4L);
		// Words without syntax rank (no longer all required in the segment itself): the
		// phrase first, then both words apart, then segment 3, whose next segment (in its
		// context) says both.
		assertThat(segmentIds("project astra")).containsExactly(4L, 5L, 3L);
	}

	@Test
	void latinIsCaseAndPluralInsensitive() {
		assertThat(segmentIds("gpt-4v")).containsExactlyInAnyOrder(1L, 8L);
		assertThat(segmentIds("GPT-4v")).containsExactlyInAnyOrder(1L, 8L);
		assertThat(segmentIds("MODEL")).containsExactlyInAnyOrder(1L, 6L, 7L, 8L);
		assertThat(segmentIds("transformer")).containsExactly(6L);
	}

	@Test
	void booleanOperatorsAndExclusions() {
		// Without syntax: both words in the segment first, then segment 7, which says
		// model and is followed by gemini.
		List<Long> ranked = segmentIds("model gemini");
		assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder(1L, 8L);
		assertThat(ranked).hasSize(3).endsWith(7L);
		assertThat(segmentIds("model AND gemini")).containsExactlyInAnyOrder(1L, 8L);
		assertThat(segmentIds("attention OR 變色龍")).containsExactlyInAnyOrder(2L, 6L);
		assertThat(segmentIds("model NOT gemini")).containsExactlyInAnyOrder(6L, 7L);
		assertThat(segmentIds("model -gemini")).containsExactlyInAnyOrder(6L, 7L);
		assertThat(segmentIds("(astra OR attention) -google")).containsExactlyInAnyOrder(5L, 6L);
	}

	@Test
	void exclusionAloneMeansEverythingElse() {
		assertThat(segmentIds("-model -astra")).containsExactlyInAnyOrder(2L, 3L);
	}

	@Test
	void prefixQueries() {
		assertThat(segmentIds("transf*")).containsExactly(6L);
		assertThat(segmentIds("GEM*")).containsExactlyInAnyOrder(1L, 8L);
	}

	@Test
	void filtersByEpisodePodcastAndTime() {
		assertThat(ids(SearchQuery.of("model").withEpisode(20L))).containsExactlyInAnyOrder(6L, 7L, 8L);
		assertThat(ids(SearchQuery.of("model").withPodcast("科技浪"))).containsExactly(1L);
		assertThat(ids(SearchQuery.of("model").withPodcast("科技"))).isEmpty();
		// bounds are inclusive: [60s, 120s] touches the first and third minute
		assertThat(ids(SearchQuery.of("model").withTime(60_000L, 120_000L))).containsExactlyInAnyOrder(1L, 6L, 7L, 8L);
		assertThat(ids(SearchQuery.of("model").withTime(60_001L, 119_999L))).containsExactly(7L);
		assertThat(ids(SearchQuery.of("model").withTime(60_001L, null))).containsExactlyInAnyOrder(7L, 8L);
		assertThat(ids(SearchQuery.of("model").withTime(null, 59_999L))).containsExactlyInAnyOrder(1L, 6L);
	}

	@Test
	void pagesAreStableAndTotalIsExact() {
		this.search.index(IntStream.range(0, 45)
			.mapToObj((i) -> segment(100 + i, 30 + (i % 3), "Bulk", i, "repeat word"))
			.toList());
		SearchResult first = this.search.search(SearchQuery.of("repeat").withPage(0, 20));
		SearchResult third = this.search.search(SearchQuery.of("repeat").withPage(2, 20));
		SearchResult beyond = this.search.search(SearchQuery.of("repeat").withPage(3, 20));
		assertThat(first.total()).isEqualTo(45);
		assertThat(first.hits()).hasSize(20);
		assertThat(third.hits()).hasSize(5);
		assertThat(beyond.hits()).isEmpty();
		assertThat(beyond.total()).isEqualTo(45);
		// equal scores: ordered by episode id, then start time
		List<SearchHit> all = this.search.search(SearchQuery.of("repeat").withPage(0, 45)).hits();
		assertThat(all).isSortedAccordingTo(
				java.util.Comparator.comparingLong(SearchHit::episodeId).thenComparingLong(SearchHit::startMs));
		assertThat(all.get(0).episodeId()).isEqualTo(30);
	}

	@Test
	void relevanceComesFirst() {
		this.search.index(List.of(segment(50, 1, "Bulk", 0, "astra astra astra"), segment(51, 99, "Bulk", 1, "astra")));
		List<SearchHit> hits = this.search.search(SearchQuery.of("astra")).hits();
		assertThat(hits.get(0).text()).isEqualTo("astra astra astra");
		assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
	}

	@Test
	void reindexingTheSameSegmentReplacesIt() {
		StoredSegment changed = segment(2, 10, "科技浪", 1, "變色龍 again, and a zebra");
		this.search.index(List.of(changed));
		this.search.index(List.of(changed));
		assertThat(segmentIds("變色龍")).containsExactly(2L);
		assertThat(segmentIds("zebra")).containsExactly(2L);
		assertThat(segmentIds("動物")).isEmpty();
		assertThat(this.search.stats().documents()).isEqualTo(8);
	}

	@Test
	void deletingAnEpisodeRemovesOnlyItsSegments() {
		this.search.deleteEpisode(10);
		assertThat(segmentIds("model")).containsExactlyInAnyOrder(6L, 7L, 8L);
		assertThat(segmentIds("龍")).isEmpty();
		assertThat(this.search.stats().documents()).isEqualTo(3);
	}

	@Test
	void hitCarriesSegmentFields() {
		SearchHit hit = this.search.search(SearchQuery.of("變色龍")).hits().get(0);
		assertThat(hit.episodeId()).isEqualTo(10);
		assertThat(hit.episodeTitle()).isEqualTo("Episode 10");
		assertThat(hit.segmentIndex()).isEqualTo(1);
		assertThat(hit.startMs()).isEqualTo(60_000);
		assertThat(hit.endMs()).isEqualTo(120_000);
		assertThat(hit.speaker()).isNull();
		assertThat(hit.text()).isEqualTo("變色龍是一種會變色的動物。");
		assertThat(hit.snippet()).isEqualTo("<mark>變色龍</mark>是一種會變色的動物。");
		assertThat(hit.score()).isPositive();
	}

	@Test
	void snippetEscapesHtmlAndMarksMatches() {
		SearchHit hit = this.search.search(SearchQuery.of("model").withEpisode(20L).withPage(0, 10))
			.hits()
			.stream()
			.filter((h) -> h.segmentIndex() == 1)
			.findFirst()
			.orElseThrow();
		assertThat(hit.text()).startsWith("<script>");
		assertThat(hit.snippet()).isEqualTo(
				"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; a <mark>model</mark> &amp; &lt;mark&gt;fake&lt;/mark&gt;");
	}

	@Test
	void phraseIsMarkedAsAWhole() {
		assertThat(this.search.search(SearchQuery.of("\"project astra\"")).hits().get(0).snippet())
			.isEqualTo("Google showed <mark>Project Astra</mark>, a new project.");
	}

	@Test
	void longTextGetsTheBestWindow() {
		String filler = "一二三四五六七八九十".repeat(60);
		this.search.index(List.of(segment(60, 3, "Long", 0, filler + " target word " + filler)));
		String snippet = this.search.search(SearchQuery.of("target")).hits().get(0).snippet();
		assertThat(snippet).startsWith(SnippetFormatter.ELLIPSIS)
			.endsWith(SnippetFormatter.ELLIPSIS)
			.contains("<mark>target</mark> word");
		assertThat(snippet.replace("<mark>", "").replace("</mark>", "").length())
			.isLessThanOrEqualTo(Snippets.MAX_CHARS + 2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unbalanced", "(open", "close)", "AND", "model AND", "OR gemini", "*odel", "?odel",
			"speaker:host", "/regex/", "[a TO b]", "。！", "model^", "NOT" })
	void malformedQueriesAreRejectedNamingQ(String q) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.search.search(SearchQuery.of(q)))
			.satisfies((ex) -> assertThat(ex.properties()).containsEntry("field", "q"))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("q: ").doesNotContain("Was expecting"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "\"unbalanced | unbalanced double quote", "(open | ends too early",
					"close) | closing parenthesis", "AND gemini | AND, OR and NOT need a term",
					"*odel | not allowed as first character", "speaker:host | unknown field 'speaker'" })
	void parseErrorsSayWhatIsWrong(String q, String says) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.search.search(SearchQuery.of(q)))
			.withMessageContaining(says);
	}

	@Test
	void tooLongQueryIsRejected() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.search.search(SearchQuery.of("a".repeat(2_001))))
			.withMessageContaining("limit is 2000");
	}

	@Test
	void beyondTheCountingThresholdTotalIsALowerBoundAndPagesStayRight() {
		this.search.index(IntStream.range(0, 45)
			.mapToObj((i) -> segment(100 + i, 30 + (i % 3), "Bulk", i, "repeat word"))
			.toList());
		LuceneSegmentSearch capped = new LuceneSegmentSearch(this.index,
				new QueryTranslator(TestPodlensProperties.withDataDir(this.dataDir), SearchSettings.defaults()),
				new FakeSegmentSource(), FakeTopicLookup.none(), SearchSettings.withExactTotalUpTo(10));
		SearchResult first = capped.search(SearchQuery.of("repeat").withPage(0, 5));
		assertThat(first.totalExact()).isFalse();
		assertThat(first.total()).isBetween(10L, 45L);
		List<SearchHit> exactOrder = this.search.search(SearchQuery.of("repeat").withPage(0, 45)).hits();
		assertThat(first.hits()).isEqualTo(exactOrder.subList(0, 5));
		// A page past the threshold is still collected in full and in order.
		SearchResult deep = capped.search(SearchQuery.of("repeat").withPage(6, 5));
		assertThat(deep.hits()).isEqualTo(exactOrder.subList(30, 35));
		assertThat(deep.total()).isGreaterThanOrEqualTo(35);
		// Few matches are counted exactly.
		SearchResult few = capped.search(SearchQuery.of("gemini"));
		assertThat(few.totalExact()).isTrue();
		assertThat(few.total()).isEqualTo(2);
		assertThat(this.search.search(SearchQuery.of("repeat")).totalExact()).isTrue();
	}

	@Test
	void tooManyClausesIsRejected() throws Exception {
		PodlensProperties roomy = TestPodlensProperties.withMaxQueryLength(this.dataDir, 100_000);
		LuceneSegmentSearch lenient = new LuceneSegmentSearch(this.index,
				new QueryTranslator(roomy, SearchSettings.defaults()), new FakeSegmentSource(), FakeTopicLookup.none(),
				SearchSettings.defaults());
		String q = IntStream.range(0, 1_100).mapToObj((i) -> "w" + i).collect(Collectors.joining(" OR "));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> lenient.search(SearchQuery.of(q)))
			.withMessageContaining("clauses");
	}

	@Test
	void blankQueryAndBadPagingAreRejectedBeforeSearching() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SearchQuery.of(" "))
			.withMessageStartingWith("q: ");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SearchQuery.of("x").withPage(0, 101))
			.withMessageStartingWith("size: ");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SearchQuery.of("x").withPage(-1, 20))
			.withMessageStartingWith("page: ");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SearchQuery.of("x").withPage(500, 20))
			.withMessageStartingWith("page: ");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SearchQuery.of("x").withTime(5L, 4L))
			.withMessageStartingWith("fromMs: ");
	}

	@Test
	void topicFilterAliasTierAndCountsComeFromTheIndexedTopicIds() {
		FakeTopicLookup topics = new FakeTopicLookup(
				List.of(new Topic("chameleon", "Chameleon", TopicCategory.MODEL, List.of("變色龍"), List.of()),
						new Topic("gemini", "Gemini", TopicCategory.MODEL, List.of(), List.of())));
		LuceneSegmentSearch withTopics = new LuceneSegmentSearch(this.index,
				new QueryTranslator(TestPodlensProperties.withDataDir(this.dataDir), SearchSettings.defaults()),
				this.source, new TopicMatches(topics.provider()), SearchSettings.defaults());
		IndexTopicCounts counts = new IndexTopicCounts(this.index);
		// Nothing indexed yet: the documents carry no topic.
		assertThat(withTopics.search(topicOnly("gemini")).hits()).isEmpty();
		assertThat(counts.all()).isEmpty();

		topics.store(10,
				List.of(mention("gemini", 1, 0, "今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。", "Gemini", MatchKind.EXACT),
						mention("chameleon", 2, 1, "變色龍是一種會變色的動物。", "變色龍", MatchKind.ALIAS),
						mention("chameleon", 2, 1, "變色龍是一種會變色的動物。", "會變色", MatchKind.FUZZY)));
		topics.store(20,
				List.of(mention("gemini", 8, 2, "A gemini model, compared with GPT-4V.", "gemini", MatchKind.EXACT)));
		withTopics.reindexEpisodes(List.of(10L));
		withTopics.reindexEpisodes(List.of(20L));

		SearchResult gemini = withTopics.search(topicOnly("gemini"));
		assertThat(gemini.total()).isEqualTo(2);
		assertThat(gemini.hits()).extracting(SearchHit::episodeId, SearchHit::segmentIndex)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(10L, 0), org.assertj.core.groups.Tuple.tuple(20L, 2));
		assertThat(gemini.hits()).extracting(SearchHit::snippet)
			.containsExactly("今天來聊多模態模型，GPT-4V 跟 <mark>Gemini</mark> 都是這種 models。",
					"A <mark>gemini</mark> model, compared with GPT-4V.");
		assertThat(gemini.hits()).extracting(SearchHit::matchedBy).containsOnly(SearchHit.EXACT);
		// With a query string: segments that mention the topic and match it.
		assertThat(
				withTopics.search(new SearchQuery("compared", null, null, null, null, 0, 20, false, "gemini")).hits())
			.extracting(SearchHit::segmentIndex)
			.containsExactly(2);

		// The alias tier: the query names the topic (folded as the topic feature folds
		// names), the segment spells it another way; both stored spans are marked.
		for (String named : List.of("Chameleon", "ＣＨＡＭＥＬＥＯＮ")) {
			SearchResult alias = withTopics.search(SearchQuery.of(named).withSoundsLike(true));
			assertThat(alias.hits()).filteredOn((hit) -> hit.matchedBy().equals(SearchHit.ALIAS))
				.singleElement()
				.satisfies((hit) -> {
					assertThat(hit.segmentIndex()).isEqualTo(1);
					assertThat(hit.snippet()).isEqualTo("<mark>變色龍</mark>是一種<mark>會變色</mark>的動物。");
				});
		}

		// Counts are of mentions and of episodes, not of segments.
		assertThat(counts.all()).containsOnly(Map.entry("gemini", new MentionCounts.Counts(2, 2)),
				Map.entry("chameleon", new MentionCounts.Counts(1, 2)));
		assertThat(counts.of("chameleon")).isEqualTo(new MentionCounts.Counts(1, 2));
		assertThat(counts.of("unknown")).isEqualTo(MentionCounts.Counts.NONE);

		// A re-analysis moves the topic to another segment.
		topics.store(10,
				List.of(mention("gemini", 1, 0, "今天來聊多模態模型，GPT-4V 跟 Gemini 都是這種 models。", "Gemini", MatchKind.EXACT),
						mention("chameleon", 3, 2, "他的臉馬上變色了，像一條生氣的龍。", "變色", MatchKind.PHONETIC)));
		withTopics.reindexEpisodes(List.of(10L));
		assertThat(withTopics.search(topicOnly("chameleon")).hits())
			.extracting(SearchHit::segmentIndex, SearchHit::matchedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, SearchHit.SOUNDS_LIKE));
		assertThat(counts.of("chameleon")).isEqualTo(new MentionCounts.Counts(1, 1));

		// A rebuild keeps the topics.
		withTopics.rebuild();
		assertThat(withTopics.search(topicOnly("chameleon")).hits()).extracting(SearchHit::segmentIndex)
			.containsExactly(2);
		assertThat(withTopics.search(topicOnly("gemini")).total()).isEqualTo(2);

		// Deleting a topic (its mentions with it) removes it from the episodes that had
		// it.
		topics.deleteMentionsOf("gemini");
		assertThat(withTopics.episodesMentioning("gemini")).containsExactlyInAnyOrder(10L, 20L);
		withTopics.reindexEpisodes(withTopics.episodesMentioning("gemini"));
		assertThat(withTopics.search(topicOnly("gemini")).hits()).isEmpty();
		assertThat(withTopics.episodesMentioning("gemini")).isEmpty();
		assertThat(counts.all()).containsOnlyKeys("chameleon");
		assertThat(withTopics.search(topicOnly("chameleon")).total()).isEqualTo(1);
		// Documents were replaced, not added.
		assertThat(withTopics.stats().documents()).isEqualTo(8);
	}

	@Test
	void aTopicFilterNeedsTheTopicFeature() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.search.search(topicOnly("gemini")))
			.satisfies((ex) -> assertThat(ex.properties()).containsEntry("field", "topic"));
	}

	private static SearchQuery topicOnly(String topicId) {
		return new SearchQuery(null, null, null, null, null, 0, 20, false, topicId);
	}

	private static Mention mention(String topicId, long segmentId, int index, String text, String surface,
			MatchKind kind) {
		int start = text.indexOf(surface);
		return new Mention(topicId, index, segmentId, start, start + surface.length(), surface, kind, 0.9);
	}

	private List<Long> segmentIds(String q) {
		return ids(SearchQuery.of(q).withPage(0, 100));
	}

	/**
	 * Segment ids are not in a hit; the samples make (episode, index) map back to them.
	 */
	private List<Long> ids(SearchQuery query) {
		return this.search.search(query)
			.hits()
			.stream()
			.map((hit) -> (hit.episodeId() == 10) ? 1L + hit.segmentIndex()
					: (hit.episodeId() == 20) ? 6L + hit.segmentIndex() : 1000L * hit.episodeId() + hit.segmentIndex())
			.toList();
	}

}
