package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

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

	static final String SCHEMA_VERSION = "2";

	private final Directory directory;

	private final SearcherManager searchers;

	private final ScheduledExecutorService refresher;

	private final ReentrantLock writeLock = new ReentrantLock();

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
		this.refresher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lucene-refresh");
			thread.setDaemon(true);
			return thread;
		});
		this.refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
	}

	/** Adds or replaces segments by id, commits and refreshes. */
	void update(Collection<StoredSegment> segments) {
		write(() -> {
			for (StoredSegment segment : segments) {
				this.writer.updateDocument(SegmentDocuments.key(segment.segmentId()),
						SegmentDocuments.toDocument(segment));
				this.maxSegmentId = Math.max(this.maxSegmentId, segment.segmentId());
			}
		});
	}

	void deleteEpisode(long episodeId) {
		write(() -> this.writer.deleteDocuments(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)));
	}

	/**
	 * Replaces the whole index with what {@code feed} hands to its sink, batch by batch,
	 * in one commit. On failure the index is rolled back to its last commit.
	 * @return the number of segments indexed
	 */
	long replaceAll(Consumer<Consumer<List<StoredSegment>>> feed) {
		long[] count = new long[1];
		write(() -> {
			this.writer.deleteAll();
			this.maxSegmentId = 0;
			feed.accept((batch) -> {
				try {
					for (StoredSegment segment : batch) {
						this.writer.addDocument(SegmentDocuments.toDocument(segment));
						this.maxSegmentId = Math.max(this.maxSegmentId, segment.segmentId());
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				count[0] += batch.size();
			});
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
		IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(PodlensAnalyzer.forIndexing(),
				Map.of(SegmentDocuments.WORDS, new WordAnalyzer())));
		config.setOpenMode(OpenMode.CREATE_OR_APPEND);
		return new IndexWriter(this.directory, config);
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

}
