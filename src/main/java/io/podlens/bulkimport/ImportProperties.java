package io.podlens.bulkimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.import.}.
 *
 * @param maxLineBytes longest accepted NDJSON line (one episode); a longer line fails
 * alone
 * @param batchSegments a batch is stored once it holds this many segments
 * @param batchEpisodes ... or this many episodes
 * @param queuedJobs imports that may wait while one runs; more are refused with 503
 * @param keptErrors per-line errors kept per job; later ones are only counted
 */
@ConfigurationProperties("podlens.import")
public record ImportProperties(@DefaultValue("33554432") int maxLineBytes, @DefaultValue("5000") int batchSegments,
		@DefaultValue("200") int batchEpisodes, @DefaultValue("8") int queuedJobs,
		@DefaultValue("1000") int keptErrors) {
}
