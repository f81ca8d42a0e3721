package io.podlens.topic;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

class TopicExtractorTests {

	private static final TopicExtractor extractor = TopicExtractor.withDefaultTaxonomy();

	static List<StoredSegment> segments(String... texts) {
		List<StoredSegment> segments = new ArrayList<>();
		for (int i = 0; i < texts.length; i++) {
			segments.add(
					new StoredSegment(100 + i, 7, "t", null, "zh-Hant", i, i * 1000L, i * 1000L + 900, null, texts[i]));
		}
		return segments;
	}

	static List<Mention> extract(String... texts) {
		return extractor.extract(segments(texts));
	}

	static List<String> topics(List<Mention> mentions) {
		return mentions.stream().map(Mention::topicId).distinct().toList();
	}

	static Mention only(List<Mention> mentions, String surface) {
		return mentions.stream()
			.filter((m) -> m.surface().equals(surface))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no mention '" + surface + "' in " + mentions));
	}

	@Test
	void exactAndAliasMatchingFoldsCaseWidthAndScript() {
		String text = "今天聊ＧＰＴ－４ｏ和gpt 4 omni,還有多模态模型和臉書";
		List<Mention> mentions = extract(text);
		Mention wide = only(mentions, "ＧＰＴ－４ｏ");
		assertThat(wide.topicId()).isEqualTo("gpt-4o");
		assertThat(wide.matchedBy()).isEqualTo(MatchKind.EXACT);
		assertThat(text.substring(wide.start(), wide.end())).isEqualTo("ＧＰＴ－４ｏ");
		assertThat(only(mentions, "gpt 4 omni").matchedBy()).isEqualTo(MatchKind.ALIAS);
		assertThat(only(mentions, "多模态模型").topicId()).isEqualTo("multimodal");
		assertThat(only(mentions, "臉書").topicId()).isEqualTo("meta");
		assertThat(mentions).allSatisfy((m) -> {
			assertThat(m.segmentId()).isEqualTo(100);
			assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
		});
	}

	@Test
	void versionNumbersAreNotCut() {
		assertThat(topics(extract("OpenAI released GPT-4.5 and GPT-4 last year"))).contains("gpt-4")
			.doesNotContain("gpt-4o");
		List<Mention> mentions = extract("OpenAI released GPT-4.5 today");
		assertThat(topics(mentions)).doesNotContain("gpt-4");
	}

	@Test
	void misheardNamesAreFoundPhoneticallyOrFuzzily() {
		List<Mention> mentions = extract("OpenAI的ChatGPT跟GPT-4O都是模型", "這個GBT-4O跟ChadGPT還有Camellion模型",
				"臉書的Chameleon是多模態模型");
		assertThat(only(mentions, "GBT-4O").topicId()).isEqualTo("gpt-4o");
		assertThat(only(mentions, "GBT-4O").matchedBy()).isEqualTo(MatchKind.PHONETIC);
		assertThat(only(mentions, "ChadGPT").topicId()).isEqualTo("chatgpt");
		assertThat(only(mentions, "Camellion").topicId()).isEqualTo("chameleon");
		assertThat(only(mentions, "GBT-4O").confidence()).isLessThan(1.0);
	}

	@Test
	void spelledOutAcronymFarFromTheNameIsFoundWhenTheEpisodeUsesTheName() {
		List<Mention> mentions = extract("OpenAI發布的GPT-4O是原生的多模態模型,GPT-4O很強", "我們說 Camellia GBCO 這一階段的模型");
		assertThat(only(mentions, "GBCO").topicId()).isEqualTo("gpt-4o");
		// without the name elsewhere in the episode the far spelling is not trusted
		assertThat(extract("我們說 GBCO 這一階段的模型")).noneMatch((m) -> m.surface().equals("GBCO"));
	}

	@Test
	void lowerCaseMishearingInChineseTextIsFound() {
		List<Mention> mentions = extract("你們在用ChatGPT的時候,ChatGPT的模型", "這chartgb是一個字一個字吐出來的模型");
		assertThat(only(mentions, "chartgb").topicId()).isEqualTo("chatgpt");
		assertThat(only(mentions, "chartgb").matchedBy()).isEqualTo(MatchKind.FUZZY);
	}

	@Test
	void germanyIsGeminiOnlyWhereTheTalkIsAboutAiModels() {
		assertThat(extract("I travelled to Germany last summer")).isEmpty();
		assertThat(extract("We visited Germany and Italy, the food in Germany was great")).isEmpty();
		List<Mention> mentions = extract("Google的Gemini模型跟GPT-4V都很強", "它竟然表現得比GPT-4V還有Germany還更好的模型");
		assertThat(only(mentions, "Germany").topicId()).isEqualTo("gemini");
	}

	@Test
	void ordinaryEnglishWordsAreNotFuzzedIntoNames() {
		List<Mention> mentions = extract(
				"we were doing a tour and the camellia in the garden looked the same at that moment",
				"the control panel and the arena, a bard and a palm tree, images and the imagine game",
				"the model was based on a paper about training data and the gemstone market in germany");
		assertThat(mentions).isEmpty();
	}

	@Test
	void chineseHomophonesAreFoundByPinyin() {
		List<Mention> mentions = extract("這些大型圓模型會把Token變成項量,它是多默泰模型", "但他們都是碧圓模型");
		assertThat(only(mentions, "大型圓模型").topicId()).isEqualTo("large-language-model");
		assertThat(only(mentions, "大型圓模型").matchedBy()).isEqualTo(MatchKind.PHONETIC);
		assertThat(only(mentions, "項量").topicId()).isEqualTo("embedding");
		assertThat(only(mentions, "多默泰模型").topicId()).isEqualTo("multimodal");
		assertThat(only(mentions, "碧圓模型").topicId()).isEqualTo("closed-source");
		assertThat(extract("但他們都是碧圓的")).isEmpty();
	}

	@Test
	void ordinaryChineseWordsAreNotHomophoneMatches() {
		// 回答 sounds like 輝達 (Nvidia), 比原本 starts like 閉源, 視覺模型 is near 世界模型
		List<Mention> mentions = extract("這個AI模型的回答比原本的視覺模型好,模型訓練");
		assertThat(topics(mentions)).doesNotContain("nvidia", "closed-source", "world-model");
	}

	@Test
	void latinNamesSpelledPhoneticallyInHanziAreFound() {
		List<Mention> mentions = extract("这个模型比拉玛三和吉比提富尔更强的AI模型");
		assertThat(only(mentions, "拉玛三").topicId()).isEqualTo("llama-3");
		assertThat(only(mentions, "吉比提富尔").topicId()).isEqualTo("gpt-4");
		assertThat(only(mentions, "吉比提富尔").matchedBy()).isEqualTo(MatchKind.PHONETIC);
	}

	@Test
	void segmentIndexAndIdComeFromTheSegment() {
		List<Mention> mentions = extract("nothing here", "OpenAI");
		assertThat(mentions).singleElement().satisfies((m) -> {
			assertThat(m.segmentIndex()).isEqualTo(1);
			assertThat(m.segmentId()).isEqualTo(101);
			assertThat(m.start()).isZero();
			assertThat(m.end()).isEqualTo(6);
		});
	}

}
