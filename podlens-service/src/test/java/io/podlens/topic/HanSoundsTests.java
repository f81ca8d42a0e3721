package io.podlens.topic;

import java.util.Random;

import io.podlens.text.EditDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HanSoundsTests {

	@ParameterizedTest(name = "{2} -> {3}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# context                           | text                                 | surface    | topic                | confidence
					                                    | 這些模型會把Token變成項量              | 項量        | embedding            | 0.8
					                                    | 這些大型圓模型會把Token變成向量         | 大型圓模型   | large-language-model | 0.65
					                                    | 它是多默泰模型,AI看得懂圖片             | 多默泰模型   | multimodal           | 0.8
					這些大語言模型都是AI                   | 但他們都是碧圓模型                    | 碧圓模型     | closed-source        | 0.8
					                                    | 这个模型比拉玛三和吉比提富尔更强的AI模型  | 拉玛三      | llama-3              | 0.75
					                                    | 这个模型比拉玛三和吉比提富尔更强的AI模型  | 吉比提富尔   | gpt-4                | 0.75
					                                    | 輝達的執行長黃人勳說AI晶片很缺           | 黃人勳      | jensen-huang         | 0.8
					                                    | 特斯拉的老闆馬思克說AI很危險             | 馬思克      | elon-musk            | 0.8
					                                    | 這篇AI論文用了擴山模型生成圖片           | 擴山模型     | diffusion-model      | 0.65
					""")
	void soundAlikesOfNamesAreFound(String context, String text, String surface, String topic, double confidence) {
		LayerRun.Found found = LayerRun.inLast(LayerRun.Layer.HAN_SOUNDS, surface, context, text);
		assertThat(found).as("%s in %s", surface, text).isNotNull();
		assertThat(found.topic()).isEqualTo(topic);
		assertThat(found.kind()).isEqualTo(MatchKind.PHONETIC);
		assertThat(found.confidence()).isEqualTo(confidence);
	}

	@ParameterizedTest(name = "{1} has no sound match")
	@CsvSource(delimiter = '|', textBlock = """
			# context  | text
			           | 這個AI模型的回答比原本的視覺模型好,模型訓練
			           | 但他們都是碧圓的
			           | 他的項量很大,吃得很多
			           | 今天天氣很好,我們去公園散步
			           | 他去比賽拿了第一名
			           | 馬思克先生在市場賣菜
			這個AI模型很強 | 他們發表了這個新的多模態模型,AI模型
			這個AI模型很強 | 我們來講講關鍵問題二,AI模型怎麼做到
			這個AI模型很強 | 遲早會有公司可以做到,AI模型
			這個AI模型很強 | 每次训练数据时,AI模型都会变强
			這個AI模型很強 | 现在可以制造两个芯片了,AI模型
			""")
	void ordinaryChineseIsNotASoundMatch(String context, String text) {
		assertThat(LayerRun.found(LayerRun.Layer.HAN_SOUNDS, context, text)).as(text).isEmpty();
	}

	@Test
	void oneEditIsDecidedAsTheDistanceTableDecidesIt() {
		Random random = new Random(7);
		String letters = "aeinoughz";
		for (int n = 0; n < 20_000; n++) {
			String a = word(random, letters);
			String b = (random.nextInt(3) == 0) ? word(random, letters) : edit(random, a, letters);
			assertThat(HanSounds.withinOneEdit(a, b)).as("%s / %s", a, b)
				.isEqualTo(EditDistance.LEVENSHTEIN.distance(a, b) <= 1);
		}
	}

	private static String word(Random random, String letters) {
		StringBuilder word = new StringBuilder();
		for (int i = random.nextInt(7); i > 0; i--) {
			word.append(letters.charAt(random.nextInt(letters.length())));
		}
		return word.toString();
	}

	/** One or two random edits. */
	private static String edit(Random random, String text, String letters) {
		StringBuilder out = new StringBuilder(text);
		for (int e = 1 + random.nextInt(2); e > 0; e--) {
			int at = random.nextInt(out.length() + 1);
			switch (random.nextInt(3)) {
				case 0 -> out.insert(at, letters.charAt(random.nextInt(letters.length())));
				case 1 -> {
					if (at < out.length()) {
						out.deleteCharAt(at);
					}
				}
				default -> {
					if (at < out.length()) {
						out.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
					}
				}
			}
		}
		return out.toString();
	}

}
