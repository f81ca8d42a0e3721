package io.podlens.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.podlens.bulkimport.ForegroundWork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Queued episodes are analysed in batches, so that their mentions are stored in one
 * transaction and their documents rewritten in one index write; each episode's future
 * completes with its batch.
 */
class TopicWorkerTests {

	private final List<List<Long>> batches = new CopyOnWriteArrayList<>();

	private final TopicAnalysis analysis = mock(TopicAnalysis.class);

	private final ForegroundWork foreground = new ForegroundWork();

	private final TopicCatalog catalog = mock(TopicCatalog.class);

	private final TopicWorker worker = new TopicWorker(this.analysis, this.catalog, this.foreground);

	@AfterEach
	void stop() throws InterruptedException {
		this.worker.destroy();
	}

	@Test
	void episodesQueuedMeanwhileAreAnalysedTogetherInBatches() throws Exception {
		when(this.analysis.analyseAll(anyList())).thenAnswer((call) -> {
			List<Long> ids = call.getArgument(0);
			this.batches.add(List.copyOf(ids));
			return Set.copyOf(ids);
		});
		int queued = TopicWorker.BATCH + 4;
		List<CompletableFuture<Void>> futures = new ArrayList<>();
		try (ForegroundWork.Running running = this.foreground.begin()) {
			LongStream.rangeClosed(1, queued).forEach((id) -> futures.add(this.worker.enqueue(List.of(id))));
			assertThat(futures).noneMatch(CompletableFuture::isDone);
		}
		this.worker.awaitIdle(Duration.ofSeconds(30));
		assertThat(futures).allMatch((future) -> future.isDone() && !future.isCompletedExceptionally());
		assertThat(this.batches).extracting(List::size).containsExactly(TopicWorker.BATCH, 4);
		assertThat(this.batches.stream().flatMap(List::stream))
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, queued).boxed().toList());
	}

	@Test
	void aFailedBatchFailsEveryFutureOfItSoThatItIsRetried() throws Exception {
		when(this.analysis.analyseAll(anyList())).thenThrow(new IllegalStateException("database away"));
		when(this.catalog.current()).thenReturn(TopicCatalog.Snapshot.of(1, new Taxonomy(List.of())));
		CompletableFuture<Void> first;
		CompletableFuture<Void> second;
		try (ForegroundWork.Running running = this.foreground.begin()) {
			first = this.worker.enqueue(List.of(1L));
			second = this.worker.enqueue(List.of(2L));
		}
		this.worker.awaitIdle(Duration.ofSeconds(30));
		assertThat(first).isCompletedExceptionally();
		assertThat(second).isCompletedExceptionally();
		assertThat(this.worker.status().episodesQueued()).isZero();
	}

}
