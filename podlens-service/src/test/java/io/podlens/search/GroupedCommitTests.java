package io.podlens.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.StoredSegment;

import static io.podlens.search.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk-import batches are written without a commit or a reopen of their own: each batch's
 * future completes with the first commit that covers it (a flush, another write's commit,
 * the background commit), and a flush makes everything written before it durable and
 * searchable, which is what "the job is done" promises.
 */
class GroupedCommitTests {

	private static final Duration NEVER = Duration.ofHours(1);

	@TempDir
	Path dataDir;

	private LuceneIndex index;

	private LuceneSegmentSearch search;

	private void open(Duration commitEvery) throws IOException {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		SearchProperties defaults = SearchSettings.defaults();
		SearchProperties settings = new SearchProperties(defaults.exactTotalUpTo(), NEVER, defaults.reopenMinStale(),
				commitEvery, defaults.rebuildBatchSize(), defaults.indexingThreads(), defaults.parallelFrom(),
				defaults.warmUp(), defaults.contextWindow(), defaults.ranking());
		this.index = new LuceneIndex(properties, settings);
		this.search = new LuceneSegmentSearch(this.index, new QueryTranslator(properties, settings),
				new FakeSegmentSource(), FakeTopicLookup.none(), settings);
	}

	@AfterEach
	void close() throws Exception {
		this.index.destroy();
	}

	@Test
	void aBatchIsDurableAndSearchableAfterTheFlushNotBefore() throws Exception {
		open(NEVER);
		CompletableFuture<Void> first = this.search.indexBatch(batch(1, "apple"));
		CompletableFuture<Void> second = this.search.indexBatch(batch(2, "banana"));
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();
		assertThat(committedDocs()).isZero();
		this.search.flush();
		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
		assertThat(committedDocs()).isEqualTo(1_200);
		assertThat(this.search.search(SearchQuery.of("变色龙")).total()).isEqualTo(1_200);
		assertThat(this.search.search(SearchQuery.of("banana")).total()).isEqualTo(600);
	}

	@Test
	void anotherWritesCommitCompletesTheBatchesItCovers() throws Exception {
		open(NEVER);
		CompletableFuture<Void> batch = this.search.indexBatch(batch(1, "apple"));
		assertThat(batch).isNotDone();
		this.search.index(batch(2, "banana"));
		assertThat(batch).isCompleted();
		assertThat(committedDocs()).isEqualTo(1_200);
	}

	@Test
	void theBackgroundCommitCompletesABatchNobodyFlushes() throws Exception {
		open(Duration.ofMillis(100));
		CompletableFuture<Void> batch = this.search.indexBatch(batch(1, "apple"));
		batch.get(30, TimeUnit.SECONDS);
		assertThat(committedDocs()).isEqualTo(600);
	}

	@Test
	void aRebuildCompletesTheBatchesWaitingForACommit() throws Exception {
		open(NEVER);
		CompletableFuture<Void> batch = this.search.indexBatch(batch(1, "apple"));
		this.index.rebuild((sink) -> {
		});
		assertThat(batch).isCompleted();
	}

	/** The documents of the last commit on disk, as a restart would find them. */
	private int committedDocs() throws IOException {
		Path current = new IndexDirectories(TestPodlensProperties.withDataDir(this.dataDir).indexDir()).current();
		try (FSDirectory directory = FSDirectory.open(current);
				DirectoryReader reader = DirectoryReader.open(directory)) {
			return reader.numDocs();
		}
	}

	/** Large enough to be analysed on the indexing threads, as a bulk-import batch. */
	private static List<StoredSegment> batch(long episode, String word) {
		long first = episode * 1_000L;
		return IntStream.range(0, 600)
			.mapToObj((i) -> segment(first + i, episode, "Bulk", i, "段落 " + i + " 變色龍 " + word))
			.toList();
	}

}
