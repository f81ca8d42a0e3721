package io.podlens.common;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class PodlensPropertiesTests {

	@Test
	void blankApiKeyMeansNone() {
		assertThat(new PodlensProperties(Path.of("d"), 1, 1, " ", null).apiKey()).isNull();
	}

	@Test
	void absentRequestSizeKeepsTheDefault() {
		PodlensProperties properties = new PodlensProperties(Path.of("d"), 1, 1, null, null);
		assertThat(properties.apiKey()).isNull();
		assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(60));
	}

	@Test
	void bindingNothingButTheDataDirectoryGivesTheDefaults() {
		PodlensProperties properties = TestPodlensProperties.withDataDir(Path.of("d"));
		assertThat(properties.dataDir()).isEqualTo(Path.of("d"));
		assertThat(properties.maxSegments()).isEqualTo(200_000);
		assertThat(properties.maxQueryLength()).isEqualTo(2_000);
		assertThat(properties.apiKey()).isNull();
		assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(60));
		assertThat(TestPodlensProperties.withMaxQueryLength(Path.of("d"), 7).maxQueryLength()).isEqualTo(7);
	}

	@Test
	void toStringHidesTheKey() {
		assertThat(new PodlensProperties(Path.of("d"), 1, 1, "top-secret", DataSize.ofKilobytes(1)).toString())
			.doesNotContain("top-secret")
			.contains("apiKey=(set)");
	}

}
