package io.podlens.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.FSDirectory;

import io.podlens.episode.StoredSegment;

/**
 * A focused measure of what the context field costs to index: the seed and the shared
 * corpus through {@link BenchLucene#indexRaw} (the service's document mapping, one
 * thread, one commit) with and without contexts, and through the document mapping before
 * contexts (schema 4: the writer analysed the stored text field itself), alternated,
 * median CPU time of the indexing thread over several rounds (merges run on Lucene's own
 * threads and are not counted). Not a test (no {@code Tests} suffix); run with the test
 * class path: {@code java -cp ... io.podlens.search.ContextCost [rounds]}.
 */
public final class ContextCost {

	private ContextCost() {
	}

	public static void main(String[] args) throws IOException {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		List<StoredSegment> segments = new ArrayList<>();
		SharedTranscripts.all().forEach(segments::addAll);
		long chars = segments.stream().mapToLong((s) -> s.text().length()).sum();
		System.out.printf("%d segments, %d characters, %d episodes%n", segments.size(), chars,
				segments.stream().mapToLong(StoredSegment::episodeId).distinct().count());
		// null: the mapping before contexts
		Duration[] windows = { null, Duration.ZERO, SearchSettings.defaults().contextWindow() };
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[][] cpuNanos = new long[windows.length][rounds];
		long[] bytes = new long[windows.length];
		// Two rounds of warm-up for the JIT, not counted.
		for (int round = -2; round < rounds; round++) {
			for (int w = 0; w < windows.length; w++) {
				Path dir = Files.createTempDirectory("context-cost");
				long cpuBefore = threads.getCurrentThreadCpuTime();
				if (windows[w] == null) {
					indexBefore(dir, segments);
				}
				else {
					BenchLucene.indexRaw(dir, segments.iterator(), windows[w]);
				}
				long took = threads.getCurrentThreadCpuTime() - cpuBefore;
				if (round >= 0) {
					cpuNanos[w][round] = took;
					bytes[w] = size(dir);
				}
				try (FSDirectory directory = FSDirectory.open(dir);
						DirectoryReader reader = DirectoryReader.open(directory)) {
					if (reader.numDocs() != segments.size()) {
						throw new IllegalStateException("indexed " + reader.numDocs());
					}
				}
				IndexDirectories.delete(dir);
			}
		}
		for (int w = 0; w < windows.length; w++) {
			long[] sorted = cpuNanos[w].clone();
			Arrays.sort(sorted);
			double ms = sorted[rounds / 2] / 1e6;
			System.out.printf("%-22s CPU median %8.1f ms  (%6.0f segments/s), min %8.1f ms, index %6.1f MB%n",
					(windows[w] == null) ? "before (schema 4)" : "context window " + windows[w], ms,
					segments.size() / (ms / 1000), sorted[0] / 1e6, bytes[w] / 1e6);
		}
	}

	/** The documents as schema 4 built them, for comparison. */
	private static void indexBefore(Path dir, List<StoredSegment> segments) throws IOException {
		FieldType text = new FieldType(TextField.TYPE_STORED);
		text.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		text.freeze();
		FieldType sound = new FieldType();
		sound.setTokenized(true);
		sound.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
		sound.setOmitNorms(true);
		sound.freeze();
		FieldType words = new FieldType();
		words.setTokenized(true);
		words.setIndexOptions(IndexOptions.DOCS);
		words.setOmitNorms(true);
		words.freeze();
		IndexWriterConfig config = new IndexWriterConfig(LuceneIndex.analyzer());
		config.setOpenMode(OpenMode.CREATE);
		try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
			for (StoredSegment segment : segments) {
				Document doc = new Document();
				doc.add(new StringField(SegmentDocuments.SEGMENT_ID, Long.toString(segment.segmentId()),
						Field.Store.YES));
				addLong(doc, SegmentDocuments.EPISODE_ID, segment.episodeId());
				doc.add(new StoredField(SegmentDocuments.EPISODE_TITLE, segment.episodeTitle()));
				doc.add(new StringField(SegmentDocuments.PODCAST, segment.podcast(), Field.Store.YES));
				doc.add(new StringField(SegmentDocuments.LANGUAGE, segment.language(), Field.Store.YES));
				doc.add(new StoredField(SegmentDocuments.INDEX, segment.index()));
				addLong(doc, SegmentDocuments.START_MS, segment.startMs());
				addLong(doc, SegmentDocuments.END_MS, segment.endMs());
				doc.add(new Field(SegmentDocuments.TEXT, segment.text(), text));
				doc.add(new Field(SegmentDocuments.WORDS, segment.text(), words));
				doc.add(new Field(SegmentDocuments.SOUND, segment.text(), sound));
				writer.addDocument(doc);
			}
			writer.commit();
		}
	}

	private static void addLong(Document doc, String name, long value) {
		doc.add(new LongPoint(name, value));
		doc.add(new NumericDocValuesField(name, value));
		doc.add(new StoredField(name, value));
	}

	private static long size(Path dir) throws IOException {
		try (var files = Files.list(dir)) {
			return files.mapToLong((f) -> f.toFile().length()).sum();
		}
	}

}
