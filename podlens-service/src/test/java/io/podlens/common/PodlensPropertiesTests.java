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
	void shortConstructorKeepsDefaults() {
		PodlensProperties properties = new PodlensProperties(Path.of("d"), 1, 1);
		assertThat(properties.apiKey()).isNull();
		assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(60));
	}

	@Test
	void toStringHidesTheKey() {
		assertThat(new PodlensProperties(Path.of("d"), 1, 1, "top-secret", DataSize.ofKilobytes(1)).toString())
			.doesNotContain("top-secret")
			.contains("apiKey=(set)");
	}

}
