package io.podlens.common;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under the {@code podlens.} prefix.
 *
 * @param dataDir directory holding the embedded database and the Lucene index (env
 * {@code PODLENS_DATA_DIR})
 * @param maxSegments largest number of segments accepted for one episode
 * @param maxQueryLength longest accepted search query, in characters
 * @param apiKey when set, write and admin requests must carry it in the {@code X-API-Key}
 * header (env {@code PODLENS_API_KEY}); {@code null} leaves the API open
 * @param maxRequestSize largest request body accepted outside multipart uploads (413
 * beyond); uploads are limited by {@code spring.servlet.multipart.*}
 */
@ConfigurationProperties("podlens")
public record PodlensProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("200000") int maxSegments,
		@DefaultValue("2000") int maxQueryLength, @Nullable String apiKey,
		@DefaultValue("60MB") DataSize maxRequestSize) {

	/** Default for {@link #maxRequestSize()}. */
	public static final DataSize DEFAULT_MAX_REQUEST_SIZE = DataSize.ofMegabytes(60);

	@ConstructorBinding
	public PodlensProperties {
		apiKey = (apiKey == null || apiKey.isBlank()) ? null : apiKey;
		maxRequestSize = (maxRequestSize != null) ? maxRequestSize : DEFAULT_MAX_REQUEST_SIZE;
	}

	/** Never shows the API key, so that logging the settings does not leak it. */
	@Override
	public String toString() {
		return "PodlensProperties[dataDir=" + this.dataDir + ", maxSegments=" + this.maxSegments + ", maxQueryLength="
				+ this.maxQueryLength + ", apiKey=" + ((this.apiKey != null) ? "(set)" : "(none)") + ", maxRequestSize="
				+ this.maxRequestSize + "]";
	}

	/** Directory of the Lucene index, below the data directory. */
	public Path indexDir() {
		return this.dataDir.resolve("index");
	}

}
