package io.podlens.search;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.podlens.common.TestPodlensProperties;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CrossLingualExpansionTests {

	private static final Topic TENCENT = new Topic("tencent", "Tencent", TopicCategory.ORGANIZATION, List.of(),
			List.of(), null, null, List.of("騰訊"), List.of("腾讯"), false);

	private final CrossLingualExpansion expansion = new CrossLingualExpansion(Glossary.shipped(),
			() -> new FakeTopicLookup(List.of(TENCENT)), ExpansionProperties.defaults());

	private List<List<String>> groups(String q) {
		return this.expansion.of(PlainQuery.of(q));
	}

	@Test
	void englishWordsGetTheirChineseEquivalentsFromTheGlossary() {
		List<List<String>> groups = groups("how do labs keep inference cheap?");
		assertThat(groups).contains(List.of("inference", "推理"), List.of("cheap", "便宜", "低成本"));
		// A word without an equivalent still counts in the expanded query.
		assertThat(groups).contains(List.of("labs"));
	}

	@Test
	void theLongestTermWinsOverItsWords() {
		assertThat(groups("open source models")).containsExactly(List.of("open", "source", "开源"),
				List.of("models", "模型"));
		assertThat(groups("where does the training data come from"))
			.contains(List.of("training", "data", "训练数据", "训练资料"));
	}

	@Test
	void pluralsCaseAndHyphensMatchTheGlossary() {
		assertThat(groups("Chips")).containsExactly(List.of("Chips", "芯片"));
		assertThat(groups("Large Language Models"))
			.containsExactly(List.of("Large", "Language", "Models", "大语言模型", "大模型"));
		assertThat(groups("fine-tuning")).containsExactly(List.of("fine-tuning", "微调"));
	}

	@Test
	void topicNamesGetTheTopicsChineseNames() {
		// Both scripts fold alike; the first spelling stays.
		assertThat(groups("Tencent earnings")).containsExactly(List.of("Tencent", "騰訊"), List.of("earnings"));
	}

	@Test
	void chineseWordsGetEnglishEquivalentsInReverse() {
		assertThat(groups("腾讯的芯片")).containsExactly(List.of("腾讯", "Tencent"), List.of("芯片", "chip"));
		CrossLingualExpansion oneWay = new CrossLingualExpansion(Glossary.shipped(),
				() -> new FakeTopicLookup(List.of(TENCENT)), new ExpansionProperties(true, 0.5f, false));
		assertThat(oneWay.of(PlainQuery.of("腾讯的芯片"))).isEmpty();
		assertThat(oneWay.of(PlainQuery.of("Tencent chips"))).containsExactly(List.of("Tencent", "騰訊"),
				List.of("chips", "芯片"));
	}

	@Test
	void nothingToExpandOrExpansionOff() {
		assertThat(groups("zebra astra")).isEmpty();
		CrossLingualExpansion off = new CrossLingualExpansion(Glossary.shipped(), () -> null,
				new ExpansionProperties(false, 0.5f, true));
		assertThat(off.of(PlainQuery.of("inference chips"))).isEmpty();
		assertThat(off.boost()).isZero();
	}

	@Test
	void worksWithoutTheTopicFeature() {
		CrossLingualExpansion glossaryOnly = new CrossLingualExpansion(Glossary.shipped(), () -> null,
				ExpansionProperties.defaults());
		assertThat(glossaryOnly.of(PlainQuery.of("Tencent chips"))).containsExactly(List.of("Tencent"),
				List.of("chips", "芯片"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"inference cost\"", "inference AND chip", "inference OR chip", "+inference chip",
			"inference -chip", "infer*", "(inference chip)" })
	void queriesWithSyntaxAreNotExpanded(String q) {
		QueryTranslator plain = new QueryTranslator(TestPodlensProperties.withDataDir(java.nio.file.Path.of("target")),
				SearchSettings.defaults());
		QueryTranslator expanding = new QueryTranslator(
				TestPodlensProperties.withDataDir(java.nio.file.Path.of("target")), SearchSettings.defaults(),
				this.expansion);
		assertThat(expanding.parse(q)).isEqualTo(plain.parse(q));
		assertThat(expanding.parse(q).toString()).doesNotContain("推");
	}

	@Test
	void plainWordsAreExpandedWithALowerWeight() {
		QueryTranslator expanding = new QueryTranslator(
				TestPodlensProperties.withDataDir(java.nio.file.Path.of("target")), SearchSettings.defaults(),
				this.expansion);
		Query query = expanding.parse("inference chips");
		// 推理 and 芯片 analyse to their bigram terms; the expanded part weighs 0.3.
		assertThat(query.toString()).contains("text:推理", "text:芯片", ")^0.3");
		assertThat(query.toString())
			.isNotEqualTo(new QueryTranslator(TestPodlensProperties.withDataDir(java.nio.file.Path.of("target")),
					SearchSettings.defaults())
				.parse("inference chips")
				.toString());
	}

	@Test
	void shippedGlossaryIsLargeAndKeyedBySingularWords() {
		Glossary glossary = Glossary.shipped();
		assertThat(glossary.size()).isGreaterThanOrEqualTo(300);
		assertThat(Glossary.englishKey("Large-Language Models'")).isEqualTo("large language model");
		assertThat(glossary.chinese("reinforcement learning")).containsExactly("强化学习");
		assertThat(glossary.english("訓練數據")).containsExactly("training data");
	}

	@Test
	void malformedGlossaryLinesAreNamed() {
		assertThatIllegalStateException().isThrownBy(() -> read("# ok\ninference\t推理\ninference\t推論\n"))
			.withMessageContaining("line 3")
			.withMessageContaining("twice");
		assertThatIllegalStateException().isThrownBy(() -> read("chip 芯片\n")).withMessageContaining("line 1");
		assertThatIllegalStateException().isThrownBy(() -> read("chip\tchip\n")).withMessageContaining("not a Chinese");
	}

	private static Glossary read(String text) throws Exception {
		return Glossary.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
	}

}
