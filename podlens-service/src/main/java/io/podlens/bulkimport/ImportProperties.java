package io.podlens.bulkimport;

import java.time.Duration;

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
 * @param maxBodySize largest NDJSON body (spooled into the database in chunks, not held
 * in memory); 413 beyond. {@code podlens.max-request-size} does not apply to NDJSON.
 * @param lease how long an instance's claim on a job holds without being renewed (it
 * renews it every third of that while it works); a job whose instance crashed is resumed
 * by another after this long
 * @param pollInterval how often an idle instance looks for jobs to claim
 * @param chunkSize the spooled body is stored in rows of this size
 * @param keepFinished finished jobs (and uploads broken off halfway) are deleted after
 * this long
 */
@ConfigurationProperties("podlens.import")
public record ImportProperties(@DefaultValue("33554432") int maxLineBytes, @DefaultValue("5000") int batchSegments,
		@DefaultValue("200") int batchEpisodes, @DefaultValue("8") int queuedJobs, @DefaultValue("1000") int keptErrors,
		@DefaultValue("8GB") DataSize maxBodySize, @DefaultValue("30s") Duration lease,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("1MB") DataSize chunkSize,
		@DefaultValue("7d") Duration keepFinished) {

	public ImportProperties {
		if (lease.toMillis() < 300) {
			throw new IllegalArgumentException("podlens.import.lease must be at least 300ms");
		}
		if (pollInterval.toMillis() < 10) {
			throw new IllegalArgumentException("podlens.import.poll-interval must be at least 10ms");
		}
		if (chunkSize.toBytes() < 1024 || chunkSize.toBytes() > 64L * 1024 * 1024) {
			throw new IllegalArgumentException("podlens.import.chunk-size must be between 1KB and 64MB");
		}
	}
}
