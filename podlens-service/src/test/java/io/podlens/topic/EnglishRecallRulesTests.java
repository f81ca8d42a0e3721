package io.podlens.topic;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.podlens.topic.TopicExtractorTests.extract;
import static io.podlens.topic.TopicExtractorTests.topics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English recall rules: a person's first name or surname alone once named in full, a
 * flagged name written as listed mid-sentence once the episode names it twice,
 * word-and-acronym names heard loosely once the episode names them twice, and the guards
 * kept with them (a one-word name read from words that start with a function word, "Gen
 * AI" as a concept).
 */
class EnglishRecallRulesTests {

	private static List<String> topicsIn(List<Mention> mentions, int segment) {
		return mentions.stream().filter((m) -> m.segmentIndex() == segment).map(Mention::topicId).distinct().toList();
	}

	@Test
	void aFlaggedNameInLowerCaseIsTheTopicTheEpisodeNamesFirmly() {
		String[] said = { "Llama 3 came out.", "Llama 3 is fast.", "Llama 2 was slower." };
		assertThat(topics(extract(said[0], said[1], said[2], "people still use llama for it"))).contains("llama");
		// named firmly twice only, or talk about farms: the animal
		assertThat(topics(extract(said[0], said[1], "people still use llama for it"))).doesNotContain("llama");
		assertThat(topics(extract("we saw a llama at the farm"))).isEmpty();
	}

	@Test
	void aFirstNameAloneAfterTheFullNameIsThatPerson() {
		List<Mention> mentions = extract("My co-host today is Alessio Fanelli, partner at a venture firm.",
				"Thanks, Alessio, over to you for the next question.");
		assertThat(topicsIn(mentions, 1)).containsExactly("alessio-fanelli");
		assertThat(mentions.stream().filter((m) -> m.segmentIndex() == 1).findFirst().orElseThrow().surface())
			.isEqualTo("Alessio");
	}

	@Test
	void aSurnameAloneAfterTheFullNameIsThatPerson() {
		List<Mention> mentions = extract("We have Dylan Patel here to talk about chips.",
				"What Patel showed is that the clusters are huge.");
		assertThat(topicsIn(mentions, 1)).containsExactly("dylan-patel");
	}

	@Test
	void aPartOfANameThatIsACommonWordIsNoMention() {
		// brown is a colour before it is Noam Brown
		List<Mention> mentions = extract("We have Noam Brown here to talk about poker bots.",
				"What Brown showed is that search at test time matters.");
		assertThat(topicsIn(mentions, 1)).isEmpty();
	}

	@Test
	void aFirstNameAloneNeedsTheFullNameInTheEpisode() {
		assertThat(topics(extract("Thanks, Alessio, over to you for the next question."))).isEmpty();
	}

	@Test
	void aFirstNameBeforeAnotherSurnameIsSomeoneElse() {
		List<Mention> mentions = extract("My co-host today is Alessio Fanelli, partner at a venture firm.",
				"Alessio Rossi from our team joined the call too.");
		assertThat(topicsIn(mentions, 1)).doesNotContain("alessio-fanelli");
	}

	@Test
	void aFirstNameTwoPersonsNamedInFullShareIsNobodys() {
		List<Mention> mentions = extract("Noam Brown and Noam Shazeer both worked on it.",
				"Noam said the model was ready.");
		assertThat(topicsIn(mentions, 1)).isEmpty();
	}

	@Test
	void aFlaggedNameWrittenAsListedMidSentenceIsTheNameOnceTheEpisodeNamesItTwice() {
		String[] talk = { "We write Python code to train the model.",
				"The Python code for the neural network is short.", "Let me share my screen.", "Can everyone see it?",
				"Okay, good.", "For this course you should know how to run Python programs." };
		assertThat(topicsIn(extract(talk), 5)).containsExactly("python");
		// without the two mentions before it, the form needs its cues, as always
		assertThat(topics(
				extract("Let me share my screen.", "For this course you should know how to run Python programs.")))
			.doesNotContain("python");
	}

	@Test
	void aFlaggedNameAtTheStartOfASentenceStaysDoubtful() {
		String[] talk = { "We write Python code to train the model.",
				"The Python code for the neural network is short.", "Let me share my screen.", "Can everyone see it?",
				"Okay, good.", "Python programs are easy to read." };
		assertThat(topicsIn(extract(talk), 5)).isEmpty();
	}

	@Test
	void aWordAndAcronymNameHeardLooselyIsTheNameOnceTheEpisodeNamesItTwice() {
		String[] talk = { "ChatGPT is a good product.", "People love ChatGPT for writing.",
				"But if you really use chargebt, it forgets things.", "And ChaiGBD has no memory of it." };
		List<Mention> mentions = extract(talk);
		assertThat(topicsIn(mentions, 2)).containsExactly("chatgpt");
		assertThat(topicsIn(mentions, 3)).containsExactly("chatgpt");
	}

	@Test
	void aLooseHearingOfAWordAndAcronymNameNeedsTheNameTwice() {
		assertThat(topics(extract("People love ChatGPT for writing.",
				"But if you really use chargebt, it forgets things.", "And ChaiGBD has no memory of it.")))
			.containsExactly("chatgpt");
		assertThat(topicsIn(
				extract("People love ChatGPT for writing.", "But if you really use chargebt, it forgets things."), 1))
			.isEmpty();
	}

	@Test
	void anAcronymRhymingWithANameTheEpisodeUsesIsThatName() {
		String[] talk = { "GPT had a limit of four thousand tokens.", "We asked GPT to summarise the text.",
				"That degrades GBT's intelligence." };
		assertThat(topicsIn(extract(talk), 2)).containsExactly("gpt");
		assertThat(topics(extract("That degrades GBT's intelligence."))).isEmpty();
	}

	@Test
	void aOneWordNameReadFromWordsStartingWithAFunctionWordNeedsACue() {
		assertThat(topics(extract("When the AI is lazy we chat more and it gets worse."))).doesNotContain("wechat");
		assertThat(topics(extract("On WeChat, Tencent's messaging app, the mini programs run."))).contains("wechat");
		assertThat(topics(extract("In China we chat on the Tencent messaging apps, mini programs too.")))
			.contains("wechat");
	}

	@Test
	void genAiIsAConceptNotACompany() {
		assertThat(topics(extract("Gen AI is the new buzzword and every assistant has it."))).contains("generative-ai")
			.doesNotContain("glean");
	}

}
