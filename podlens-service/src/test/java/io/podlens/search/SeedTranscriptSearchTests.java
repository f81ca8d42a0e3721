package io.podlens.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.text.SharedData;
import io.podlens.common.InvalidInputException;
import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.TopicFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Searches the shared seed transcript (a Traditional Chinese tech podcast). */
@TestInstance(Lifecycle.PER_CLASS)
class SeedTranscriptSearchTests {

	private static final Pattern LINE = Pattern.compile("^\\((\\d+):(\\d{2})~(\\d+):(\\d{2})\\)\\s*(.*)$");

	@TempDir
	static Path dataDir;

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	private int segmentCount;

	private FakeTopicLookup topics;

	@BeforeAll
	void indexSeed() throws IOException {
		List<StoredSegment> segments = parse(SharedData.file("seeds/000_95363aa04b2cdaad.txt"));
		this.segmentCount = segments.size();
		PodlensProperties properties = TestPodlensProperties.withDataDir(dataDir);
		this.index = new LuceneIndex(properties, SearchSettings.defaults());
		// Topic mentions as the topic feature stores them: extracted from the same
		// segments.
		this.topics = new FakeTopicLookup(TopicFixtures.defaultTopics()).store(segments.get(0).episodeId(),
				TopicFixtures.extractWithDefaultTaxonomy(segments));
		this.search = new LuceneSegmentSearch(this.index, new QueryTranslator(properties, SearchSettings.defaults()),
				new FakeSegmentSource(), new TopicMatches(this.topics.provider()), SearchSettings.defaults());
		this.search.index(segments);
	}

	@AfterAll
	void close() throws IOException {
		if (this.index != null) {
			this.index.destroy();
		}
	}

	@Test
	void wholeTranscriptIsIndexed() {
		assertThat(this.segmentCount).isGreaterThan(50);
		assertThat(this.search.stats().documents()).isEqualTo(this.segmentCount);
	}

	@Test
	void simplifiedQueryFindsTraditionalText() {
		SearchResult phrase = search("\"多模态模型\"");
		assertThat(phrase.total()).isPositive();
		assertThat(phrase.hits()).allSatisfy((hit) -> {
			assertThat(hit.text()).contains("多模態模型");
			assertThat(hit.snippet()).contains("<mark>多模態模型</mark>");
		});
		assertThat(indexes(phrase)).contains(2, 3);
		// Without quotes the dictionary splits it (多模態, 模型) and the segments saying
		// the whole word rank first, then those with both parts apart.
		List<SearchHit> ranked = search("多模态模型").hits();
		assertThat(ranked.subList(0, phrase.hits().size())).extracting(SearchHit::segmentIndex)
			.containsExactlyInAnyOrderElementsOf(indexes(phrase));
		assertThat(ranked).allSatisfy((hit) -> assertThat(hit.snippet()).contains("<mark>"));
	}

	@Test
	void phraseFindsOnlyAdjacentWords() {
		assertThat(indexes(search("\"Project Astra\""))).containsExactlyInAnyOrder(2, 3).doesNotContain(4);
	}

	@Test
	void latinWordsAreCaseInsensitive() {
		List<Integer> lower = indexes(search("gpt-4v"));
		assertThat(lower).hasSize(4);
		assertThat(indexes(search("GPT-4V"))).containsExactlyInAnyOrderElementsOf(lower);
		assertThat(indexes(search("Gpt-4v"))).containsExactlyInAnyOrderElementsOf(lower);
	}

	@Test
	void chineseWordDoesNotMatchLooseCharacters() {
		assertThat(indexes(search("變色龍"))).containsExactlyInAnyOrder(6, 7);
		assertThat(indexes(search("变色龙"))).containsExactlyInAnyOrder(6, 7);
	}

	@Test
	void timeFilterKeepsOverlappingSegments() {
		// segment 2 runs from 02:06 to 03:07
		assertThat(indexes(
				this.search.search(SearchQuery.of("\"Project Astra\"").withTime(126_000L, 126_000L).withPage(0, 100))))
			.containsExactly(2);
	}

	private SearchResult search(String q) {
		return this.search.search(SearchQuery.of(q).withPage(0, 100));
	}

	private static List<Integer> indexes(SearchResult result) {
		return result.hits().stream().map(SearchHit::segmentIndex).toList();
	}

	/** Just enough of the plain format for this test: {@code (MM:SS~MM:SS) text}. */
	@Test
	void soundsLikeFindsMisheardSpellingsAfterTheExactHits() {
		assertSoundsLike("向量", "項量");
		// Quoted, as one phrase: 語言 heard as one syllable (圓). Without quotes the
		// segments saying 大型圓模型 are exact hits already, for 大型 and 模型.
		assertSoundsLike("\"大型語言模型\"", "大型圓模型");
		assertThat(search("大型語言模型").hits()).anySatisfy((hit) -> {
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.EXACT);
			assertThat(hit.text()).contains("大型圓模型");
		});
		assertSoundsLike("Chameleon", "Camellian");
		assertSoundsLike("GPT-4o", "GBT-4O");
	}

	@Test
	void withoutSoundsLikeSearchStaysExact() {
		assertThat(search("Chameleon").hits()).allSatisfy((hit) -> {
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.EXACT);
			assertThat(hit.text()).containsIgnoringCase("chameleon");
		});
		assertThat(search("項量").hits()).noneSatisfy((hit) -> assertThat(hit.text()).doesNotContain("項量"));
	}

	private void assertSoundsLike(String query, String misheard) {
		SearchResult result = this.search.search(SearchQuery.of(query).withPage(0, 100).withSoundsLike(true));
		List<SearchHit> hits = result.hits();
		assertThat(hits).as(query).anySatisfy((hit) -> {
			// A segment that also names the topic another way is an alias hit.
			assertThat(hit.matchedBy()).isIn(SearchHit.SOUNDS_LIKE, SearchHit.ALIAS);
			assertThat(hit.matchedTerms()).anySatisfy((term) -> assertThat(term).containsIgnoringCase(misheard));
			assertThat(hit.snippet()).contains("<mark>");
		});
		// Every exact hit comes before every other hit.
		List<String> order = hits.stream().map(SearchHit::matchedBy).toList();
		int firstOther = order.indexOf(SearchHit.SOUNDS_LIKE);
		if (order.contains(SearchHit.ALIAS)) {
			firstOther = Math.min(firstOther, order.indexOf(SearchHit.ALIAS));
		}
		assertThat(order.subList(firstOther, order.size())).doesNotContain(SearchHit.EXACT);
		assertThat(result.total()).isEqualTo(hits.size());
	}

	@Test
	void topicFilterFindsEveryMentionHoweverItIsSpelled() {
		SearchResult result = this.search
			.search(new SearchQuery(null, null, null, null, null, 0, 100, false, "chameleon"));
		assertThat(result.hits()).isNotEmpty();
		assertThat(result.hits()).anySatisfy((hit) -> {
			assertThat(hit.matchedBy()).isEqualTo(SearchHit.SOUNDS_LIKE);
			assertThat(hit.matchedTerms()).contains("Camellian");
			assertThat(hit.snippet()).contains("<mark>Camellian</mark>");
		});
		assertThat(indexes(result)).contains(6, 7);
		// Combined with a query string, only mentioning segments that also match it.
		SearchResult combined = this.search
			.search(new SearchQuery("變色龍", null, null, null, null, 0, 100, false, "chameleon"));
		assertThat(indexes(combined)).containsExactlyInAnyOrder(6, 7);
	}

	@Test
	void unknownTopicIsABadRequest() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.search.search(new SearchQuery("a", null, null, null, null, 0, 10, false, "nope")))
			.satisfies((ex) -> assertThat(ex.properties()).containsEntry("field", "topic"));
	}

	@Test
	void soundsLikeAlsoFindsOtherNamesOfTheTopicTheQueryNames() {
		SearchResult result = this.search.search(SearchQuery.of("Chameleon").withPage(0, 100).withSoundsLike(true));
		List<String> order = result.hits().stream().map(SearchHit::matchedBy).toList();
		assertThat(order).contains(SearchHit.EXACT, SearchHit.SOUNDS_LIKE);
		assertThat(order.lastIndexOf(SearchHit.EXACT)).isLessThan(order.indexOf(SearchHit.SOUNDS_LIKE));
		assertThat(result.hits()).anySatisfy((hit) -> assertThat(hit.matchedTerms()).contains("變色龍"));
	}

	@Test
	void keywordsAreWholeWordsThatCharacteriseTheEpisode() {
		List<Keyword> keywords = this.search.keywords(1, 30).orElseThrow();
		List<String> terms = keywords.stream().map(Keyword::term).toList();
		// Printed so that a reader of the build log sees what the endpoint returns.
		System.out.println("Seed keywords: " + keywords);
		assertThat(terms).hasSize(30).contains("模型", "Token", "Transformer", "Gemini");
		// No half-word bigrams, no function words, no single characters.
		assertThat(terms).doesNotContain("態模", "的多", "模多", "這個", "我們", "就是", "the");
		assertThat(terms).allSatisfy((term) -> assertThat(term.codePointCount(0, term.length())).isGreaterThan(1));
		assertThat(keywords).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
	}

	@Test
	void keywordsOfAnUnknownEpisodeAreAbsent() {
		assertThat(this.search.keywords(999, 10)).isEmpty();
	}

	private static List<StoredSegment> parse(Path file) throws IOException {
		List<StoredSegment> segments = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			Matcher m = LINE.matcher(line.strip());
			if (m.matches()) {
				int i = segments.size();
				long start = (Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 1000;
				long end = (Long.parseLong(m.group(3)) * 60 + Long.parseLong(m.group(4))) * 1000;
				segments.add(new StoredSegment(i + 1, 1, "seed", "科技浪", "zh-Hant", i, start, end, null, m.group(5)));
			}
		}
		return segments;
	}

}
