package io.podlens.topic;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

	/**
	 * Topics flagged ambiguous (Gemini, Sam Altman, Copilot, Llama): a single-word form
	 * not written as listed needs one of the topic's cues nearby.
	 */
	@ParameterizedTest(name = "{1} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# context                  | text                                       | surface  | topic
			                           | Google的雙子座模型很強                        | 雙子座    | gemini
			                           | 這個llama的新模型                             | llama    | llama
			                           | the co-pilot in github writes the code     | co-pilot | copilot
			                           | I asked Copilot to write it                | Copilot  | copilot
			""")
	void flaggedFormsNeedACueOrTheirListedCase(String context, String text, String surface, String topic) {
		LayerRun.Found found = LayerRun.inLast(LayerRun.Layer.EXACT, surface, context, text);
		assertThat(found).as("%s in %s", surface, text).isNotNull();
		assertThat(found.topic()).isEqualTo(topic);
	}

	@ParameterizedTest(name = "{1} is not {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# context                  | text                                       | topic
			                           | 但是SAM他自己不覺得是AGI                        | sam-altman
			                           | he flew as co-pilot on the long flight     | copilot
			                           | a chameleon changes its colour             | chameleon
			                           | we listened to a whisper in the hall       | whisper
			""")
	void flaggedFormsWithoutCueOrListedCaseAreNotNames(String context, String text, String topic) {
		assertThat(LayerRun.found(LayerRun.Layer.EXACT, context, text)).as(text)
			.noneMatch((f) -> f.topic().equals(topic));
	}

	@Test
	void theFlagOnlyAddsRequirements() {
		Topic apple = new Topic("apple", "Apple", TopicCategory.ORGANIZATION, List.of(), List.of("iphone", "手机"),
				TopicKind.COMPANY, null, List.of("蘋果", "蘋果公司"), List.of("苹果", "苹果公司"), true);
		Topic kimi = new Topic("kimi", "Kimi", TopicCategory.PRODUCT, List.of(), List.of("moonshot", "月之暗面"),
				TopicKind.APP, null, List.of(), List.of(), true);
		TopicExtractor flagged = new TopicExtractor(new Taxonomy(List.of(apple, kimi)));
		// a short Chinese name needs talk about AI or a cue; a long one does not
		assertThat(flagged.extract(TopicExtractorTests.segments("我早上吃了一个苹果,很甜"))).isEmpty();
		assertThat(flagged.extract(TopicExtractorTests.segments("苹果发布了新的手机")))
			.extracting(Mention::topicId, Mention::surface)
			.containsExactly(tuple("apple", "苹果"));
		assertThat(flagged.extract(TopicExtractorTests.segments("我在苹果公司上班"))).extracting(Mention::surface)
			.containsExactly("苹果公司");
		// in English the listed case, or a cue
		assertThat(flagged.extract(TopicExtractorTests.segments("my friend kimi came over"))).isEmpty();
		assertThat(flagged.extract(TopicExtractorTests.segments("Kimi answered in two seconds")))
			.extracting(Mention::surface)
			.containsExactly("Kimi");
		assertThat(flagged.extract(TopicExtractorTests.segments("moonshot ships kimi to everyone")))
			.extracting(Mention::surface)
			.containsExactly("kimi");
		// unflagged, the same forms match without either
		TopicExtractor plain = new TopicExtractor(new Taxonomy(
				List.of(new Topic("kimi", "Kimi", TopicCategory.PRODUCT, List.of(), List.of("moonshot", "月之暗面")))));
		assertThat(plain.extract(TopicExtractorTests.segments("my friend kimi came over"))).extracting(Mention::surface)
			.containsExactly("kimi");
	}

}
