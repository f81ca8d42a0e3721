package io.podlens.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainQueryTests {

	@ParameterizedTest
	@ValueSource(strings = { "model gemini", "how do they keep inference cheap?", "多模態模型的訓練資料從哪裡來？", "gpt-4v",
			"GPT-4o是原生的多模態模型", "Meta's model", "wow!", "a+b", "c-3po", "and or not" })
	void wordsAndQuestionsArePlain(String q) {
		assertThat(PlainQuery.isPlain(q)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"project astra\"", "model AND gemini", "a OR b", "NOT x", "-ads", "+model gemini",
			"transf*", "te?t", "?odel", "(a b)", "speaker:x", "model^2", "model~", "a && b", "a || b", "a\\:b",
			"/regex/", "[a TO b]", "!x" })
	void anyQuerySyntaxMakesTheQueryBoolean(String q) {
		assertThat(PlainQuery.isPlain(q)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "多模態模型的訓練資料從哪裡來 | 多模態,模型,訓練,資料", "多模态模型的训练资料从哪里来？ | 多模态,模型,训练,资料",
					"how do they keep inference cheap? | inference,cheap", "GPT-4o是原生的多模態模型 | GPT-4o,原生,多模態,模型",
					"大模型 | 大模型", "輝達的晶片 | 輝達,晶片", "變色龍 | 變色龍", "深度求索 | 深度,求索", "Model model MODELS | Model,MODELS",
					"how do they | how,do,they", "他們怎麼賺錢 | 賺錢" })
	void contentWordsAreTheWordsThatRank(String q, String words) {
		assertThat(PlainQuery.of(q).contentWords()).containsExactly(words.split(","));
	}

	@org.junit.jupiter.api.Test
	void aPastedParagraphRanksByItsFirstWords() {
		String q = String.join(" ", java.util.stream.IntStream.range(0, 100).mapToObj((i) -> "word" + i).toList());
		assertThat(PlainQuery.of(q).contentWords()).hasSize(PlainQuery.MAX_WORDS).startsWith("word0");
	}

}
