package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The tokens of one segment's text, analysed once: they are indexed in the segment's own
 * {@code text} field and again in the {@code context} of the segments before it, so a
 * segment's text is never analysed twice however many contexts it belongs to.
 */
final class AnalysedText {

	/** The terms in UTF-8, as the index writer takes them. */
	private final byte[] bytes;

	/**
	 * Per token: start in {@link #bytes}, length, position increment, offsets, unigram.
	 */
	private final int[] termStarts;

	private final int[] termLengths;

	private final int[] increments;

	private final int[] startOffsets;

	private final int[] endOffsets;

	private final boolean[] unigrams;

	private final int size;

	private final int length;

	private AnalysedText(byte[] bytes, int[] termStarts, int[] termLengths, int[] increments, int[] startOffsets,
			int[] endOffsets, boolean[] unigrams, int size, int length) {
		this.bytes = bytes;
		this.termStarts = termStarts;
		this.termLengths = termLengths;
		this.increments = increments;
		this.startOffsets = startOffsets;
		this.endOffsets = endOffsets;
		this.unigrams = unigrams;
		this.size = size;
		this.length = length;
	}

	static AnalysedText of(Analyzer analyzer, String field, String text) {
		byte[] bytes = new byte[Math.max(16, text.length() * 6)];
		int capacity = Math.max(8, text.length());
		int[] termStarts = new int[capacity];
		int[] termLengths = new int[capacity];
		int[] increments = new int[capacity];
		int[] startOffsets = new int[capacity];
		int[] endOffsets = new int[capacity];
		boolean[] unigrams = new boolean[capacity];
		int size = 0;
		int used = 0;
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			TypeAttribute type = stream.addAttribute(TypeAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				if (size == termStarts.length) {
					int grown = size * 2;
					termStarts = Arrays.copyOf(termStarts, grown);
					termLengths = Arrays.copyOf(termLengths, grown);
					increments = Arrays.copyOf(increments, grown);
					startOffsets = Arrays.copyOf(startOffsets, grown);
					endOffsets = Arrays.copyOf(endOffsets, grown);
					unigrams = Arrays.copyOf(unigrams, grown);
				}
				int most = term.length() * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR;
				if (used + most > bytes.length) {
					bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + most));
				}
				int length = UnicodeUtil.UTF16toUTF8(term, 0, term.length(), bytes, used) - used;
				termStarts[size] = used;
				termLengths[size] = length;
				increments[size] = increment.getPositionIncrement();
				startOffsets[size] = offset.startOffset();
				endOffsets[size] = offset.endOffset();
				unigrams[size] = CJKBigramFilter.SINGLE_TYPE.equals(type.type());
				used += length;
				size++;
			}
			stream.end();
			return new AnalysedText(bytes, termStarts, termLengths, increments, startOffsets, endOffsets, unigrams,
					size, offset.endOffset());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every token with its offsets: the segment's own {@code text} field. */
	TokenStream tokens() {
		return new Replay(List.of(this), true);
	}

	/**
	 * The tokens of several texts in a row without the Chinese unigrams (the query side
	 * of a context has bigrams only): a segment's {@code context} field, indexed without
	 * positions or offsets (the replay keeps both valid all the same).
	 */
	static TokenStream context(List<AnalysedText> texts) {
		return new Replay(texts, false);
	}

	/** Plays recorded tokens back to the index writer. */
	private static final class Replay extends TokenStream {

		private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);

		private final BytesRef value = new BytesRef();

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

		private final List<AnalysedText> texts;

		private final boolean withUnigrams;

		private int text;

		private int token;

		/** Offset of the current text in the concatenation, for valid offsets. */
		private int base;

		/** Increments of skipped tokens, carried to the next one emitted. */
		private int carried;

		private boolean emitted;

		Replay(List<AnalysedText> texts, boolean withUnigrams) {
			this.texts = texts;
			this.withUnigrams = withUnigrams;
		}

		@Override
		public boolean incrementToken() {
			while (this.text < this.texts.size()) {
				AnalysedText current = this.texts.get(this.text);
				while (this.token < current.size) {
					int i = this.token++;
					if (!this.withUnigrams && current.unigrams[i]) {
						this.carried += current.increments[i];
						continue;
					}
					clearAttributes();
					this.value.bytes = current.bytes;
					this.value.offset = current.termStarts[i];
					this.value.length = current.termLengths[i];
					this.term.setBytesRef(this.value);
					int increment = current.increments[i] + this.carried;
					this.carried = 0;
					// Only the first token may not stack on a position before it.
					this.increment.setPositionIncrement(this.emitted ? increment : Math.max(1, increment));
					this.emitted = true;
					this.offset.setOffset(this.base + current.startOffsets[i], this.base + current.endOffsets[i]);
					return true;
				}
				this.base += current.length + 1;
				this.text++;
				this.token = 0;
			}
			return false;
		}

		@Override
		public void end() throws IOException {
			super.end();
			int end = Math.max(0, this.base - 1);
			this.offset.setOffset(end, end);
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.text = 0;
			this.token = 0;
			this.base = 0;
			this.carried = 0;
			this.emitted = false;
		}

	}

}
