package io.podlens.topic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExactNamesTests {

	@ParameterizedTest(name = "{1} -> {3}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# context                         | text                                   | surface     | topic            | kind  | confidence
					                                  | 今天聊ＧＰＴ－４ｏ的新功能              | ＧＰＴ－４ｏ | gpt-4o           | EXACT | 1.0
					                                  | we tried gpt 4 omni yesterday          | gpt 4 omni  | gpt-4o           | ALIAS | 0.95
					                                  | 臉書發表了新的模型                      | 臉書         | meta             | ALIAS | 0.95
					                                  | OpenAI released GPT-4.5 and GPT-4      | GPT-4       | gpt-4            | EXACT | 1.0
					                                  | the AWS Bedrock console                | AWS Bedrock | amazon-bedrock   | ALIAS | 0.95
					                                  | 这个大语言模型很强                      | 大语言模型    | large-language-model | ALIAS | 0.95
					                                  | Google的Bard聊天機器人                  | Bard        | bard             | EXACT | 0.8
					                                  | We trained the model on GPUs at Meta   | Meta        | meta             | EXACT | 0.8
					Zuckerberg said Meta open-sourced it | and meta released llama weights       | meta        | meta             | EXACT | 0.8
					""")
	void namesAndAliasesAreFoundAsWritten(String context, String text, String surface, String topic, MatchKind kind,
			double confidence) {
		LayerRun.Found found = LayerRun.inLast(LayerRun.Layer.EXACT, surface, context, text);
		assertThat(found).as("%s in %s", surface, text).isNotNull();
		assertThat(found.topic()).isEqualTo(topic);
		assertThat(found.kind()).isEqualTo(kind);
		assertThat(found.confidence()).isEqualTo(confidence);
	}

	@ParameterizedTest(name = "{1} is not {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# context                  | text                                       | topic
			                           | OpenAI released GPT-4.5 today              | gpt-4
			                           | OpenAI released GPT-4.5 today              | gpt-4o
			                           | I posted it on my ig story                 | instagram
			                           | a bard sang an old poem                    | bard
			                           | the palm trees in the garden               | palm
			                           | we ate an apple and a pear                 | apple
			                           | that is a very meta joke                   | meta
			                           | Sam went to the shop for milk              | sam-altman
			                           | 他說了一句話                                | openai
			""")
	void ordinaryWordsAndCutVersionsAreNotNames(String context, String text, String topic) {
		assertThat(LayerRun.found(LayerRun.Layer.EXACT, context, text)).as(text)
			.noneMatch((f) -> f.topic().equals(topic));
	}

}
