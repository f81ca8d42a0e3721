package io.podlens.topic;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.podlens.topic.TopicExtractorTests.extract;
import static io.podlens.topic.TopicExtractorTests.topics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules added for recall on unseen podcasts: names translated word for word into
 * Chinese, possessives, plural acronyms, words that sound exactly like a name, licenses
 * named after organizations, and the guard that keeps short capitals from being a person.
 */
class RecallRulesTests {

	@Test
	void aNameTranslatedWordForWordKeepingItsAcronymIsThatName() {
		List<Mention> mentions = extract("我们使用聊天GPT来写代码，这个大模型很好用");
		assertThat(topics(mentions)).contains("chatgpt").doesNotContain("gpt");
		assertThat(mentions.stream().filter((m) -> m.topicId().equals("chatgpt")).findFirst().orElseThrow().surface())
			.isEqualTo("聊天GPT");
	}

	@Test
	void aNameTranslatedAcrossCaptionLinesJoins() {
		List<Mention> mentions = extract("他们训练模型的方式就像聊天", "GPT 嗯，他们还发布了大模型");
		assertThat(topics(mentions)).contains("chatgpt").doesNotContain("gpt");
	}

	@Test
	void aTranslationAllInChineseNeedsTheTopicNamedFirmly() {
		// 深度探索 is "deep exploration" unless the episode talks about DeepSeek
		assertThat(topics(extract("我们对这个模型做了深度探索，训练数据很重要"))).doesNotContain("deepseek");
		assertThat(topics(extract("DeepSeek 发布了新模型", "DeepSeek 的训练成本很低", "深度探索的模型开源了，训练很便宜"))).contains("deepseek");
		assertThat(extract("DeepSeek 发布了新模型", "DeepSeek 的训练成本很低", "深度探索的模型开源了，训练很便宜").stream()
			.filter((m) -> m.segmentIndex() == 2 && m.topicId().startsWith("deepseek"))
			.map(Mention::surface)).containsExactly("深度探索");
	}

	@Test
	void aVersionAfterATranslatedNameIsOneMention() {
		List<Mention> mentions = extract("DeepSeek 发布了新模型", "DeepSeek 的训练成本很低", "然后深度寻求R1推理模型发布了");
		assertThat(mentions.stream()
			.filter((m) -> m.segmentIndex() == 2 && m.topicId().startsWith("deepseek"))
			.map(Mention::topicId)).containsExactly("deepseek-r1");
	}

	@Test
	void aPossessiveSIsNoPartOfAName() {
		List<String> found = topics(extract("open source language models like Google's BERT for instance"));
		assertThat(found).contains("google").doesNotContain("sentence-bert");
	}

	@Test
	void thePluralOfANameInCapitalsIsTheName() {
		assertThat(topics(extract("whether it runs on iPhone, on server GPUs, on AMDs or on a MacBook")))
			.contains("amd");
	}

	@Test
	void aWordSoundingExactlyLikeANameIsIt() {
		assertThat(topics(extract("There's GPT4All. There's OLAMA that just came out for local models and inference")))
			.contains("ollama");
		// an English word is not, however it sounds
		assertThat(topics(extract("the llama models and the lama in the zoo"))).doesNotContain("ollama");
	}

	@Test
	void anOrganizationBeforeLicenseNamesTheLicense() {
		assertThat(topics(extract("the weights are under the MIT license, so anyone can use the model")))
			.doesNotContain("mit");
		assertThat(topics(extract("许可是麻省理工学院许可，模型开源"))).doesNotContain("mit");
		assertThat(topics(extract("she studied at MIT before joining the lab"))).contains("mit");
	}

	@Test
	void shortCapitalsAreNoPersonsName() {
		assertThat(extract("扎克伯格说开源模型很好", "深SEC车1有类似的表现，模型很便宜").stream()
			.filter((m) -> m.segmentIndex() == 1)
			.map(Mention::topicId)).doesNotContain("mark-zuckerberg");
	}

	@Test
	void aChineseVersionWordAfterAModelIsItsVersion() {
		// 迷你 is mini, 专业版/專業版 Pro, after a version written in Latin
		assertThat(topics(extract("OpenAI 发布了新的 03迷你推理模型"))).contains("openai-o3-mini");
		assertThat(topics(extract("我们可以检查o3迷你，这个推理模型很便宜"))).contains("openai-o3-mini").doesNotContain("openai-o3");
		assertThat(topics(extract("OpenAI 的 o3專業版推理模型很贵"))).contains("openai-o3-pro");
	}

	@Test
	void aChineseVersionWordAloneIsAnOrdinaryWord() {
		assertThat(topics(extract("OpenAI 发布了一个迷你模型，推理很便宜"))).doesNotContain("openai-o3-mini", "openai-o1-mini",
				"gpt-4o-mini");
		assertThat(topics(extract("OpenAI 的专业版订阅很贵，模型更强"))).doesNotContain("openai-o1-pro", "openai-o3-pro");
	}

	@Test
	void aMisspelledFamilyBeforeOneOfItsVersionsIsThatVersion() {
		assertThat(
				extract("we ran Llama on a phone", "I'm running Lama 2 on my laptop with the model compiled").stream()
					.filter((m) -> m.segmentIndex() == 1)
					.map(Mention::topicId))
			.containsExactly("llama-2");
	}

	@Test
	void aMisspelledFamilyNeedsAVersionAndTheFamilyNamed() {
		// no version after it
		assertThat(extract("we ran Llama on a phone", "a Lama walked past the model servers").stream()
			.filter((m) -> m.segmentIndex() == 1)
			.map(Mention::topicId)).doesNotContain("llama", "llama-2");
		// an episode that never names Llama needs dense AI talk around it
		assertThat(topics(extract("I saw a Lama 2 times at the zoo with the kids"))).doesNotContain("llama-2");
		assertThat(
				topics(extract("I'm running Lama 2 on my phone, the LLM inference is fast", "the model is compiled")))
			.contains("llama-2");
	}

}
