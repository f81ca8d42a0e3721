package io.podlens.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.StoredSegment;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Analyses a few sample segments into a throw-away in-memory index once the service is
 * up, on a low-priority background thread, for at most {@code podlens.search.warm-up}.
 * The first analysis loads ICU's dictionaries and the script and sound tables (about a
 * second), and the first thousands of documents run before the JIT compiled the analysis
 * code: without this the first import after a start is several times slower than the next
 * ones. Start-up itself does not wait for it.
 */
@Component
@ConditionalOnProperty(name = SearchBackend.PROPERTY, havingValue = "lucene", matchIfMissing = true)
class AnalysisWarmUp {

	private static final Logger log = LoggerFactory.getLogger(AnalysisWarmUp.class);

	/**
	 * Enough documents for the JIT to compile the analysis chain; the time bound cuts it
	 * short.
	 */
	static final int MAX_DOCUMENTS = 20_000;

	private final Duration budget;

	private final Duration contextWindow;

	AnalysisWarmUp(SearchProperties settings) {
		this.budget = settings.warmUp();
		this.contextWindow = settings.contextWindow();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.budget.isZero()) {
			return;
		}
		Thread thread = new Thread(() -> run(this.budget, this.contextWindow), "index-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	/**
	 * Indexes the sample, episode after episode, until the budget or
	 * {@link #MAX_DOCUMENTS} is used up.
	 * @return the number of documents analysed
	 */
	static int run(Duration budget, Duration contextWindow) {
		long started = System.nanoTime();
		long deadline = started + budget.toNanos();
		List<String> lines = sample();
		int documents = 0;
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
				IndexWriter writer = new IndexWriter(directory, LuceneIndex.writerConfig())) {
			SegmentDocuments.Builder builder = new SegmentDocuments.Builder();
			for (long episode = 1; documents < MAX_DOCUMENTS && System.nanoTime() < deadline; episode++) {
				for (Passages.Passage passage : Passages.of(episode(episode, lines), contextWindow.toMillis())) {
					writer.addDocument(builder.build(passage, SegmentTopics.NONE));
					documents++;
				}
			}
			writer.rollback();
		}
		catch (IOException | RuntimeException ex) {
			// Only speed is at stake: the real index reports its own failures.
			log.warn("Warming up the analysis failed", ex);
		}
		log.debug("Analysis warmed up with {} documents in {} ms", documents,
				(System.nanoTime() - started) / 1_000_000);
		return documents;
	}

	/** The sample as the segments of one episode, five seconds each. */
	private static List<StoredSegment> episode(long id, List<String> lines) {
		List<StoredSegment> segments = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			segments.add(new StoredSegment(id * lines.size() + i, id, "warm-up", "warm-up", "zh-Hant", i, i * 5000L,
					i * 5000L + 4800, null, lines.get(i)));
		}
		return segments;
	}

	static List<String> sample() {
		try (InputStream in = AnalysisWarmUp.class.getResourceAsStream("warm-up.txt")) {
			if (in == null) {
				throw new IllegalStateException("warm-up.txt is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
