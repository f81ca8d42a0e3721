package io.podlens.search;

import java.nio.file.Path;
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
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IndexRebuildTests {

	@TempDir
	Path dataDir;

	private final FakeSegmentSource source = new FakeSegmentSource();

	private PodlensProperties properties;

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	@BeforeEach
	void open() throws Exception {
		this.properties = TestPodlensProperties.withDataDir(this.dataDir);
		this.index = new LuceneIndex(this.properties, SearchSettings.defaults());
		this.search = new LuceneSegmentSearch(this.index,
				new QueryTranslator(this.properties, SearchSettings.defaults()), this.source, FakeTopicLookup.none(),
				SearchSettings.defaults());
	}

	@AfterEach
	void close() throws Exception {
		this.index.destroy();
	}

	@Test
	void rebuildStreamsTheDatabaseInBatches() {
		this.source.segments.addAll(IntStream.range(0, 1_234)
			.mapToObj((i) -> segment(i + 1, 1 + i / 100, "Bulk", i % 100, "段落 " + i + " 變色龍"))
			.toList());
		RebuildReport report = this.search.rebuild();
		assertThat(report.segments()).isEqualTo(1_234);
		assertThat(report.tookMs()).isNotNegative();
		assertThat(this.source.batchSizes).containsExactly(500, 500, 234);
		assertThat(this.search.stats()).isEqualTo(new IndexStats(1_234, 1_234));
		assertThat(this.search.search(SearchQuery.of("变色龙")).total()).isEqualTo(1_234);
	}

	@Test
	void rebuildIndexesTheSameContextsAsWritesAcrossBatchBoundaries() {
		// Three-second segments; the words meet across the first batch boundary (500).
		List<StoredSegment> episode = IntStream.range(0, 700)
			.mapToObj((i) -> new StoredSegment(i + 1, 1, "Long", "Bulk", "en", i, i * 3_000L, i * 3_000L + 3_000, null,
					(i == 499) ? "alpha" : (i == 502) ? "beta" : "filler " + i))
			.toList();
		this.source.segments.addAll(episode);
		this.search.index(episode);
		List<String> written = hits("alpha beta");
		this.search.rebuild();
		assertThat(this.source.batchSizes).containsExactly(500, 200);
		assertThat(hits("alpha beta")).isEqualTo(written);
		// 499 says alpha and is followed by beta; 494 to 498 are followed by both.
		assertThat(written).containsExactly("499 exact", "494 passage", "495 passage", "496 passage", "497 passage",
				"498 passage");
	}

	private List<String> hits(String q) {
		return this.search.search(SearchQuery.of(q).withPage(0, 100))
			.hits()
			.stream()
			.map((hit) -> hit.segmentIndex() + " " + hit.matchedBy())
			.toList();
	}

	@Test
	void rebuildDropsWhatTheDatabaseNoLongerHas() {
		this.search.index(List.of(segment(99, 9, "Gone", 0, "orphan")));
		this.source.segments.add(segment(1, 1, "Kept", 0, "kept"));
		this.search.rebuild();
		assertThat(this.search.search(SearchQuery.of("orphan")).total()).isZero();
		assertThat(this.search.search(SearchQuery.of("kept")).total()).isEqualTo(1);
		assertThat(this.search.stats()).isEqualTo(new IndexStats(1, 1));
	}

	@Test
	void searchesSeeTheOldIndexUntilTheRebuildCommits() {
		this.search.index(List.of(segment(1, 1, "Old", 0, "before")));
		this.source.segments
			.addAll(IntStream.range(0, 600).mapToObj((i) -> segment(i + 1, 1, "New", i, "after")).toList());
		long[] seenMidway = new long[2];
		this.source.afterFirstBatch = () -> {
			seenMidway[0] = this.search.search(SearchQuery.of("before")).total();
			seenMidway[1] = this.search.search(SearchQuery.of("after")).total();
		};
		this.search.rebuild();
		assertThat(seenMidway).containsExactly(1, 0);
		assertThat(this.search.search(SearchQuery.of("after")).total()).isEqualTo(600);
		assertThat(this.search.search(SearchQuery.of("before")).total()).isZero();
	}

	@Test
	void concurrentSearchesSeeTheOldOrTheNewIndexNeverAPartialOne() throws Exception {
		this.search.index(IntStream.range(0, 700).mapToObj((i) -> segment(i + 1, 1, "Old", i, "shared word")).toList());
		this.source.segments
			.addAll(IntStream.range(0, 2_100).mapToObj((i) -> segment(i + 1, 2, "New", i, "shared word")).toList());
		java.util.Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
		java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();
		Thread searcher = new Thread(() -> {
			while (rebuilding.get()) {
				seen.add(this.search.search(SearchQuery.of("shared")).total());
				searches.incrementAndGet();
			}
		});
		// Mid-rebuild searches run on the feeding thread too, while batches are in
		// flight.
		this.source.afterFirstBatch = () -> {
			for (int i = 0; i < 20; i++) {
				seen.add(this.search.search(SearchQuery.of("shared")).total());
			}
		};
		searcher.start();
		try {
			this.search.rebuild();
		}
		finally {
			rebuilding.set(false);
			searcher.join();
		}
		seen.add(this.search.search(SearchQuery.of("shared")).total());
		assertThat(searches).hasPositiveValue();
		assertThat(seen).isSubsetOf(700L, 2_100L).contains(700L, 2_100L);
		assertThat(this.search.stats()).isEqualTo(new IndexStats(2_100, 2_100));
	}

	@Test
	void failedRebuildLeavesTheIndexAsItWas() {
		this.search.index(List.of(segment(1, 1, "Old", 0, "before")));
		this.source.segments
			.addAll(IntStream.range(0, 600).mapToObj((i) -> segment(i + 1, 1, "New", i, "after")).toList());
		this.source.afterFirstBatch = () -> {
			throw new IllegalStateException("database went away");
		};
		assertThatIllegalStateException().isThrownBy(this.search::rebuild).withMessage("database went away");
		assertThat(this.search.search(SearchQuery.of("before")).total()).isEqualTo(1);
		assertThat(this.search.stats()).isEqualTo(new IndexStats(1, 1));
		// the writer was replaced and still works
		this.search.index(List.of(segment(2, 1, "Old", 1, "later")));
		assertThat(this.search.search(SearchQuery.of("later")).total()).isEqualTo(1);
	}

	@Test
	void staleIndexIsRebuiltAtStartupAndCurrentOneIsNot() throws Exception {
		this.source.segments.add(segment(1, 1, "P", 0, "first"));
		assertThat(this.search.rebuildIfStale()).isTrue();
		assertThat(this.search.rebuildIfStale()).isFalse();
		// an event was missed: the database has a newer segment
		this.source.segments.add(segment(2, 1, "P", 1, "second"));
		assertThat(this.search.rebuildIfStale()).isTrue();
		assertThat(this.search.search(SearchQuery.of("second")).total()).isEqualTo(1);
		// the index survives a restart with its commit data
		this.index.destroy();
		this.index = new LuceneIndex(this.properties, SearchSettings.defaults());
		this.search = new LuceneSegmentSearch(this.index,
				new QueryTranslator(this.properties, SearchSettings.defaults()), this.source, FakeTopicLookup.none(),
				SearchSettings.defaults());
		assertThat(this.search.stats()).isEqualTo(new IndexStats(2, 2));
		assertThat(this.search.rebuildIfStale()).isFalse();
		// deleting the episode with the highest ids leaves the index consistent
		this.source.segments.remove(1);
		this.search.deleteEpisode(1);
		this.source.segments.clear();
		assertThat(this.search.rebuildIfStale()).isFalse();
	}

	@Test
	void emptyDatabaseAndEmptyIndexNeedNoRebuild() {
		assertThat(this.search.rebuildIfStale()).isFalse();
		assertThat(this.search.stats()).isEqualTo(new IndexStats(0, 0));
	}

}
