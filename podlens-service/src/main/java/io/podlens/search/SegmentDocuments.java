package io.podlens.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

import io.podlens.episode.StoredSegment;
import io.podlens.text.lucene.PodlensAnalyzer;

/** Maps a segment to its Lucene document (one per segment, keyed by segment id). */
final class SegmentDocuments {

	static final String SEGMENT_ID = "segmentId";

	static final String EPISODE_ID = "episodeId";

	static final String EPISODE_TITLE = "episodeTitle";

	static final String PODCAST = "podcast";

	static final String LANGUAGE = "language";

	static final String INDEX = "index";

	static final String START_MS = "startMs";

	static final String END_MS = "endMs";

	static final String SPEAKER = "speaker";

	static final String TEXT = "text";

	/**
	 * The text of the segments that follow the segment within the context window (see
	 * {@link Passages}), kept lean: Chinese as bigrams only, frequencies without
	 * positions (a word of several tokens matches where all of them are in the context),
	 * no offsets, not stored (snippets read the following segments' stored texts).
	 */
	static final String CONTEXT = "context";

	/** How many following segments {@link #CONTEXT} holds (stored, absent when none). */
	static final String CONTEXT_SEGMENTS = "contextSegments";

	/**
	 * How the text sounds, for sounds-like search (see
	 * {@link io.podlens.text.lucene.SoundAnalyzer}).
	 */
	static final String SOUND = "sound";

	/** Whole words of the text, for keyword statistics (document frequency only). */
	static final String WORDS = "words";

	/**
	 * Ids of the topics the segment mentions (one term each), for {@code topic=} filters
	 * and the alias tier.
	 */
	static final String TOPIC = "topic";

	/**
	 * Per mentioned topic its id and how often the segment mentions it (doc values, see
	 * {@link #topicMention}), for counting mentions from the index.
	 */
	static final String TOPIC_MENTIONS = "topicMentions";

	/**
	 * Prefix of the vector fields, one per embedding model ({@link #vectorField}); HNSW,
	 * scalar-quantized (see {@link LuceneIndex#writerConfig()}).
	 */
	static final String VECTOR_PREFIX = "vector.";

	/**
	 * Unit-length embeddings compared by dot product (their cosine), which Lucene scores
	 * as {@code (1 + cosine) / 2}.
	 */
	static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

	/** Between a topic id and its count in {@link #TOPIC_MENTIONS}; never in an id. */
	private static final char COUNT_SEPARATOR = '\u001f';

	/**
	 * Offsets in the postings let the UnifiedHighlighter mark matches without
	 * re-analysis.
	 */
	private static final FieldType TEXT_TYPE;

	private static final FieldType CONTEXT_TYPE;

	private static final FieldType WORDS_TYPE;

	private static final FieldType SOUND_TYPE;

	/**
	 * The text's analysis, run here once per segment rather than by the writer (see
	 * {@link AnalysedText}).
	 */
	private static final Analyzer TEXT_ANALYZER = PodlensAnalyzer.forIndexing();

	static {
		// Stored separately: a field given as tokens cannot be stored.
		TEXT_TYPE = new FieldType(TextField.TYPE_NOT_STORED);
		TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		TEXT_TYPE.freeze();
		CONTEXT_TYPE = new FieldType(TextField.TYPE_NOT_STORED);
		CONTEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		CONTEXT_TYPE.freeze();
		SOUND_TYPE = new FieldType();
		SOUND_TYPE.setTokenized(true);
		SOUND_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
		SOUND_TYPE.setOmitNorms(true);
		SOUND_TYPE.freeze();
		WORDS_TYPE = new FieldType();
		WORDS_TYPE.setTokenized(true);
		WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
		WORDS_TYPE.setOmitNorms(true);
		WORDS_TYPE.freeze();
	}

	private SegmentDocuments() {
	}

	static Term key(long segmentId) {
		return new Term(SEGMENT_ID, Long.toString(segmentId));
	}

	/** The vector field of an embedding model's vectors. */
	static String vectorField(String modelId) {
		return VECTOR_PREFIX + modelId;
	}

	/** The cosine similarity behind a vector query's score. */
	static float cosine(float score) {
		return 2 * score - 1;
	}

	/**
	 * Builds the documents of passages in episode order on one thread. Each segment's
	 * text is analysed once, for its own document and the contexts of the segments before
	 * it; the analysis is kept only until the segment's own document is built.
	 */
	static final class Builder {

		private final Map<Long, AnalysedText> analysed = new HashMap<>();

		private final boolean statistics;

		private final boolean sound;

		/** The documents of the index: every field. */
		Builder() {
			this(true, true);
		}

		/**
		 * @param statistics whether to add the fields that only statistics and counts
		 * read ({@link #WORDS}, {@link #TOPIC_MENTIONS}), not matching
		 * @param sound whether to add {@link #SOUND}, which only sounds-like queries
		 * match
		 */
		Builder(boolean statistics, boolean sound) {
			this.statistics = statistics;
			this.sound = sound;
		}

		/** The document of a segment with its context and the topics it mentions. */
		Document build(Passages.Passage passage, SegmentTopics topics) {
			return build(passage, topics, SegmentVectors.NONE);
		}

		/**
		 * The document of a segment with its context, the topics it mentions and its
		 * embedding, when it has one.
		 * @param topics mention counts by topic id of the segments being written
		 * @param vectors embeddings of the segments being written
		 */
		Document build(Passages.Passage passage, SegmentTopics topics, SegmentVectors vectors) {
			StoredSegment segment = passage.segment();
			AnalysedText own = analysed(segment);
			List<AnalysedText> context = new ArrayList<>(passage.following().size());
			for (StoredSegment following : passage.following()) {
				context.add(analysed(following));
			}
			this.analysed.remove(segment.segmentId());
			Document doc = new Document();
			doc.add(new StringField(SEGMENT_ID, Long.toString(segment.segmentId()), Field.Store.YES));
			addLong(doc, EPISODE_ID, segment.episodeId());
			doc.add(new StoredField(EPISODE_TITLE, segment.episodeTitle()));
			if (segment.podcast() != null) {
				doc.add(new StringField(PODCAST, segment.podcast(), Field.Store.YES));
			}
			if (segment.language() != null) {
				doc.add(new StringField(LANGUAGE, segment.language(), Field.Store.YES));
			}
			// A point, so that snippets can find the segments of a context.
			doc.add(new IntPoint(INDEX, segment.index()));
			doc.add(new StoredField(INDEX, segment.index()));
			addLong(doc, START_MS, segment.startMs());
			addLong(doc, END_MS, segment.endMs());
			if (segment.speaker() != null) {
				doc.add(new StringField(SPEAKER, segment.speaker(), Field.Store.YES));
			}
			doc.add(new StoredField(TEXT, segment.text()));
			doc.add(new Field(TEXT, own.tokens(), TEXT_TYPE));
			if (!context.isEmpty()) {
				doc.add(new Field(CONTEXT, AnalysedText.context(context), CONTEXT_TYPE));
				doc.add(new StoredField(CONTEXT_SEGMENTS, context.size()));
			}
			if (this.statistics) {
				doc.add(new Field(WORDS, segment.text(), WORDS_TYPE));
			}
			if (this.sound) {
				doc.add(new Field(SOUND, segment.text(), SOUND_TYPE));
			}
			topics.of(segment.segmentId()).forEach((topicId, count) -> {
				doc.add(new StringField(TOPIC, topicId, Field.Store.NO));
				if (this.statistics) {
					doc.add(new SortedSetDocValuesField(TOPIC_MENTIONS, topicMention(topicId, count)));
				}
			});
			float[] vector = vectors.of(segment.segmentId());
			if (vector != null) {
				doc.add(new KnnFloatVectorField(vectors.field(), vector, SIMILARITY));
			}
			return doc;
		}

		private AnalysedText analysed(StoredSegment segment) {
			return this.analysed.computeIfAbsent(segment.segmentId(),
					(id) -> AnalysedText.of(TEXT_ANALYZER, TEXT, segment.text()));
		}

	}

	/**
	 * Builds a hit from a stored document; the snippet and score come from the search.
	 */
	static SearchHit toHit(Document doc, String snippet, float score, String matchedBy) {
		return new SearchHit(doc.getField(EPISODE_ID).numericValue().longValue(), doc.get(EPISODE_TITLE),
				doc.getField(INDEX).numericValue().intValue(), doc.getField(START_MS).numericValue().longValue(),
				doc.getField(END_MS).numericValue().longValue(), doc.get(SPEAKER), doc.get(TEXT), snippet, score,
				matchedBy, Snippets.markedTerms(snippet));
	}

	static BytesRef topicMention(String topicId, int count) {
		return new BytesRef(topicId + COUNT_SEPARATOR + count);
	}

	/** The topic id of a {@link #TOPIC_MENTIONS} value. */
	static String topicOf(BytesRef topicMention) {
		String value = topicMention.utf8ToString();
		return value.substring(0, value.lastIndexOf(COUNT_SEPARATOR));
	}

	/** The mention count of a {@link #TOPIC_MENTIONS} value. */
	static int countOf(BytesRef topicMention) {
		String value = topicMention.utf8ToString();
		return Integer.parseInt(value.substring(value.lastIndexOf(COUNT_SEPARATOR) + 1));
	}

	// Point for range/exact filters, doc values for sorting, stored for display.
	private static void addLong(Document doc, String name, long value) {
		doc.add(new LongPoint(name, value));
		doc.add(new NumericDocValuesField(name, value));
		doc.add(new StoredField(name, value));
	}

	/** The document of one segment, by its episode and position. */
	static Query segment(long episodeId, int segmentIndex) {
		return new BooleanQuery.Builder().add(LongPoint.newExactQuery(EPISODE_ID, episodeId), Occur.FILTER)
			.add(IntPoint.newExactQuery(INDEX, segmentIndex), Occur.FILTER)
			.build();
	}

}
