package io.podlens.embedding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One loaded embedding model: its encoder and how texts are prepared for it (passages as
 * they are, queries with BGE's retrieval instruction, both normalised by
 * {@link EmbeddingModelChoice#normalise}).
 */
final class SentenceEncoder implements AutoCloseable {

	/** The files a model directory ({@code podlens.embedding.model-dir}) holds. */
	static final String MODEL_FILE = "model.onnx";

	static final String TOKENIZER_FILE = "tokenizer.json";

	private final EmbeddingModelChoice model;

	private final OnnxEncoder encoder;

	private final boolean queryInstruction;

	private SentenceEncoder(EmbeddingModelChoice model, OnnxEncoder encoder, boolean queryInstruction) {
		this.model = model;
		this.encoder = encoder;
		this.queryInstruction = queryInstruction;
	}

	/**
	 * Loads the model from its jar, or from {@code modelDir} when given (a directory with
	 * {@value #MODEL_FILE} and {@value #TOKENIZER_FILE} of the same architecture).
	 * @param nativeDir where the native libraries are unpacked
	 * @throws EmbeddingModelException when the model is missing or does not work
	 */
	static SentenceEncoder load(EmbeddingModelChoice model, @Nullable Path modelDir, Path nativeDir, int threads,
			int maxTokens, boolean queryInstruction) {
		try {
			NativeLibraries.prepare(nativeDir);
		}
		catch (RuntimeException ex) {
			throw new EmbeddingModelException(
					"The native libraries of the embedding model cannot be unpacked: " + ex.getMessage(),
					"Make " + nativeDir + " writable (podlens.embedding.native-dir, by default below podlens.data-dir)"
							+ ", or disable semantic search with podlens.embedding.enabled=false.",
					ex);
		}
		String where = (modelDir != null) ? modelDir.toString() : "the class path (the jar of " + model.id() + ")";
		byte[] onnx = read(model, modelDir, MODEL_FILE, model.modelResource(), where);
		byte[] tokenizer = read(model, modelDir, TOKENIZER_FILE, model.tokenizerResource(), where);
		try {
			OnnxEncoder encoder = new OnnxEncoder(onnx, new ByteArrayInputStream(tokenizer), threads, maxTokens);
			return new SentenceEncoder(model, encoder, queryInstruction);
		}
		catch (Exception | UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError ex) {
			throw new EmbeddingModelException(
					"The embedding model " + model.id() + " from " + where + " does not work: " + describe(ex),
					"Check podlens.embedding.model and podlens.embedding.model-dir (a directory with " + MODEL_FILE
							+ " and " + TOKENIZER_FILE + " of a BERT encoder), or disable semantic search with "
							+ "podlens.embedding.enabled=false.",
					ex);
		}
	}

	private static byte[] read(EmbeddingModelChoice model, @Nullable Path modelDir, String file, String resource,
			String where) {
		try {
			if (modelDir != null) {
				Path path = modelDir.resolve(file);
				if (!Files.isRegularFile(path)) {
					throw new EmbeddingModelException("The embedding model file " + path + " is missing",
							"Put " + MODEL_FILE + " and " + TOKENIZER_FILE + " into " + modelDir
									+ ", or unset podlens.embedding.model-dir to use the model in the jar.");
				}
				return Files.readAllBytes(path);
			}
			try (InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new EmbeddingModelException(
							"The embedding model " + model.id() + " is not on the class path (" + resource
									+ " is missing)",
							"Build the jar with its dependency dev.langchain4j:langchain4j-embeddings-"
									+ model.id().replace("-v1.5-q", "-v15-q")
									+ ", choose another podlens.embedding.model, or set podlens.embedding.enabled=false.");
				}
				return in.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new EmbeddingModelException(
					"The embedding model cannot be read from " + where + ": " + ex.getMessage(),
					"Check that the file is readable.", ex);
		}
	}

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (message.length() > 300) ? message.substring(0, 300) + "…" : message;
	}

	EmbeddingModelChoice model() {
		return this.model;
	}

	int dimensions() {
		return this.encoder.dimensions();
	}

	/** The text of a passage as the model reads it; identical texts embed alike. */
	String passageText(String text) {
		return this.model.normalise(text);
	}

	/** Vectors of texts already prepared with {@link #passageText}. */
	float[][] embedPrepared(List<String> prepared) {
		return this.encoder.embed(prepared);
	}

	float[] embedQuery(String query) {
		String text = this.model.normalise(query);
		return this.encoder.embed(List.of(this.queryInstruction ? this.model.queryInstruction() + text : text))[0];
	}

	@Override
	public void close() {
		this.encoder.close();
	}

}
