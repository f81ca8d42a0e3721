package io.podlens.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the model reads of a query string: words, no syntax, no excluded words. */
class SemanticTextTests {

	@Test
	void syntaxGoesAndWordsStay() {
		assertThat(SemanticText.of("\"Project Astra\" AND (gemini OR gpt-4o) transf*"))
			.isEqualTo("Project Astra gemini gpt-4o transf");
		assertThat(SemanticText.of("how do they keep inference cheap?")).isEqualTo("how do they keep inference cheap");
		assertThat(SemanticText.of("多模態模型的訓練資料從哪裡來")).isEqualTo("多模態模型的訓練資料從哪裡來");
		assertThat(SemanticText.of("+required speaker\\:x")).isEqualTo("required speaker:x");
	}

	@Test
	void excludedWordsGo() {
		assertThat(SemanticText.of("open models -llama NOT mistral !qwen")).isEqualTo("open models");
		assertThat(SemanticText.of("-ads")).isEmpty();
	}

}
