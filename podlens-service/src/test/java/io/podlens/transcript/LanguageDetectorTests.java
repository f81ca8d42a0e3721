package io.podlens.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTests {

	@Test
	void traditionalChineseWithEnglishTerms() {
		assertThat(LanguageDetector.detect(List.of("歡迎收聽這個節目,我們今天聊 Amazon Bedrock 跟 GPT-4o 的多模態模型", "變色龍")))
			.isEqualTo("zh-Hant");
	}

	@Test
	void simplifiedChinese() {
		assertThat(LanguageDetector.detect(List.of("欢迎收听这个节目,我们今天聊大模型的发展", "谢谢大家"))).isEqualTo("zh-Hans");
	}

	@Test
	void english() {
		assertThat(LanguageDetector.detect(List.of("Welcome to the show, today we talk about large language models.",
				"It is a lot of fun and you will like it.")))
			.isEqualTo("en");
	}

	@Test
	void undeterminedForOtherOrNoLetters() {
		assertThat(LanguageDetector.detect(List.of("Buenas, bienvenidas de vuelta, hoy hablamos de modelos grandes")))
			.isEqualTo("und");
		assertThat(LanguageDetector.detect(List.of("12:00 -- 42", ""))).isEqualTo("und");
		assertThat(LanguageDetector.detect(List.of())).isEqualTo("und");
	}

}
