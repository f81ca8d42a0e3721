package io.podlens.bulkimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code podlens.import.}.
 *
 * @param maxLineBytes longest accepted NDJSON line (one episode); a longer line fails
 * alone
 * @param batchSegments a batch is stored once it holds this many segments
 * @param batchEpisodes ... or this many episodes
 * @param queuedJobs imports that may wait while one runs; more are refused with 503
 * @param keptErrors per-line errors kept per job; later ones are only counted
 * @param maxBodySize largest NDJSON body (spooled to the data directory, not held in
 * memory); 413 beyond. {@code podlens.max-request-size} does not apply to NDJSON.
 */
@ConfigurationProperties("podlens.import")
public record ImportProperties(@DefaultValue("33554432") int maxLineBytes, @DefaultValue("5000") int batchSegments,
		@DefaultValue("200") int batchEpisodes, @DefaultValue("8") int queuedJobs, @DefaultValue("1000") int keptErrors,
		@DefaultValue("8GB") DataSize maxBodySize) {
}
