package io.podlens.topic;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.podlens.topic.TopicExtractorTests.extract;
import static io.podlens.topic.TopicExtractorTests.only;
import static io.podlens.topic.TopicExtractorTests.topics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for names that recognisers split or mishear in a regular way: a name across
 * two caption lines, the version grammar ({@link ModelVersions}) and word-and-acronym
 * names ({@link CompoundNames}). Sentences written for the test.
 */
class VersionsAndCompoundsTests {

	@Test
	void aNameAcrossTwoCaptionLinesIsOneMentionWhereItBegins() {
		List<Mention> mentions = extract("we compared it with the models from deep", "seek and they were cheaper");
		Mention m = only(mentions, "deep");
		assertThat(m.topicId()).isEqualTo("deepseek");
		assertThat(m.segmentIndex()).isZero();
		assertThat(mentions).noneMatch((x) -> x.segmentIndex() == 1 && x.topicId().equals("deepseek"));
		// a sentence end between the lines keeps them apart
		assertThat(topics(extract("they went deep.", "Seek the truth"))).doesNotContain("deepseek");
	}

	@Test
	void aTwoWordNameWithItsSecondWordCutIsTheNameWhereTheEpisodeSaysItOften() {
		String[] said = { "DeepSeek trained it cheaply.", "The DeepSeek paper is long.", "DeepSeek is open." };
		List<Mention> mentions = extract(said[0], said[1], said[2], "the deep seki team wrote it",
				"and the deep secret is the data");
		assertThat(only(mentions, "deep seki").topicId()).isEqualTo("deepseek");
		assertThat(only(mentions, "deep secret").matchedBy()).isEqualTo(MatchKind.FUZZY);
		// said once or twice only, or heard as a function word: the words stay words
		assertThat(topics(extract(said[0], said[1], "the deep secret is the data"))).containsExactly("deepseek");
		assertThat(topics(extract(said[0], said[1], said[2], "they dive deep so often"))).containsExactly("deepseek");
		assertThat(CutNames.words("DeepSeek")).containsExactly("deep", "seek");
		assertThat(CutNames.words("Stable Diffusion")).containsExactly("stable", "diffusion");
		assertThat(CutNames.words("OpenAI")).isEmpty();
	}

	@Test
	void aFamilyFollowedByAVersionIsThatVersion() {
		assertThat(only(extract("OpenAI trained gbt 4 on more data"), "gbt 4").topicId()).isEqualTo("gpt-4");
		List<Mention> lab = extract("the new open AI 03 mini reasoning model is fast");
		assertThat(only(lab, "03 mini").topicId()).isEqualTo("openai-o3-mini");
		assertThat(only(lab, "open AI").topicId()).isEqualTo("openai");
		assertThat(only(extract("Meta released llama 2 and 3 as open weights"), "3").topicId()).isEqualTo("llama-3");
	}

	@Test
	void aVersionWrittenWithAVIsTheFamilysVersionUnlessAVersionIsCalledSo() {
		assertThat(only(extract("Anthropic says Claude v3 writes better code"), "Claude v3").topicId())
			.isEqualTo("claude-3");
		// DeepSeek-V3 is called V3: the tail as written comes first
		assertThat(only(extract("the DeepSeek V3 paper is long"), "DeepSeek V3").topicId()).isEqualTo("deepseek-v3");
	}

	@Test
	void aFamilyHeardAsAWordAVowelAwayIsTheFamilyBeforeItsVersion() {
		// "cloud" for Claude, where the episode names Anthropic (the maker) and the AI
		// talk
		List<Mention> mentions = extract("We tried the new models from Anthropic and OpenAI this week.",
				"the prompts are much shorter for cloud v3, especially with the large model",
				"and cloud 3 answers faster than GPT-4 on our tests");
		assertThat(only(mentions, "cloud v3").topicId()).isEqualTo("claude-3");
		assertThat(only(mentions, "cloud v3").matchedBy()).isEqualTo(MatchKind.FUZZY);
		assertThat(only(mentions, "cloud 3").topicId()).isEqualTo("claude-3");
		// without the family or its maker named, or without a version, the cloud is a
		// cloud
		assertThat(topics(extract("We tried the new models from OpenAI this week.",
				"the prompts are much shorter for cloud v3, especially with the large model")))
			.doesNotContain("claude", "claude-3");
		assertThat(topics(extract("Anthropic trains its models in the cloud on many GPUs"))).doesNotContain("claude",
				"claude-3");
		// a number before a unit is a quantity
		assertThat(topics(extract("We tried the new models from Anthropic and OpenAI this week.",
				"we moved the models to the cloud 3 years ago and the AI training got cheaper")))
			.doesNotContain("claude", "claude-3");
	}

	@Test
	void aBareVersionResolvesToTheFamilyTheTalkNames() {
		List<Mention> mentions = extract("DeepSeek published a reasoning model", "and R1 is open weights",
				"people compare V3 with it");
		assertThat(only(mentions, "R1").topicId()).isEqualTo("deepseek-r1");
		assertThat(only(mentions, "V3").topicId()).isEqualTo("deepseek-v3");
		// no family named: a bare tail is nothing
		assertThat(topics(extract("take the R1 exit and drive on"))).isEmpty();
	}

	@Test
	void spokenVersionsNeedTheirFamilyClose() {
		assertThat(topics(extract("OpenAI said o three mini is cheaper"))).contains("openai-o3-mini");
		assertThat(topics(extract("we met at four oh clock sharp"))).isEmpty();
	}

	@Test
	void wordAndAcronymNamesAreReadBySound() {
		assertThat(only(extract("我昨天用ChatsPT寫了一篇文章"), "ChatsPT").topicId()).isEqualTo("chatgpt");
		assertThat(only(extract("大家都在聊Chai GPT的原理"), "Chai GPT").topicId()).isEqualTo("chatgpt");
		assertThat(only(extract("很多人覺得拆GPT有意識"), "拆GPT").topicId()).isEqualTo("chatgpt");
		// English words and plain acronyms stay what they are
		assertThat(topics(extract("read the transcript of the talk"))).isEmpty();
		assertThat(topics(extract("GPT 是一種模型架構"))).containsExactly("gpt");
	}

	@Test
	void anAcronymHeardAsItsLettersNamesIsTheNameWhereTheEpisodeNamesIt() {
		List<Mention> zh = extract("我們今天聊ChatGPT", "很多人每天都用拆己比替寫東西");
		assertThat(only(zh, "拆己比替").topicId()).isEqualTo("chatgpt");
		List<Mention> en = extract("ChatGPT is everywhere now.", "My students use ChatGPT daily.",
				"Then I asked Chashbity about it", "and Chai-Jeebeetee answered");
		assertThat(only(en, "Chashbity").topicId()).isEqualTo("chatgpt");
		assertThat(only(en, "Chai-Jeebeetee").topicId()).isEqualTo("chatgpt");
		// not without a firm mention, not from other sounds, not from English words
		// (the letters alone are still the family, by the Chinese sounds layer)
		assertThat(topics(extract("很多人每天都用拆己比替寫東西"))).doesNotContain("chatgpt");
		assertThat(topics(extract("我們今天聊ChatGPT", "他把柴米油鹽都買好了"))).containsExactly("chatgpt");
		assertThat(topics(extract("ChatGPT is everywhere now.", "My students use ChatGPT daily.",
				"I asked the chatbot about it", "Chapati is bread")))
			.containsExactly("chatgpt");
		assertThat(CompoundNames.syllablesSpelling("jibiti", "gpt", false)).isEqualTo(3);
		assertThat(CompoundNames.syllablesSpelling("pity", "gpt", false)).isEqualTo(2);
		assertThat(CompoundNames.syllablesSpelling("bot", "gpt", false)).isZero();
		assertThat(CompoundNames.syllablesSpelling("zhi bie ti", "gpt", true)).isEqualTo(3);
		assertThat(CompoundNames.syllablesSpelling("zhi bin ti", "gpt", true)).isZero();
	}

}
