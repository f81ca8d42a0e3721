package io.podlens.common;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.info.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiInfoTests {

	@Test
	void versionComesFromTheBuildInfo() {
		Properties build = new Properties();
		build.setProperty("version", "1.2.3");
		assertThat(OpenApiInfo.version(new BuildProperties(build))).isEqualTo("1.2.3");
	}

	@Test
	void withoutBuildInfoTheManifestOrUnknown() {
		// Test classes run from target/classes, which has no manifest.
		String manifest = OpenApiInfo.class.getPackage().getImplementationVersion();
		String expected = (manifest != null) ? manifest : OpenApiInfo.UNKNOWN_VERSION;
		assertThat(OpenApiInfo.version(null)).isEqualTo(expected);
		assertThat(OpenApiInfo.version(new BuildProperties(new Properties()))).isEqualTo(expected);
	}

}
