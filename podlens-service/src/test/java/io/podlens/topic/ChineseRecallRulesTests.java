package io.podlens.topic;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.podlens.topic.TopicExtractorTests.extract;
import static io.podlens.topic.TopicExtractorTests.topics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules added for recall in Chinese speech: a word-and-acronym name heard with
 * another vowel or a rhyming letter, a part of a person's name once the name was said in
 * full, a short brand name in lower case inside Chinese, and a product heard one letter
 * off right after its maker; each with the guard that keeps it out of English text or
 * ordinary words. The sentences are made up.
 */
class ChineseRecallRulesTests {

	@Test
	void aCompoundNameHeardWithAnotherVowelIsThatNameInChinese() {
		assertThat(topics(extract("昨天我问了ChopGPT一个数学问题，它答错了"))).contains("chatgpt").doesNotContain("gpt");
		assertThat(topics(extract("我每天都用Chunk GPT写周报，效率高了很多"))).contains("chatgpt").doesNotContain("gpt");
		// in English text the vowel still has to match
		assertThat(topics(extract("yesterday I asked ChopGPT a maths question"))).doesNotContain("chatgpt");
	}

	@Test
	void aCompoundNameWithOneRhymingLetterAfterAChineseHeadIsThatName() {
		assertThat(topics(extract("我让查GBT帮我翻译了这篇论文"))).contains("chatgpt");
		// a function character before it belongs to the sentence
		assertThat(topics(extract("我们在GBT上面做了很多实验"))).doesNotContain("chatgpt");
	}

	@Test
	void anOnsetAndTheEndOfTheAcronymInCapitalsIsTheCompound() {
		assertThat(topics(extract("我觉得CHBT回答得不太准确"))).contains("chatgpt");
		// a single onset letter and a short tail is left to the family
		assertThat(topics(extract("我觉得JPT回答得不太准确"))).doesNotContain("chatgpt");
	}

	@Test
	void aPartOfAPersonsNameIsThePersonOnceTheFullNameWasSaid() {
		List<Mention> mentions = extract("我们今天请到了Nathan Lambert来聊人工智能", "Nathan 你怎么看大模型的未来");
		assertThat(mentions.stream().filter((m) -> m.segmentIndex() == 1).map(Mention::topicId))
			.contains("nathan-lambert");
		List<Mention> han = extract("今天的嘉宾是内森·兰伯特，他研究强化学习", "内森认为开源模型会追上来");
		assertThat(han.stream().filter((m) -> m.segmentIndex() == 1).map(Mention::topicId)).contains("nathan-lambert");
	}

	@Test
	void aPartOfANameNeedsTheFullNameAndStandsAlone() {
		assertThat(topics(extract("Nathan 你怎么看大模型的未来"))).doesNotContain("nathan-lambert");
		assertThat(topics(extract("内森认为开源模型会追上来"))).doesNotContain("nathan-lambert");
		// another capitalised word after it makes it someone else's name
		List<Mention> other = extract("我们今天请到了Nathan Lambert来聊人工智能", "Nathan Smith 也来聊大模型");
		assertThat(other.stream().filter((m) -> m.segmentIndex() == 1).map(Mention::topicId))
			.doesNotContain("nathan-lambert");
	}

	@Test
	void aShortBrandNameInLowerCaseInsideChineseIsTheName() {
		assertThat(topics(extract("马斯克的xai发布了新的大模型，训练用了很多GPU"))).contains("xai");
		// in English text a lower-case form of a name listed with capitals is not
		assertThat(topics(extract("we talked about xai and the other labs training models"))).doesNotContain("xai");
	}

	@Test
	void aProductHeardOneLetterOffRightAfterItsMakerIsTheProduct() {
		assertThat(topics(extract("谷歌Bord这个聊天机器人刚发布的时候很多人试了"))).contains("google", "bard");
		// without its maker right before it, the misheard word is nothing
		assertThat(topics(extract("这个Bord聊天机器人刚发布的时候很多人试了"))).doesNotContain("bard");
	}

}
