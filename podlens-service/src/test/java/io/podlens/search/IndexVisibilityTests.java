package io.podlens.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;

import static io.podlens.search.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes are searchable when they return, whatever the background reopen interval: the
 * 201 of an import must not wait for {@code reopen-max-stale} (10 s by default, so that
 * the background reopen does not cut running bulk-import batches into small segments).
 */
class IndexVisibilityTests {

	/** Far longer than any test may take: only the reopen a write waits for can help. */
	private static final Duration NEVER = Duration.ofHours(1);

	@TempDir
	Path dataDir;

	private final FakeSegmentSource source = new FakeSegmentSource();

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	@BeforeEach
	void open() throws Exception {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		SearchProperties defaults = SearchSettings.defaults();
		SearchProperties settings = new SearchProperties(defaults.exactTotalUpTo(), NEVER, defaults.reopenMinStale(),
				defaults.commitEvery(), defaults.rebuildBatchSize(), defaults.indexingThreads(),
				defaults.parallelFrom(), defaults.warmUp(), defaults.contextWindow(), defaults.ranking());
		this.index = new LuceneIndex(properties, settings);
		this.search = new LuceneSegmentSearch(this.index, new QueryTranslator(properties, settings), this.source,
				FakeTopicLookup.none(), settings);
	}

	@AfterEach
	void close() throws Exception {
		this.index.destroy();
	}

	@Test
	void writesAreSearchableWhenTheyReturnWithoutTheBackgroundReopen() {
		String[] words = { "apple", "banana", "cherry" };
		for (int round = 0; round < words.length; round++) {
			long first = round * 1_000L + 1;
			long episode = round + 1;
			String word = words[round];
			// Large enough to be analysed on the indexing threads, as a bulk-import
			// batch.
			List<StoredSegment> batch = IntStream.range(0, 600)
				.mapToObj((i) -> segment(first + i, episode, "Bulk", i, "段落 " + i + " 變色龍 " + word))
				.toList();
			long started = System.nanoTime();
			this.search.index(batch);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
			assertThat(this.search.search(SearchQuery.of("变色龙")).total()).isEqualTo(600L * (round + 1));
			assertThat(this.search.search(SearchQuery.of(word)).total()).isEqualTo(600);
		}
		this.search.deleteEpisode(1);
		assertThat(this.search.search(SearchQuery.of("变色龙")).total()).isEqualTo(1_200);
		assertThat(this.search.search(SearchQuery.of("apple")).total()).isZero();
	}

}
