package io.podlens.text;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Candidate names in sentences written for these tests: what is found, of which kind, and
 * what the guards keep out.
 */
class NameCandidatesTests {

	private static final NameCandidates FINDER = NameCandidates.create(true);

	private static final NameCandidates LATIN_ONLY = NameCandidates.create(false);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# Latin names inside Chinese speech
			我们昨天试了 Zorbly 这个工具                 | Zorbly:latin-in-chinese
			用Kestrel Vision做了一个演示                 | Kestrel Vision:latin-in-chinese
			这个Deep seek的回答比较长                    | Deep seek:latin-in-chinese
			他们把 p PDF 都上传了                        | PDF:latin-in-chinese
			新出的Quokka3模型跑得很快                    | Quokka3:model-like
			这个 model 其实很一般                        | ''
			我觉得 ok 的                                 | ''
			# model-like tokens and capitalised names in English
			we tried Qwen2.5 and o3-mini on the same prompt | Qwen2.5:model-like, o3-mini:model-like
			the new Llama 3 release was late              | Llama 3:model-like
			then R1 came out and everyone switched         | R1:model-like
			yesterday I met Priya Ramaswamy at the lab    | Priya Ramaswamy:capitalized
			we asked Zorblax about the schedule           | Zorblax:capitalized
			the whole thing runs on RLHF now              | RLHF:capitalized
			# guards
			Yesterday we went home early                   | ''
			she said Monday was fine for the English class | ''
			we trained a 70B model with a 16k context in the 90s | ''
			This Is A Line Where Every Word Gets A Capital  | ''
			the US team and the UK team met                | ''
			I think so                                     | ''
			""")
	void findsCandidatesAndKeepsOrdinaryWordsOut(String text, String expected) {
		List<String> found = FINDER.find(text).stream().map((f) -> f.surface() + ":" + f.kind().json()).toList();
		List<String> wanted = expected.isBlank() ? List.of() : List.of(expected.split(", "));
		assertThat(found).containsExactlyElementsOf(wanted);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			# names HanLP tags, kept
			听说特朗普又改了主意                       | 特朗普:transliterated
			我跟扎克伯格的团队聊过                     | 扎克伯格:transliterated
			后来黄仁勋上台讲了半小时                   | 黄仁勋:chinese-person
			# the tagger's noise, kept out
			他们想再建一座晶圆厂                       | ''
			这些都好说                                 | ''
			哈哈哈哈哈                                 | ''
			""")
	void chineseNamesAreTaggedAndGuarded(String text, String expected) {
		List<String> found = FINDER.find(text).stream().map((f) -> f.surface() + ":" + f.kind().json()).toList();
		List<String> wanted = expected.isBlank() ? List.of() : List.of(expected.split(", "));
		assertThat(found).containsExactlyElementsOf(wanted);
		assertThat(LATIN_ONLY.find(text)).isEmpty();
	}

	@Test
	void offsetsAreThoseOfTheTextAsWritten() {
		String text = "在臉書上，扎克伯格說 Zorbly 不錯";
		List<NameCandidates.Found> found = FINDER.find(text);
		assertThat(found).isNotEmpty()
			.allSatisfy((f) -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.surface()));
		assertThat(found).extracting(NameCandidates.Found::surface).contains("Zorbly", "扎克伯格");
	}

	@Test
	void variantsOfOneNameShareTheirSoundKey() {
		assertThat(NameCandidates.soundKey("Deep seek")).isEqualTo(NameCandidates.soundKey("DeepSeek"))
			.isEqualTo(NameCandidates.soundKey("deep-seek"));
		assertThat(NameCandidates.soundKey("GPT-4o")).isEqualTo(NameCandidates.soundKey("gpt 4o"));
		assertThat(NameCandidates.soundKey("GPT-4o")).isEqualTo(NameCandidates.soundKey("GBT-4o"));
		assertThat(NameCandidates.soundKey("扎克伯格")).isEqualTo(NameCandidates.soundKey("紮克伯格")).isEqualTo("za ke bo ge");
		assertThat(NameCandidates.soundKey("Zorbly")).isNotEqualTo(NameCandidates.soundKey("Zorblax"));
	}

}
