package io.podlens.topic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LatinFuzzyTests {

	@ParameterizedTest(name = "{2} -> {3}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# context                               | text                                 | surface   | topic        | kind
					OpenAI的ChatGPT跟GPT-4O都是模型           | 這個GBT-4O也是多模態模型                | GBT-4O    | gpt-4o       | PHONETIC
					OpenAI的ChatGPT跟GPT-4O都是模型           | 這個ChadGPT還是AI模型                   | ChadGPT   | chatgpt      | PHONETIC
					臉書的Chameleon是多模態模型                | 這個Camellian模型很強                   | Camellian | chameleon    | PHONETIC
					臉書的Chameleon是多模態模型                | 這個Camellion模型很強                   | Camellion | chameleon    | PHONETIC
					Google的Gemini模型跟GPT-4V都很強           | 它竟然比GPT-4V還有Germany還更好的模型     | Germany   | gemini       | FUZZY
					你們在用ChatGPT的時候,ChatGPT的模型        | 這chartgb是一個字一個字吐出來的模型       | chartgb   | chatgpt      | FUZZY
					Meta發布了Llama 3模型                     | 這個Lama 3模型是開源的                   | Lama 3    | llama-3      | PHONETIC
					OpenAI released ChatGPT to the public    | the AI model ChatGBT writes code        | ChatGBT   | chatgpt      | PHONETIC
					""")
	void misheardLatinNamesAreFound(String context, String text, String surface, String topic, MatchKind kind) {
		LayerRun.Found found = LayerRun.inLast(LayerRun.Layer.LATIN_FUZZY, surface, context, text);
		assertThat(found).as("%s in %s", surface, text).isNotNull();
		assertThat(found.topic()).isEqualTo(topic);
		assertThat(found.kind()).isEqualTo(kind);
		assertThat(found.confidence()).isLessThan(1.0);
	}

	@ParameterizedTest(name = "{1} is not {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# context                          | text                                                  | topic
			                                   | I travelled to Germany last summer                    | gemini
			Google released Gemini this week   | We visited Germany and Italy last summer              | gemini
			                                   | the camellia in the garden looked the same            | chameleon
			                                   | the control panel and the arena                       | chatbot-arena
			                                   | the imagine game and the gemstone market              | imagen
			                                   | a beard and a palm tree                               | palm
			OpenAI的GPT-4O很強                  | 這個GBT模型也不錯                                      | gpt-4o
			Meta發布了Llama 3模型               | 這個Lama模型是開源的                                   | llama-3
					Google的Imagen模型會生成圖片          | 你可以imagine一下這個AI模型                              | imagen
					Meta發布了Llama 3模型               | 這個Lamas模型是開源的                                  | llama-3
			Mistral released Mixtral 8x7B      | the Mixtrel model is small                            | mixtral-8x7b
			這個AI模型的參數很多                  | 我們要Train這個Transformer模型                          | sebastian-thrun
			這個AI模型的參數很多                  | 它有34 billion的參數的模型                              | alibaba-bailian
			這個AI模型的參數很多                  | 他們在scale它的時候,AI模型就變強                         | scale-ai
			這個AI模型的參數很多                  | Hello大家好,今天講AI模型                                | hailuo
			這個AI模型的參數很多                  | 幫這個圖片上一個Caption,AI模型就看得懂                    | python
			Meta released a new AI model       | the Demo of the AI model was good                     | dino
			the model is trained on GPUs       | the scale um of the AI model grows                    | scale-ai
			the model is trained on GPUs       | we cannot train AI models that fast                   | trae
			""")
	void ordinaryWordsAndUnversionedNamesAreNotFuzzed(String context, String text, String topic) {
		assertThat(LayerRun.found(LayerRun.Layer.LATIN_FUZZY, context, text)).as(text)
			.noneMatch((f) -> f.topic().equals(topic));
	}

}
