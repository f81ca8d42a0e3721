package io.podlens.common;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under the {@code podlens.} prefix.
 *
 * @param dataDir directory holding the embedded database and the Lucene index (env
 * {@code PODLENS_DATA_DIR})
 * @param maxSegments largest number of segments accepted for one episode
 * @param maxQueryLength longest accepted search query, in characters
 */
@ConfigurationProperties("podlens")
public record PodlensProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("200000") int maxSegments,
		@DefaultValue("2000") int maxQueryLength) {

	/** Directory of the Lucene index, below the data directory. */
	public Path indexDir() {
		return this.dataDir.resolve("index");
	}

}
