package io.podlens.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ThemeCatalogTests {

	@TempDir
	Path dir;

	@Test
	void bundledThemesHaveNamesInEveryLanguageAndFoldedCues() {
		ThemeCatalog catalog = ThemeCatalog.bundled();
		assertThat(catalog.themes()).extracting(ThemeDefinition::id)
			.contains("sponsor", "intro", "outro", "listener-feedback", "multimodal-stage-1", "multimodal-stage-2",
					"multimodal-stage-3", "multimodal-future");
		for (ThemeDefinition theme : catalog.themes()) {
			assertThat(theme.name()).containsKeys("zh-Hant", "zh-Hans", "en");
			assertThat(theme.cues()).allSatisfy((cue) -> assertThat(cue.term()).isEqualTo(Folding.fold(cue.term())));
		}
		assertThat(catalog.nameOf("sponsor", "zh-TW")).isEqualTo("贊助");
		assertThat(catalog.nameOf("sponsor", "zh-CN")).isEqualTo("赞助");
		assertThat(catalog.nameOf("sponsor", "fr")).isEqualTo("Sponsor");
	}

	@Test
	void userThemesFromADirectoryAreAddedAndClassified() throws IOException {
		Files.writeString(this.dir.resolve("cooking.json"), """
				{"themes":[{"id":"baking","kind":"subject","name":{"en":"Baking","zh-Hant":"烘焙"},
				  "description":"bread and cakes","cues":{"zh":{"麵團":3,"烤箱":2},"en":{"dough":3,"oven":2}}}]}""");
		ThemeCatalog catalog = ThemeCatalog.load(new AnalysisProperties(this.dir, true, 2.5));
		assertThat(catalog.find("baking")).isPresent();
		assertThat(catalog.find("sponsor")).isPresent();
		List<StoredSegment> segments = TestSegments.evenly("zh-Hans", 60_000, "把面团放进烤箱 烤二十分钟");
		EpisodeThemes themes = new ThemeClassifier(catalog, 2.5).classify(segments, List.of());
		assertThat(themes.segments().get(0).theme()).isEqualTo("baking");
	}

	@Test
	void defaultsCanBeSwitchedOff() throws IOException {
		Files.writeString(this.dir.resolve("one.json"),
				"{\"themes\":[{\"id\":\"x\",\"name\":{\"en\":\"X\"},\"cues\":{\"en\":{\"xylophone\":1}}}]}");
		ThemeCatalog catalog = ThemeCatalog.load(new AnalysisProperties(this.dir, false, 2.5));
		assertThat(catalog.themes()).extracting(ThemeDefinition::id).containsExactly("x");
	}

	@Test
	void aThemeWithoutCuesIsRejected() throws IOException {
		Files.writeString(this.dir.resolve("bad.json"), "{\"themes\":[{\"id\":\"x\",\"name\":{\"en\":\"X\"}}]}");
		assertThatIllegalStateException()
			.isThrownBy(() -> ThemeCatalog.load(new AnalysisProperties(this.dir, true, 2.5)))
			.withMessageContaining("no cue terms");
	}

}
