package io.podlens.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.podlens.common.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchModeTests {

	@ParameterizedTest(name = "{0} (soundsLike {1}, embeddings {2}) runs {3}")
	@CsvSource(delimiter = '|', nullValues = "-",
			value = { "how do they keep inference cheap? | false | true  | HYBRID",
					"多模態模型的訓練資料從哪裡來       | false | true  | HYBRID",
					"Chameleon                          | false | true  | HYBRID",
					"\"project astra\"                  | false | true  | KEYWORD",
					"model AND gemini                   | false | true  | KEYWORD",
					"model -laptop                      | false | true  | KEYWORD",
					"transf*                            | false | true  | KEYWORD",
					"Chameleon                          | true  | true  | KEYWORD",
					"-                                  | false | true  | KEYWORD",
					"how do they keep inference cheap?  | false | false | KEYWORD" })
	void autoIsHybridForWordsAndQuestionsWhenEmbeddingsAreOn(String q, boolean soundsLike, boolean embeddings,
			SearchMode expected) {
		assertThat(SearchMode.AUTO.resolve(q, soundsLike, embeddings)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "KEYWORD", "SEMANTIC", "HYBRID" })
	void anExplicitModeIsKept(SearchMode mode) {
		assertThat(mode.resolve("\"project astra\"", true, false)).isEqualTo(mode);
		assertThat(mode.resolve("how do they keep inference cheap?", false, true)).isEqualTo(mode);
	}

	@ParameterizedTest
	@CsvSource({ "auto, AUTO", " Hybrid , HYBRID", "KEYWORD, KEYWORD" })
	void modesParseFromRequests(String value, SearchMode expected) {
		assertThat(SearchMode.parse(value)).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void anUnknownModeNamesTheField() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> SearchMode.parse("fuzzy"))
			.withMessage("mode: must be one of keyword, semantic, hybrid, auto; was 'fuzzy'");
	}

}
