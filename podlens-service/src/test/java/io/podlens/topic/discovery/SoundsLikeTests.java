package io.podlens.topic.discovery;

import java.util.List;

import io.podlens.text.NameCandidates;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The topic a candidate probably is, ids made from names, default categories. */
class SoundsLikeTests {

	private final SoundsLike sounds = new SoundsLike(List
		.of(new Topic("zenlytic", "Zenlytic", TopicCategory.ORGANIZATION, List.of(), List.of()), new Topic("liu-jia",
				"Liu Jia", TopicCategory.PERSON, List.of(), List.of(), null, null, List.of(), List.of("刘嘉"), false)));

	@Test
	void sameAndNearSoundsPointToTheTopic() {
		assertThat(this.sounds.of(NameCandidates.soundKey("Zenlitic")))
			.isEqualTo(new CandidateView.Probably("zenlytic", "Zenlytic", "same-sound"));
		assertThat(this.sounds.of(NameCandidates.soundKey("劉佳")))
			.isEqualTo(new CandidateView.Probably("liu-jia", "刘嘉", "same-sound"));
		CandidateView.Probably near = this.sounds.of(NameCandidates.soundKey("Zenlytix"));
		assertThat(near).isNotNull();
		assertThat(near.how()).isEqualTo("near-sound");
		assertThat(this.sounds.of(NameCandidates.soundKey("Zorblax"))).isNull();
	}

	@Test
	void idsComeFromNamesInLatinLettersOrPinyin() {
		assertThat(CandidateService.slug("Quokka-7", 1)).isEqualTo("quokka-7");
		assertThat(CandidateService.slug("Qwen2.5 Max", 1)).isEqualTo("qwen2.5-max");
		assertThat(CandidateService.slug("迪伦·帕特尔", 1)).isEqualTo("di-lun-pa-te-er");
		assertThat(CandidateService.slug("···", 4)).isEqualTo("candidate-4");
	}

	@Test
	void categoriesFollowTheKindOfTheForms() {
		assertThat(CandidateService.defaultCategory(List.of("chinese-person"))).isEqualTo("person");
		assertThat(CandidateService.defaultCategory(List.of("transliterated", "capitalized"))).isEqualTo("person");
		assertThat(CandidateService.defaultCategory(List.of("model-like"))).isEqualTo("model");
		assertThat(CandidateService.defaultCategory(List.of("capitalized"))).isEqualTo("organization");
	}

	@Test
	void formsAreSplitByScriptWithoutNamesTheTopicHas() {
		CandidateService.Names names = CandidateService.Names
			.of(List.of("Zorblax", "ZORBLAX", "佐布拉", "佐布拉斯", "Zorblaks"), List.of("Zorblax"));
		assertThat(names.latin()).containsExactly("Zorblaks");
		assertThat(names.hans()).containsExactly("佐布拉", "佐布拉斯");
		assertThat(names.hant()).isEmpty();
	}

}
