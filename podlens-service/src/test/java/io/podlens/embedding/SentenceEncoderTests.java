package io.podlens.embedding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped model as the worker and searches use it: unit vectors of the model's width,
 * one script for Chinese, the same vector alone and in a padded batch, and nearness that
 * follows meaning across Chinese and English. A missing or broken model fails to load
 * with a message that names it.
 */
class SentenceEncoderTests {

	private static final Path NATIVE = Path.of("target", "test-native");

	private static SentenceEncoder encoder;

	@TempDir
	Path temp;

	@BeforeAll
	static void load() {
		encoder = SentenceEncoder.load(EmbeddingModelChoice.BGE_SMALL_ZH, null, NATIVE, 1, 256, true);
	}

	@AfterAll
	static void close() {
		encoder.close();
	}

	@Test
	void vectorsHaveTheModelsWidthAndUnitLength() {
		assertThat(encoder.dimensions()).isEqualTo(512);
		float[] vector = embed("GPT-4o 是原生的多模態模型");
		assertThat(vector).hasSize(512);
		assertThat(dot(vector, vector)).isCloseTo(1f, within(1e-4f));
	}

	@Test
	void traditionalAndSimplifiedAndCaseEmbedAlike() {
		assertThat(encoder.passageText("多模態模型的訓練資料 GPT")).isEqualTo(encoder.passageText("多模态模型的训练资料 gpt"));
		assertThat(dot(embed("多模態模型的訓練資料"), embed("多模态模型的训练资料"))).isCloseTo(1f, within(1e-5f));
	}

	/**
	 * Padding is masked out; what remains is the int8 model's dynamic quantization, whose
	 * scales depend on the whole batch (hence a cosine just below 1).
	 */
	@Test
	void aTextInAPaddedBatchGetsItsOwnVector() {
		String shortText = encoder.passageText("開源模型");
		String longText = encoder.passageText("開源大模型和閉源大模型之間的差距，從訓練資料到算力投入，大家的看法很不一樣");
		float[][] batch = encoder.embedPrepared(List.of(shortText, longText));
		assertThat(dot(batch[0], encoder.embedPrepared(List.of(shortText))[0])).isGreaterThan(0.98f);
		assertThat(dot(batch[1], encoder.embedPrepared(List.of(longText))[0])).isGreaterThan(0.98f);
		assertThat(dot(batch[0], batch[1])).isLessThan(0.95f);
	}

	@Test
	void nearnessFollowsMeaningAcrossLanguages() {
		float[] question = encoder.embedQuery("開源大模型能追上閉源大模型嗎");
		float[] answer = embed("他认为闭源的大模型现在是遥遥领先的，开源大模型是赶不上的");
		float[] unrelated = embed("今天天气很好，我们去公园散步，顺便买了一些水果");
		assertThat(dot(question, answer)).isGreaterThan(dot(question, unrelated) + 0.1f);
		float[] english = encoder.embedQuery("Can open-source models catch up with closed-source ones?");
		assertThat(dot(english, answer)).isGreaterThan(dot(english, unrelated));
	}

	@Test
	void aMissingModelFileFailsWithItsPath() {
		Path dir = this.temp.resolve("model");
		assertThatThrownBy(() -> SentenceEncoder.load(EmbeddingModelChoice.BGE_SMALL_ZH, dir, NATIVE, 1, 256, true))
			.isInstanceOf(EmbeddingModelException.class)
			.hasMessageContaining(dir.resolve("model.onnx").toString())
			.hasMessageContaining("missing")
			.satisfies((ex) -> assertThat(((EmbeddingModelException) ex).action())
				.contains("podlens.embedding.model-dir"));
	}

	@Test
	void aBrokenModelFileFailsAtLoading() throws Exception {
		Path dir = Files.createDirectories(this.temp.resolve("broken"));
		Files.write(dir.resolve("model.onnx"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
		Files.writeString(dir.resolve("tokenizer.json"), "{}");
		assertThatThrownBy(() -> SentenceEncoder.load(EmbeddingModelChoice.BGE_SMALL_ZH, dir, NATIVE, 1, 256, true))
			.isInstanceOf(EmbeddingModelException.class)
			.hasMessageContaining("does not work")
			.hasMessageContaining(dir.toString());
	}

	private static float[] embed(String text) {
		return encoder.embedPrepared(List.of(encoder.passageText(text)))[0];
	}

	private static float dot(float[] a, float[] b) {
		float sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
