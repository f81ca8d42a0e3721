package io.podlens.common;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's name, version, description and licence (Swagger UI's title). The
 * version is the build's, from {@code META-INF/build-info.properties} written by
 * {@code spring-boot-maven-plugin}; the jar manifest is the fallback when that file is
 * absent.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiInfo {

	static final String TITLE = "Podlens API";

	/** Shown when neither the build info nor the manifest know the version (IDE runs). */
	static final String UNKNOWN_VERSION = "unknown";

	static final String LICENSE = "Proprietary. All rights reserved.";

	private static final String DESCRIPTION = """
			Ingest timestamped podcast transcripts (timestamped text, SRT, WebVTT, Podcasting 2.0 \
			JSON and HTML, Whisper JSON), search what was said, where and when, across Traditional \
			and Simplified Chinese and English, with sounds-like matching of speech-recognition \
			errors, and follow topics (AI models, companies, people) across episodes. Errors are \
			RFC 9457 problem details.""";

	@Bean
	OpenAPI podlensOpenApi(ObjectProvider<BuildProperties> build) {
		return new OpenAPI().info(new Info().title(TITLE)
			.version(version(build.getIfAvailable()))
			.description(DESCRIPTION)
			.license(new License().name(LICENSE)));
	}

	static String version(@Nullable BuildProperties build) {
		if (build != null && build.getVersion() != null) {
			return build.getVersion();
		}
		String manifest = OpenApiInfo.class.getPackage().getImplementationVersion();
		return (manifest != null) ? manifest : UNKNOWN_VERSION;
	}

}
