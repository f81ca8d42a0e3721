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

import io.podlens.SharedData;
import io.podlens.common.PodlensProperties;
import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

/** Searches the shared seed transcript (a Traditional Chinese tech podcast). */
@TestInstance(Lifecycle.PER_CLASS)
class SeedTranscriptSearchTests {

	private static final Pattern LINE = Pattern.compile("^\\((\\d+):(\\d{2})~(\\d+):(\\d{2})\\)\\s*(.*)$");

	@TempDir
	static Path dataDir;

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	private int segmentCount;

	@BeforeAll
	void indexSeed() throws IOException {
		List<StoredSegment> segments = parse(SharedData.file("seeds/000_95363aa04b2cdaad.txt"));
		this.segmentCount = segments.size();
		PodlensProperties properties = new PodlensProperties(dataDir, 200_000, 2_000);
		this.index = new LuceneIndex(properties);
		this.search = new LuceneSegmentSearch(this.index, new QueryTranslator(properties), new FakeSegmentSource());
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
		SearchResult result = search("多模态模型");
		assertThat(result.total()).isPositive();
		assertThat(result.hits()).allSatisfy((hit) -> {
			assertThat(hit.text()).contains("多模態模型");
			assertThat(hit.snippet()).contains("<mark>多模態模型</mark>");
		});
		assertThat(indexes(result)).contains(2, 3);
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
