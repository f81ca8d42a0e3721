package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.PodlensProperties;
import io.podlens.episode.StoredSegment;
import io.podlens.text.lucene.PodlensAnalyzer;
import io.podlens.text.lucene.SoundAnalyzer;
import io.podlens.text.lucene.WordAnalyzer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Owns the Lucene index at {@link PodlensProperties#indexDir()}: the directory, the one
 * writer and the searcher manager.
 * <p>
 * Searchers are opened on the latest <em>commit</em>, not on the writer, so searches only
 * ever see committed states: a rebuild (delete all, re-add, one commit) becomes visible
 * in one step and what is searchable is always what is durable. Every write commits and
 * then refreshes blocking, so callers see their change on return; a background task
 * refreshes once a second as a safety net. Writes are serialized by one lock.
 */
@Component
class LuceneIndex implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

	static final String MAX_SEGMENT_ID = "maxSegmentId";

	/** Bump when analysis or fields change: an index of another version gets rebuilt. */
	static final String SCHEMA = "schema";

	static final String SCHEMA_VERSION = "4";

	private final Directory directory;

	private final SearcherManager searchers;

	private final ScheduledExecutorService refresher;

	private final ReentrantLock writeLock = new ReentrantLock();

	/** Below this many documents an update is analysed on the calling thread. */
	static final int PARALLEL_CHUNK = 256;

	/** Threads that analyse documents for large writes (bulk imports, rebuilds). */
	private final int threads;

	private final ExecutorService indexing;

	private IndexWriter writer;

	private long maxSegmentId;

	LuceneIndex(PodlensProperties properties) throws IOException {
		Path dir = properties.indexDir();
		Files.createDirectories(dir);
		this.directory = FSDirectory.open(dir);
		this.writer = openWriter();
		this.maxSegmentId = committedMaxSegmentId();
		if (!DirectoryReader.indexExists(this.directory)) {
			commit();
		}
		this.searchers = new SearcherManager(this.directory, null);
		this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
		AtomicInteger indexingThreads = new AtomicInteger();
		this.indexing = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, "lucene-index-" + indexingThreads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.refresher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lucene-refresh");
			thread.setDaemon(true);
			return thread;
		});
		this.refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
	}

	/**
	 * Adds or replaces segments by id, with the topics they mention, commits and
	 * refreshes.
	 */
	void update(Collection<StoredSegment> segments, SegmentTopics topics) {
		write(() -> {
			List<StoredSegment> all = List.copyOf(segments);
			// Small updates (one episode) are not worth a hand-off.
			int chunk = Math.max(PARALLEL_CHUNK, (all.size() + this.threads - 1) / this.threads);
			Parallel parallel = new Parallel(all.size() <= PARALLEL_CHUNK);
			for (int from = 0; from < all.size(); from += chunk) {
				List<StoredSegment> part = all.subList(from, Math.min(all.size(), from + chunk));
				parallel.run(() -> {
					for (StoredSegment segment : part) {
						this.writer.updateDocument(SegmentDocuments.key(segment.segmentId()),
								SegmentDocuments.toDocument(segment, topics));
					}
				});
			}
			parallel.await();
			all.forEach((segment) -> this.maxSegmentId = Math.max(this.maxSegmentId, segment.segmentId()));
		});
	}

	void deleteEpisode(long episodeId) {
		write(() -> this.writer.deleteDocuments(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)));
	}

	/**
	 * Replaces the whole index with what {@code feed} hands to its sink, batch by batch
	 * (each with the topics its segments mention), in one commit. Batches are analysed on
	 * the indexing threads while the feed reads the next one. On failure the index is
	 * rolled back to its last commit.
	 * @return the number of segments indexed
	 */
	long replaceAll(Consumer<BiConsumer<List<StoredSegment>, SegmentTopics>> feed) {
		long[] count = new long[1];
		write(() -> {
			this.writer.deleteAll();
			this.maxSegmentId = 0;
			Parallel parallel = new Parallel();
			try {
				feed.accept((batch, topics) -> {
					List<StoredSegment> copy = List.copyOf(batch);
					parallel.run(() -> {
						for (StoredSegment segment : copy) {
							this.writer.addDocument(SegmentDocuments.toDocument(segment, topics));
						}
					});
					copy.forEach((segment) -> this.maxSegmentId = Math.max(this.maxSegmentId, segment.segmentId()));
					count[0] += copy.size();
				});
			}
			catch (RuntimeException ex) {
				// No document may still be in flight when the write rolls back.
				parallel.awaitQuietly();
				throw ex;
			}
			parallel.await();
		});
		return count[0];
	}

	/** Runs {@code work} with a current searcher, released afterwards. */
	<T> T search(SearcherWork<T> work) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Search failed", ex);
		}
	}

	/** Counts and commit data of what searchers currently see. */
	IndexStats stats() {
		return search((searcher) -> {
			Map<String, String> data = userData(searcher);
			return new IndexStats(searcher.getIndexReader().numDocs(),
					Long.parseLong(data.getOrDefault(MAX_SEGMENT_ID, "0")));
		});
	}

	/** Whether the index was written with the current analysis and fields. */
	boolean schemaCurrent() {
		return search((searcher) -> SCHEMA_VERSION.equals(userData(searcher).get(SCHEMA)));
	}

	@Override
	public void destroy() throws IOException {
		// Reverse order of opening: refresher, searchers, writer (commits), directory.
		this.refresher.shutdownNow();
		try {
			this.refresher.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.writeLock.lock();
		try {
			// No write is running (the lock), so no indexing task is either.
			this.indexing.shutdownNow();
			this.searchers.close();
			this.writer.close();
		}
		finally {
			this.writeLock.unlock();
			this.directory.close();
		}
	}

	private void write(IndexWork work) {
		this.writeLock.lock();
		try {
			work.run();
			commit();
		}
		catch (IOException | RuntimeException ex) {
			rollback();
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Index update failed", io);
			}
			throw (RuntimeException) ex;
		}
		finally {
			this.writeLock.unlock();
		}
		refresh();
	}

	private void commit() throws IOException {
		this.writer.setLiveCommitData(
				Map.of(MAX_SEGMENT_ID, Long.toString(this.maxSegmentId), SCHEMA, SCHEMA_VERSION).entrySet());
		this.writer.commit();
	}

	/** Drops uncommitted changes; rollback closes the writer, so open a new one. */
	private void rollback() {
		try {
			this.writer.rollback();
		}
		catch (IOException ex) {
			log.warn("Rolling back the index writer failed", ex);
		}
		try {
			this.writer = openWriter();
			this.maxSegmentId = committedMaxSegmentId();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reopening the index writer failed", ex);
		}
	}

	private void refresh() {
		try {
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Refreshing the index searcher failed", ex);
		}
	}

	private void refreshQuietly() {
		try {
			this.searchers.maybeRefresh();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Background index refresh failed", ex);
		}
	}

	private IndexWriter openWriter() throws IOException {
		IndexWriterConfig config = new IndexWriterConfig(analyzer());
		config.setOpenMode(OpenMode.CREATE_OR_APPEND);
		return new IndexWriter(this.directory, config);
	}

	/** The analysis of every indexed field (text, sound, words). */
	static Analyzer analyzer() {
		return new PerFieldAnalyzerWrapper(PodlensAnalyzer.forIndexing(),
				Map.of(SegmentDocuments.WORDS, new WordAnalyzer(), SegmentDocuments.SOUND, new SoundAnalyzer()));
	}

	private long committedMaxSegmentId() throws IOException {
		if (!DirectoryReader.indexExists(this.directory)) {
			return 0;
		}
		String value = SegmentInfos.readLatestCommit(this.directory).getUserData().get(MAX_SEGMENT_ID);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	private static Map<String, String> userData(IndexSearcher searcher) throws IOException {
		return ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData();
	}

	@FunctionalInterface
	interface SearcherWork<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	@FunctionalInterface
	private interface IndexWork {

		void run() throws IOException;

	}

	/**
	 * Work handed to the indexing threads by one write: IndexWriter analyses documents
	 * added from several threads in parallel. At most {@code threads} pieces are in
	 * flight; {@link #run} waits for a free slot, {@link #await} for all and rethrows the
	 * first failure so that the write rolls back.
	 */
	private final class Parallel {

		private final Semaphore slots = new Semaphore(LuceneIndex.this.threads);

		private final List<Future<?>> running = new ArrayList<>();

		private final boolean inline;

		Parallel() {
			this(false);
		}

		/**
		 * @param inline run every piece on the calling thread
		 */
		Parallel(boolean inline) {
			this.inline = inline;
		}

		void run(IndexWork work) {
			if (LuceneIndex.this.threads == 1 || this.inline) {
				call(work);
				return;
			}
			this.slots.acquireUninterruptibly();
			this.running.add(LuceneIndex.this.indexing.submit(() -> {
				try {
					call(work);
				}
				finally {
					this.slots.release();
				}
			}));
		}

		void awaitQuietly() {
			try {
				await();
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Indexing failed while the write was failing anyway", ex);
			}
		}

		void await() throws IOException {
			RuntimeException failure = null;
			for (Future<?> piece : this.running) {
				try {
					piece.get();
				}
				catch (ExecutionException ex) {
					if (failure == null) {
						failure = (ex.getCause() instanceof RuntimeException re) ? re
								: new IllegalStateException(ex.getCause());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("Interrupted while indexing", ex);
				}
			}
			if (failure != null) {
				if (failure instanceof UncheckedIOException io) {
					throw io.getCause();
				}
				throw failure;
			}
		}

		private static void call(IndexWork work) {
			try {
				work.run();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
