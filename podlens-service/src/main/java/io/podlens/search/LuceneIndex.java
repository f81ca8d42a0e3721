package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.PodlensProperties;
import io.podlens.episode.StoredSegment;
import io.podlens.text.lucene.PodlensAnalyzer;
import io.podlens.text.lucene.SoundAnalyzer;
import io.podlens.text.lucene.WordAnalyzer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The one owner of the Lucene index under {@link PodlensProperties#indexDir()}: the
 * directory, the one {@link IndexWriter} with the one {@link #writerConfig()}, the
 * near-real-time {@link SearcherManager} built from that writer, the
 * {@link ControlledRealTimeReopenThread} that reopens it, and the commits.
 * <p>
 * <b>Visibility.</b> Searchers come from the writer, so a write becomes searchable at the
 * next reopen, at most {@code reopen-max-stale} later, without waiting for a commit.
 * Every write returns its {@link Generation} (the writer's sequence number); a caller
 * that must read its own write waits for it with {@link #awaitSearchable}, which reopens
 * within {@code reopen-min-stale}.
 * <p>
 * <b>Durability: one commit per write, grouped.</b> A write applies its changes to the
 * writer and returns; its caller then {@linkplain #commit(Generation) commits} before it
 * reports success, so once the event that asked for the write is marked complete its
 * documents survive a crash. The commit is separate so that callers can order their
 * writes under a lock of their own without holding it through the commit's flush and
 * fsync. Concurrent writes share commits: a write whose changes a commit by another
 * thread already covers does not commit again.
 * <p>
 * <b>Grouped commits for bulk imports.</b> A bulk-import batch need not be durable or
 * searchable on its own: its job reports done only after {@link #flush()}, which commits
 * and waits for everything written before it. Such a write asks for
 * {@link #durable(Generation)} instead of committing: a future completed by the next
 * commit that covers it (another write's, the job's flush, or the background commit every
 * {@code commit-every}), which is when its event publication is marked complete; until
 * then a crash leaves the publication incomplete and the write is replayed. Segments then
 * follow the writer's RAM buffer instead of the batches, as in a plain indexing loop. A
 * writer that fails for good fails the futures of the writes it lost.
 * <p>
 * <b>Rebuilds</b> write a fresh directory with a writer of their own, commit it, and then
 * swap it in (see {@link IndexDirectories}): searches see the previous index until the
 * swap and the complete new one after it, never a partial one; a failed rebuild deletes
 * its directory and leaves the index as it was. Writes wait while a rebuild runs (one
 * lock: writes share it, a rebuild holds it alone), and a write that returned before the
 * swap is in the rebuilt index, which was read from a database that already had it.
 */
@Component
@ConditionalOnProperty(name = SearchBackend.PROPERTY, havingValue = "lucene", matchIfMissing = true)
class LuceneIndex implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

	static final String MAX_SEGMENT_ID = "maxSegmentId";

	/** Bump when analysis or fields change: an index of another version gets rebuilt. */
	static final String SCHEMA = "schema";

	static final String SCHEMA_VERSION = "5";

	private final SearchProperties settings;

	private final IndexDirectories directories;

	private final ParallelIndexing indexing;

	private final long contextWindowMs;

	/**
	 * The schema version with the context window: an index built with another window is
	 * rebuilt too.
	 */
	private final String schema;

	/** Writes share it, a rebuild (and closing) holds it alone. */
	private final ReadWriteLock writes = new ReentrantReadWriteLock();

	/** Guards commits and swaps of {@link #open}. */
	private final Object commitLock = new Object();

	private final AtomicLong maxSegmentId = new AtomicLong();

	private volatile boolean schemaCurrent;

	private volatile OpenIndex open;

	/** Highest sequence number a commit of {@link #open} covers. */
	private long committed = -1;

	/**
	 * The last index whose writer failed for good: its uncommitted writes are lost
	 * (guarded by {@link #commitLock}).
	 */
	private @Nullable OpenIndex failed;

	/** Writes of {@link #open} waiting for a commit (guarded by {@link #commitLock}). */
	private final List<Pending> pending = new ArrayList<>();

	/** Commits the writes waiting in {@link #pending} every {@code commit-every}. */
	private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "lucene-commit");
		thread.setDaemon(true);
		return thread;
	});

	LuceneIndex(PodlensProperties podlens, SearchProperties settings) throws IOException {
		this.settings = settings;
		this.contextWindowMs = settings.contextWindow().toMillis();
		this.schema = SCHEMA_VERSION + ";context=" + this.contextWindowMs;
		this.directories = new IndexDirectories(podlens.indexDir());
		Path current = this.directories.current();
		this.directories.deleteAllBut(current);
		this.indexing = new ParallelIndexing(settings.threads());
		this.open = OpenIndex.open(current, settings);
		if (!DirectoryReader.indexExists(this.open.directory())) {
			// A new index is empty and of the current schema; the startup check compares
			// it with the database.
			this.schemaCurrent = true;
			commit(0);
		}
		readCommitData();
		long every = settings.commitEvery().toMillis();
		this.committer.scheduleWithFixedDelay(this::commitPending, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Adds or replaces segments by id, with their context and the topics they mention (so
	 * repeating a write is harmless). Segments come as whole episodes: a segment's
	 * context is built from the segments of its episode in the same write (see
	 * {@link Passages}). Large writes are analysed on the indexing threads. Not yet
	 * durable: see {@link #commit(Generation)}.
	 * @return the generation to commit and to wait for to see the segments
	 */
	Generation update(Collection<StoredSegment> segments, SegmentTopics topics) {
		return update(segments, topics, SegmentVectors.NONE);
	}

	/**
	 * Adds or replaces segments by id, with their context, the topics they mention and
	 * the embeddings they have; see {@link #update(Collection, SegmentTopics)}.
	 */
	Generation update(Collection<StoredSegment> segments, SegmentTopics topics, SegmentVectors vectors) {
		List<Passages.Passage> all = Passages.of(segments, this.contextWindowMs);
		return write((writer) -> {
			int chunk = Math.max(this.settings.parallelFrom(),
					(all.size() + this.indexing.threads() - 1) / this.indexing.threads());
			ParallelIndexing.Batch batch = this.indexing.start(all.size() < this.settings.parallelFrom());
			for (int from = 0; from < all.size(); from += chunk) {
				List<Passages.Passage> part = all.subList(from, Math.min(all.size(), from + chunk));
				batch.run(() -> {
					SegmentDocuments.Builder documents = new SegmentDocuments.Builder();
					long seq = -1;
					for (Passages.Passage passage : part) {
						seq = writer.updateDocument(SegmentDocuments.key(passage.segment().segmentId()),
								documents.build(passage, topics, vectors));
					}
					return seq;
				});
			}
			long generation = batch.await();
			all.forEach((passage) -> this.maxSegmentId.accumulateAndGet(passage.segment().segmentId(), Math::max));
			return generation;
		});
	}

	/**
	 * Deletes every document of the episode (none is fine); see
	 * {@link #commit(Generation)}.
	 */
	Generation deleteEpisode(long episodeId) {
		return write(
				(writer) -> writer.deleteDocuments(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)));
	}

	/**
	 * Builds a new index in a fresh directory from what {@code feed} hands to its sink,
	 * batch by batch (each with the topics its segments mention and their stored
	 * embeddings), and swaps it in; see the class comment. Batches are analysed on the
	 * indexing threads while the feed reads the next one. The feed hands segments over in
	 * episode and transcript order, so that each segment's context is in its batch or the
	 * next ones (the segments at the end of a batch wait for it).
	 * @return the number of segments indexed
	 */
	long rebuild(Consumer<BatchSink> feed) {
		Lock lock = this.writes.writeLock();
		lock.lock();
		try {
			Path dir = this.directories.fresh();
			long[] count = new long[1];
			long[] max = new long[1];
			try (Directory fresh = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(fresh, writerConfig())) {
				ParallelIndexing.Batch batch = this.indexing.start(false);
				Passages.Stream passages = new Passages.Stream(this.contextWindowMs);
				try {
					feed.accept((segments, topics, vectors) -> {
						add(writer, batch, passages.accept(segments, topics, vectors));
						segments.forEach((segment) -> max[0] = Math.max(max[0], segment.segmentId()));
						count[0] += segments.size();
					});
					add(writer, batch, passages.finish());
				}
				catch (RuntimeException ex) {
					// Nothing may still be in flight when the directory is deleted.
					batch.awaitQuietly();
					writer.rollback();
					throw ex;
				}
				batch.await();
				writer.setLiveCommitData(commitData(max[0], true).entrySet());
				writer.commit();
			}
			catch (IOException | RuntimeException ex) {
				IndexDirectories.delete(dir);
				if (ex instanceof IOException io) {
					throw new UncheckedIOException("Rebuilding the index failed", io);
				}
				throw (RuntimeException) ex;
			}
			swap(dir);
			return count[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Swapping in the rebuilt index failed", ex);
		}
		finally {
			lock.unlock();
		}
	}

	/** Adds the documents of passages of a rebuild on the indexing threads. */
	private static void add(IndexWriter writer, ParallelIndexing.Batch batch, Passages.Ready ready) {
		if (ready.passages().isEmpty()) {
			return;
		}
		batch.run(() -> {
			SegmentDocuments.Builder documents = new SegmentDocuments.Builder();
			long seq = -1;
			for (Passages.Passage passage : ready.passages()) {
				seq = writer.addDocument(documents.build(passage, ready.topics(), ready.vectors()));
			}
			return seq;
		});
	}

	/** Blocks until searches see the write of {@code generation}. */
	void awaitSearchable(Generation generation) {
		if (generation.of() != this.open) {
			// Rebuilt (or reopened on its last commit) since: the rebuild read a
			// database that had the write already, a reopen makes the commit visible.
			return;
		}
		try {
			if (!generation.of().reopener().waitForGeneration(generation.seq(), 60_000)) {
				throw new IllegalStateException("The index did not reopen within a minute");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the index to reopen", ex);
		}
	}

	/**
	 * The future of the write of {@code generation} becoming durable: completed by the
	 * first commit that covers it (see the class comment), failed if the writer that held
	 * it failed for good before.
	 */
	CompletableFuture<Void> durable(Generation generation) {
		synchronized (this.commitLock) {
			if (generation.of() == this.failed) {
				return CompletableFuture
					.failedFuture(new IllegalStateException("The index writer failed before the write was committed"));
			}
			if (generation.of() != this.open || this.committed >= generation.seq()) {
				return CompletableFuture.completedFuture(null);
			}
			CompletableFuture<Void> future = new CompletableFuture<>();
			this.pending.add(new Pending(generation.seq(), future));
			return future;
		}
	}

	/**
	 * Commits every write that returned before this call and waits until searches see
	 * them: what a bulk import does before it reports its job done.
	 */
	void flush() {
		Generation latest;
		Lock lock = this.writes.readLock();
		lock.lock();
		try {
			OpenIndex current = this.open;
			latest = new Generation(current, current.writer().getMaxCompletedSequenceNumber());
		}
		finally {
			lock.unlock();
		}
		commit(latest);
		awaitSearchable(latest);
	}

	/** The background commit of writes waiting for one. */
	private void commitPending() {
		try {
			long seq;
			synchronized (this.commitLock) {
				seq = this.pending.stream().mapToLong(Pending::seq).max().orElse(-1);
			}
			if (seq >= 0) {
				commit(new Generation(this.open, seq));
			}
		}
		catch (RuntimeException ex) {
			// The futures stay pending (or were failed with the writer); the next round,
			// or the event publications' retry, takes it up.
			log.warn("The background index commit failed", ex);
		}
	}

	/** Runs {@code work} with a current searcher, released afterwards. */
	<T> T search(SearcherWork<T> work) {
		while (true) {
			SearcherManager searchers = this.open.searchers();
			IndexSearcher searcher;
			try {
				searcher = searchers.acquire();
			}
			catch (AlreadyClosedException ex) {
				if (this.open.searchers() == searchers) {
					throw ex;
				}
				// A rebuild swapped the index in between: take the new one.
				continue;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Opening a searcher failed", ex);
			}
			try {
				return work.apply(searcher);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Search failed", ex);
			}
			finally {
				release(searchers, searcher);
			}
		}
	}

	/** What searchers see now, and the highest segment id written. */
	IndexStats stats() {
		return new IndexStats(search((searcher) -> (long) searcher.getIndexReader().numDocs()),
				this.maxSegmentId.get());
	}

	/** Whether the index was written with the current analysis and fields. */
	boolean schemaCurrent() {
		return this.schemaCurrent;
	}

	/** Closes in reverse order of opening: the index, then the indexing threads. */
	@Override
	public void destroy() throws IOException {
		this.committer.shutdownNow();
		Lock lock = this.writes.writeLock();
		lock.lock();
		try {
			List<CompletableFuture<Void>> covered = List.of();
			synchronized (this.commitLock) {
				if (!this.pending.isEmpty()) {
					// Committed now, their publications may be marked complete.
					this.open.writer().commit();
					this.committed = Long.MAX_VALUE;
					covered = takeCovered();
				}
			}
			complete(covered);
			this.open.close();
		}
		finally {
			this.indexing.close();
			lock.unlock();
		}
	}

	private Generation write(IndexWork work) {
		Lock lock = this.writes.readLock();
		lock.lock();
		try {
			OpenIndex current = this.open;
			return guarded(current, () -> new Generation(current, work.run(current.writer())));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Makes the write of {@code generation} durable: commits unless a commit by another
	 * write already covered it, or a rebuild replaced the index it went to (the rebuild
	 * read a database that had it).
	 */
	void commit(Generation generation) {
		Lock lock = this.writes.readLock();
		lock.lock();
		try {
			OpenIndex current = this.open;
			if (generation.of() == current) {
				guarded(current, () -> {
					commit(generation.seq());
					return generation;
				});
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs writer work; a writer that failed for good is replaced by one on the last
	 * commit.
	 */
	private Generation guarded(OpenIndex current, IndexStep step) {
		try {
			return step.run();
		}
		catch (IOException | RuntimeException ex) {
			if (current.writer().getTragicException() != null || !current.writer().isOpen()) {
				reopen(current);
			}
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Index update failed", io);
			}
			throw (RuntimeException) ex;
		}
	}

	/** Commits unless a commit by another write already covered {@code seq}. */
	private void commit(long seq) throws IOException {
		List<CompletableFuture<Void>> covered;
		synchronized (this.commitLock) {
			if (seq >= 0 && this.committed >= seq) {
				return;
			}
			IndexWriter writer = this.open.writer();
			writer.setLiveCommitData(commitData(this.maxSegmentId.get(), this.schemaCurrent).entrySet());
			this.committed = Math.max(seq, writer.commit());
			covered = takeCovered();
		}
		complete(covered);
	}

	/**
	 * Takes the futures of the writes the last commit covers (under the lock); they are
	 * completed outside it, since completing one marks its event publication complete in
	 * the database.
	 */
	private List<CompletableFuture<Void>> takeCovered() {
		List<CompletableFuture<Void>> covered = new ArrayList<>();
		this.pending.removeIf((waiting) -> {
			if (waiting.seq() > this.committed) {
				return false;
			}
			covered.add(waiting.future());
			return true;
		});
		return covered;
	}

	private static void complete(List<CompletableFuture<Void>> covered) {
		covered.forEach((future) -> future.complete(null));
	}

	/** Fails the futures of writes that no commit will cover (under the lock). */
	private void failPending(String why) {
		List<Pending> lost = List.copyOf(this.pending);
		this.pending.clear();
		// Under the lock, unlike completions: only after a writer failed for good.
		lost.forEach((waiting) -> waiting.future().completeExceptionally(new IllegalStateException(why)));
	}

	private void swap(Path dir) throws IOException {
		OpenIndex old;
		List<CompletableFuture<Void>> covered;
		synchronized (this.commitLock) {
			old = this.open;
			this.directories.makeCurrent(dir);
			this.open = OpenIndex.open(dir, this.settings);
			// The rebuild, committed, read a database that had every write waiting.
			this.committed = Long.MAX_VALUE;
			covered = takeCovered();
			this.committed = -1;
			readCommitData();
		}
		complete(covered);
		try {
			old.close();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Closing the replaced index failed", ex);
		}
		this.directories.deleteAllBut(dir);
	}

	/**
	 * A writer hit by a tragic failure (disk full, I/O error) is closed for good: open a
	 * new one on the last commit, so that the retried writes can succeed.
	 */
	private void reopen(OpenIndex broken) {
		synchronized (this.commitLock) {
			if (this.open != broken) {
				return;
			}
			log.warn("The index writer failed for good; reopening it on the last commit",
					broken.writer().getTragicException());
			// Their documents went with the writer: their publications stay incomplete
			// and are retried.
			failPending("The index writer failed before the write was committed");
			this.failed = broken;
			try {
				broken.close();
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Closing the failed index writer failed", ex);
			}
			try {
				this.open = OpenIndex.open(broken.path(), this.settings);
				this.committed = -1;
				readCommitData();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Reopening the index writer failed", ex);
			}
		}
	}

	private void readCommitData() throws IOException {
		Map<String, String> data = SegmentInfos.readLatestCommit(this.open.directory()).getUserData();
		this.schemaCurrent = this.schema.equals(data.get(SCHEMA));
		this.maxSegmentId.set(Long.parseLong(data.getOrDefault(MAX_SEGMENT_ID, "0")));
	}

	private Map<String, String> commitData(long maxSegmentId, boolean schemaCurrent) {
		return Map.of(MAX_SEGMENT_ID, Long.toString(maxSegmentId), SCHEMA, schemaCurrent ? this.schema : "old");
	}

	private static void release(SearcherManager searchers, IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Releasing a searcher failed", ex);
		}
	}

	/**
	 * The analysis of the fields the writer analyses (sound, words; text and context come
	 * analysed, see {@link AnalysedText}, with this text analyzer).
	 */
	static Analyzer analyzer() {
		return new PerFieldAnalyzerWrapper(PodlensAnalyzer.forIndexing(),
				Map.of(SegmentDocuments.WORDS, new WordAnalyzer(), SegmentDocuments.SOUND, new SoundAnalyzer()));
	}

	/**
	 * The one writer configuration, for the index in use and for rebuilds. Vector fields
	 * use HNSW graphs over scalar-quantized vectors (7 bits per dimension): searches
	 * traverse the quantized copy, about a quarter of the float vectors' size, which
	 * Lucene reads off-heap, so a million segments' embeddings stay outside the heap.
	 */
	static IndexWriterConfig writerConfig() {
		IndexWriterConfig config = new IndexWriterConfig(analyzer());
		config.setOpenMode(OpenMode.CREATE_OR_APPEND);
		config.setCodec(CODEC);
		return config;
	}

	/**
	 * Lucene's default codec with the quantized HNSW format for vector fields. The
	 * format's name is recorded per field, so readers need no custom codec.
	 */
	private static final Codec CODEC = new Lucene912Codec() {

		private final KnnVectorsFormat vectors = new Lucene99HnswScalarQuantizedVectorsFormat();

		@Override
		public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
			return this.vectors;
		}

	};

	/** Receives one batch of a rebuild. */
	@FunctionalInterface
	interface BatchSink {

		void accept(List<StoredSegment> segments, SegmentTopics topics, SegmentVectors vectors);

	}

	/** A write waiting for a commit. */
	private record Pending(long seq, CompletableFuture<Void> future) {
	}

	/**
	 * A write's position: searches see it once the reopen thread of the index it went to
	 * reached {@code seq}.
	 */
	record Generation(OpenIndex of, long seq) {
	}

	@FunctionalInterface
	private interface IndexStep {

		Generation run() throws IOException;

	}

	@FunctionalInterface
	interface SearcherWork<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	@FunctionalInterface
	private interface IndexWork {

		/**
		 * @return the sequence number of the work's last change
		 */
		long run(IndexWriter writer) throws IOException;

	}

	/** An open index: directory, writer, near-real-time searchers, reopen thread. */
	record OpenIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers,
			ControlledRealTimeReopenThread<IndexSearcher> reopener) {

		static OpenIndex open(Path path, SearchProperties settings) throws IOException {
			Directory directory = FSDirectory.open(path);
			IndexWriter writer = new IndexWriter(directory, writerConfig());
			SearcherManager searchers = new SearcherManager(writer, null);
			ControlledRealTimeReopenThread<IndexSearcher> reopener = new ControlledRealTimeReopenThread<>(writer,
					searchers, settings.reopenMaxStale().toNanos() / 1e9, settings.reopenMinStale().toNanos() / 1e9);
			reopener.setName("lucene-reopen");
			reopener.setDaemon(true);
			reopener.start();
			return new OpenIndex(path, directory, writer, searchers, reopener);
		}

		/** Reverse order of opening. */
		void close() throws IOException {
			this.reopener.close();
			this.searchers.close();
			try {
				if (this.writer.isOpen()) {
					this.writer.close();
				}
			}
			finally {
				this.directory.close();
			}
		}

	}

}
