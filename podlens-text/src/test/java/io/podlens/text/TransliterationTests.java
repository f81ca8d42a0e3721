package io.podlens.text;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TransliterationTests {

	private static final Transliteration MODEL = Transliteration.SHIPPED;

	private static List<String> pinyin(String han) {
		List<String> out = new ArrayList<>();
		han.codePoints().forEach((cp) -> out.add(Pinyin.of(cp)));
		return out;
	}

	private static Transliteration.Match whole(String name, String han) {
		List<String> syllables = pinyin(han);
		return MODEL.render(name).match(syllables, 0, syllables.size(), 1.0);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Claude      | ke lao de
			Llama       | la ma
			Mistral     | mi si te la er
			Gemini      | jie mi ni
			Grok        | ge luo ke
			Anthropic   | an si luo pi ke
			DeepSeek    | di pu xi ke
			Sora        | suo la
			Nadella     | na de la
			GPT         | ji pi ti
			X           | ai ke si
			LM          | ai lei ai mu
			GPT-4       | ji pi ti si
			Llama 3     | la ma san
			""")
	void namesAreRenderedSyllableBySyllableFromTheTable(String name, String firstChoice) {
		assertThat(MODEL.render(name).firstChoice()).isEqualTo(firstChoice);
	}

	@ParameterizedTest(name = "{0} ~ {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Claude      | 克劳德        | 0.0
			Llama       | 拉玛          | 0.0
			Llama       | 拉马          | 0.0
			Gemini      | 杰米尼        | 0.0
			Mistral     | 米斯特拉尔    | 0.0
			Mistral     | 米斯特拉      | 0.04
			Altman      | 奥特曼        | 0.075
			GPT         | 基批踢        | 0.0
			GPT         | 吉屁提        | 0.0
			X           | 艾克斯        | 0.0
			A           | 诶            | 0.0
			A           | 哎            | 0.0
			P           | 屁            | 0.0
			LM          | 艾勒艾姆      | 0.0
			Grok        | 格若克        | 0.0667
			OpenAI      | 欧喷诶爱      | 0.025
			""")
	void runsOfCharactersSoundingLikeTheNameAreNear(String name, String han, double distance) {
		Transliteration.Match match = whole(name, han);
		assertThat(match).isNotNull();
		assertThat(match.length()).isEqualTo(han.length());
		assertThat(match.distance()).isCloseTo(distance, within(0.001));
	}

	@ParameterizedTest(name = "{0} is not {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Gemini      | 基本
			Llama       | 东西
			Claude      | 克里斯
			Mistral     | 米斯
			Grok        | 高兴
			Sora        | 所以
			GPT         | 基本上
			""")
	void otherWordsAreFar(String name, String han) {
		Transliteration.Match match = whole(name, han);
		assertThat(match == null || match.distance() > 0.2).as("distance %s", match).isTrue();
	}

	@Test
	void aMatchMayEndBeforeTheRunEnds() {
		List<String> syllables = pinyin("克劳德发布了");
		Transliteration.Match match = MODEL.render("Claude").match(syllables, 0, syllables.size(), 0.2);
		assertThat(match).isNotNull();
		assertThat(match.length()).isEqualTo(3);
		assertThat(MODEL.render("Claude").match(syllables, 1, syllables.size(), 0.2)).isNull();
	}

	@Test
	void theFirstSyllableIsIndexedByItsCoarseKey() {
		assertThat(MODEL.render("Claude").firstKeys()).contains(SyllableDistance.key(Pinyin.of('克')));
		assertThat(MODEL.render("Nadella").firstKeys()).contains(SyllableDistance.key(Pinyin.of('拉')));
		assertThat(SyllableDistance.key("zhang")).isEqualTo(SyllableDistance.key("can"));
	}

	@ParameterizedTest(name = "{0} ~ {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			la    | la    | 0.0
			la    | na    | 0.2
			lan   | lang  | 0.1
			ben   | beng  | 0.1
			pi    | bi    | 0.2
			zhi   | zi    | 0.2
			lai   | lei   | 0.25
			ma    | la    | 0.7
			ke    | xin   | 1.0
			""")
	void syllablesAreNearWhenTheyShareMostOfTheirSound(String a, String b, double distance) {
		assertThat(SyllableDistance.of(a, b)).isCloseTo(distance, within(0.001));
		assertThat(SyllableDistance.of(b, a)).isCloseTo(distance, within(0.001));
	}

	@Test
	void transliterationCharactersAreTheTablesInBothScripts() {
		assertThat(MODEL.isTransliterationCharacter('克')).isTrue();
		assertThat(MODEL.isTransliterationCharacter('蘭')).isTrue();
		assertThat(MODEL.isTransliterationCharacter('的')).isFalse();
		assertThat(MODEL.isTableCharacter('斯')).isTrue();
		assertThat(MODEL.isTableCharacter('屁')).isFalse();
	}

	@Test
	void otherScriptsAreNotRendered() {
		assertThat(MODEL.render("克劳德")).isNull();
		assertThat(MODEL.render("---")).isNull();
	}

}
