package io.podlens.topic;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latin names written by their sound in Chinese characters, in sentences written for
 * these tests, with the layers before it run first ({@link LayerRun}).
 */
class TransliteratedNamesTests {

	@ParameterizedTest(name = "{2} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# context                    | text                                   | surface       | topic
			                             | 这个AI模型叫克劳德,它写代码很强           | 克劳德         | claude
			                             | 谷歌发布了新的大模型杰米尼               | 杰米尼         | gemini
			                             | 法国的米斯特拉模型是开源的               | 米斯特拉       | mistral-ai
			                             | 法国的米斯特拉尔模型是开源的             | 米斯特拉尔     | mistral-ai
			                             | 我们用迪普西克的模型做推理               | 迪普西克       | deepseek
			                             | 马斯克的格罗克模型上线了                 | 格罗克         | grok
			                             | 亚马逊的哎达不溜艾斯云服务很大           | 哎达不溜艾斯   | aws
			                             | 這個AI模型叫克勞德,寫程式很強            | 克勞德         | claude
			                             | SemiAnalysis的迪伦·帕特尔说GPU芯片很贵   | 迪伦·帕特尔    | dylan-patel
			Meta开源了新的大模型           | 大家都在用拉玛,这个模型很强              | 拉玛           | llama
			""")
	void latinNamesWrittenBySoundAreFound(String context, String text, String surface, String topic) {
		LayerRun.Found found = LayerRun.inLast(LayerRun.Layer.TRANSLITERATED, surface, context, text);
		assertThat(found)
			.as("%s in %s: %s", surface, text, LayerRun.found(LayerRun.Layer.TRANSLITERATED, context, text))
			.isNotNull();
		assertThat(found.topic()).isEqualTo(topic);
		assertThat(found.kind()).isEqualTo(MatchKind.PHONETIC);
		assertThat(found.confidence()).isBetween(0.5, 0.7);
	}

	@ParameterizedTest(name = "{1} has no transliterated name")
	@CsvSource(delimiter = '|', textBlock = """
			# context                    | text
			                             | 我们打开手机看看这个AI模型
			                             | 这个东西基本上没用,AI模型也一样
			                             | 他在德克萨斯州开了一家AI公司
			                             | 旧金山和弗朗西斯科的AI公司很多
			                             | 克里斯说这个AI模型很好
			                             | 我很高兴看到AI模型变强
			                             | 这个AI模型胡说八道
			                             | 三纳米的AI芯片很贵
			                             | 我的朋友拉玛今天来了
			                             | 这个模型在所以的测试里都很好
			                             | 大模型的比赛,第一名是谁
			""")
	void ordinaryWordsAndOtherForeignNamesAreNotTaken(String context, String text) {
		List<LayerRun.Found> found = LayerRun.found(LayerRun.Layer.TRANSLITERATED, context, text);
		assertThat(found).as(text).isEmpty();
	}

}
