package io.podlens.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A BERT-style encoder in ONNX Runtime with its Hugging Face tokenizer: texts in, one
 * unit-length vector each (the first token's hidden state, as BGE models are pooled).
 * Texts of one call run as one padded batch, so that short segments share the work of a
 * model run; longer texts are truncated to {@code maxTokens}. Thread-safe (ONNX Runtime
 * sessions are); closing it releases the native session and tokenizer.
 */
final class OnnxEncoder implements AutoCloseable {

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	private final boolean typeIds;

	private final int dimensions;

	/**
	 * @param model the ONNX model
	 * @param tokenizer the tokenizer's {@code tokenizer.json}
	 * @param threads threads one model run may use
	 * @param maxTokens longest input in tokens, special tokens included
	 */
	OnnxEncoder(byte[] model, InputStream tokenizer, int threads, int maxTokens) throws OrtException, IOException {
		this.environment = OrtEnvironment.getEnvironment();
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(threads);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			this.session = this.environment.createSession(model, options);
		}
		try {
			this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "longest", "truncation",
					"true", "maxLength", Integer.toString(maxTokens), "addSpecialTokens", "true"));
			Set<String> inputs = this.session.getInputNames();
			if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
				throw new IllegalStateException(
						"the model takes " + inputs + ", not the input_ids and attention_mask of a BERT encoder");
			}
			this.typeIds = inputs.contains("token_type_ids");
			// A first run checks that the model works and tells its width.
			this.dimensions = embed(List.of("podlens"))[0].length;
		}
		catch (RuntimeException | IOException ex) {
			this.session.close();
			throw ex;
		}
	}

	int dimensions() {
		return this.dimensions;
	}

	/**
	 * One vector per text, in order; every vector has unit length.
	 * @throws IllegalStateException when the model fails or returns something else than
	 * finite hidden states
	 */
	float[][] embed(List<String> texts) {
		if (texts.isEmpty()) {
			return new float[0][];
		}
		Encoding[] encodings = this.tokenizer.batchEncode(texts);
		int batch = encodings.length;
		int length = encodings[0].getIds().length;
		long[] ids = new long[batch * length];
		long[] mask = new long[batch * length];
		long[] types = new long[batch * length];
		for (int i = 0; i < batch; i++) {
			System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
			System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
			System.arraycopy(encodings[i].getTypeIds(), 0, types, i * length, length);
		}
		long[] shape = { batch, length };
		try (OnnxTensor idTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ids), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(mask), shape);
				OnnxTensor typeTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(types), shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", idTensor);
			inputs.put("attention_mask", maskTensor);
			if (this.typeIds) {
				inputs.put("token_type_ids", typeTensor);
			}
			try (OrtSession.Result result = this.session.run(inputs)) {
				return firstTokens(result.get(0), batch, length);
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The embedding model failed: " + ex.getMessage(), ex);
		}
	}

	/** The hidden state of each text's first token ([CLS]), normalised. */
	private static float[][] firstTokens(OnnxValue output, int batch, int length) {
		if (!(output instanceof OnnxTensor tensor) || tensor.getInfo().getShape().length != 3) {
			throw new IllegalStateException(
					"The embedding model's first output is not a [batch, tokens, dimensions] tensor");
		}
		long[] outShape = tensor.getInfo().getShape();
		int dims = (int) outShape[2];
		if (outShape[0] != batch || outShape[1] != length || dims < 1) {
			throw new IllegalStateException(
					"The embedding model answered with shape " + java.util.Arrays.toString(outShape));
		}
		FloatBuffer values = tensor.getFloatBuffer();
		float[][] vectors = new float[batch][dims];
		for (int i = 0; i < batch; i++) {
			values.position(i * length * dims);
			values.get(vectors[i]);
			normalise(vectors[i]);
		}
		return vectors;
	}

	private static void normalise(float[] vector) {
		double sum = 0;
		for (float v : vector) {
			sum += v * v;
		}
		if (!(sum > 0) || Double.isInfinite(sum)) {
			throw new IllegalStateException("The embedding model produced a zero or non-finite vector");
		}
		float scale = (float) (1 / Math.sqrt(sum));
		for (int i = 0; i < vector.length; i++) {
			vector[i] *= scale;
		}
	}

	@Override
	public void close() {
		this.tokenizer.close();
		try {
			this.session.close();
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Closing the embedding model failed", ex);
		}
	}

}
