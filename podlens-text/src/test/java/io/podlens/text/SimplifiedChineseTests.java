package io.podlens.text;

import java.io.IOException;
import java.util.List;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimplifiedChineseTests {

	private static final Transliterator ICU = Transliterator.getInstance(SimplifiedChinese.ICU_ID);

	@Test
	void everyIcuRuleGivesIcusResult() {
		int rules = 0;
		for (String line : ICU.toRules(false).split("\n")) {
			String from = line.substring(0, line.indexOf('>')).strip();
			// Alone, inside other text, and twice in a row.
			for (String text : List.of(from, "在" + from + "里", from + from, "x" + from + " 1")) {
				assertThat(SimplifiedChinese.convert(text)).as(line).isEqualTo(ICU.transliterate(text));
			}
			rules++;
		}
		assertThat(rules).isGreaterThan(3000);
	}

	@Test
	void phrasesOverrideSingleCharacters() {
		assertThat(SimplifiedChinese.convert("著名的著作")).isEqualTo(ICU.transliterate("著名的著作"));
		assertThat(SimplifiedChinese.convert("多模態模型與項量")).isEqualTo("多模态模型与项量");
		String unchanged = "GPT-4o and 多模态";
		assertThat(SimplifiedChinese.convert(unchanged)).isSameAs(unchanged);
	}

	@Test
	void convertsInPlaceUnlessAPhraseApplies() {
		char[] buffer = "變色龍模型".toCharArray();
		assertThat(SimplifiedChinese.convertInPlace(buffer, buffer.length)).isEqualTo(5);
		assertThat(new String(buffer)).isEqualTo("变色龙模型");
		char[] phrase = "很著名".toCharArray();
		assertThat(SimplifiedChinese.convertInPlace(phrase, phrase.length)).isEqualTo(-1);
		assertThat(new String(phrase)).isEqualTo("很著名");
	}

	@Test
	void everyHanCharacterAloneGivesIcusResult() {
		for (int cp = 0x3400; cp <= 0x9FFF; cp++) {
			String text = Character.toString(cp);
			assertThat(SimplifiedChinese.convert(text)).as("U+%04X", cp).isEqualTo(ICU.transliterate(text));
		}
	}

	@Test
	void seedAndCorpusTextGiveIcusResult() throws IOException {
		List<String> lines = SharedData.textLines("seeds", "corpus/zh", "corpus/en", "corpus/podcasting20");
		for (String line : lines) {
			assertThat(SimplifiedChinese.convert(line)).as(line).isEqualTo(ICU.transliterate(line));
		}
		assertThat(lines).hasSizeGreaterThan(10_000);
	}

}
