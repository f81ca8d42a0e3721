package io.podlens.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Folding, tokens, pinyin, script detection, words and word lists. */
class KernelTests {

	@Test
	void foldingSimplifiesAndFoldsCaseWidthAndAccents() {
		assertThat(Folding.fold("ＧＰＴ－４Ｖ 多模態 Café")).isEqualTo("gpt-4v 多模态 cafe");
		assertThat(Folding.keepingCase("ＧＰＴ 多模態 Café")).isEqualTo("GPT 多模态 Café");
		assertThat(Folding.key("GPT-4o")).isEqualTo(Folding.key("ＧＰＴ－４ｏ"))
			.isEqualTo(Folding.key("gpt 4o"))
			.isEqualTo("gpt4o");
	}

	@Test
	void tokensAreLetterDigitRunsAndSingleHanCharacters() {
		List<Token> tokens = Tokens.of("Meta的Llama-3, 模型");
		assertThat(tokens).extracting(Token::key).containsExactly("meta", "的", "llama", "3", "模", "型");
		assertThat(tokens).extracting(Token::gapBefore).containsExactly(true, true, true, true, false, true);
		assertThat(tokens.get(0).capitalized()).isTrue();
		assertThat(tokens.get(1).han()).isTrue();
		assertThat(tokens.get(2).start()).isEqualTo(5);
		assertThat(tokens.get(2).end()).isEqualTo(10);
		assertThat(Tokens.of("GPT").get(0).allCaps()).isTrue();
	}

	@Test
	void scannerSplitsAsTokens() {
		String text = "變色龍 Chameleon-2 ｇｐｔ😀𠀀x";
		Tokens.Scanner scanner = new Tokens.Scanner(text);
		for (Token token : Tokens.of(text)) {
			assertThat(scanner.next()).isTrue();
			assertThat(scanner.start()).isEqualTo(token.start());
			assertThat(scanner.end()).isEqualTo(token.end());
			assertThat(scanner.han()).isEqualTo(token.han());
		}
		assertThat(scanner.next()).isFalse();
	}

	@Test
	void pinyinReadsTheSimplifiedForm() {
		assertThat(Pinyin.of('項')).isEqualTo(Pinyin.of('项')).isEqualTo("xiang");
		assertThat(Pinyin.of("向量")).isEqualTo("xiangliang");
		assertThat(Pinyin.merged('項')).isEqualTo(Pinyin.merged('向')).isEqualTo("xian");
		assertThat(Pinyin.merged('中')).isEqualTo("zon");
		assertThat(Pinyin.isSyllable("yuan")).isTrue();
		assertThat(Pinyin.isSyllable("yuanx")).isFalse();
		assertThat(Pinyin.of('a')).isEqualTo("a");
	}

	@Test
	void chineseScriptWeighsBothDirections() {
		assertThat(ChineseScript.isTraditional("這是一個多模態模型")).isTrue();
		assertThat(ChineseScript.isTraditional("这是一个多模态模型")).isFalse();
		assertThat(ChineseScript.isTraditional("hello")).isFalse();
		assertThat(new ChineseScript().add('這', 3).add('这', 2).traditional()).isTrue();
	}

	@Test
	void wordsSegmentChineseWithTheDictionary() {
		String text = "多模態模型 and GPT";
		List<String> words = Words.of(text)
			.stream()
			.filter(Words.Segment::word)
			.map((s) -> text.substring(s.start(), s.end()))
			.toList();
		assertThat(words).contains("模型", "and", "GPT");
	}

	@Test
	void wordListsAreLoadedInTheirKeys() {
		assertThat(WordLists.STOPWORDS).contains("the", "don't", "我们", "这个");
		assertThat(WordLists.COMMON_ENGLISH).contains("apple", "bard");
		// common words and capitalised names, lower-cased; no misheard spellings
		assertThat(WordLists.ENGLISH_WORDS).contains("train", "billion", "hello", "china", "paul")
			.doesNotContain("camellia", "openi", "");
		assertThat(WordLists.FREQUENT_ENGLISH).contains("train", "scale", "hello").doesNotContain("billion", "");
		assertThat(WordLists.AI_CUES).contains("ai", "模型", "finetuning");
		assertThat(WordLists.AI_CUES).doesNotContain("");
		// Traditional in the file, Simplified as folded.
		assertThat(WordLists.QUERY_FUNCTION_WORDS).contains("哪里", "从", "的", "吗").doesNotContain("模型", "");
	}

}
