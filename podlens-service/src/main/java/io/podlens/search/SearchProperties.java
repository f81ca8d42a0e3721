package io.podlens.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every search and index setting, under {@code podlens.search.}.
 *
 * @param exactTotalUpTo a search counts its matches exactly up to this many (and always
 * up to the end of the requested page); beyond, {@code total} is a lower bound and
 * {@code totalExact} is false, which keeps frequent words fast in large indexes
 * @param reopenMaxStale longest time a write waits to become visible to searches when
 * nobody waits for it (the background reopen interval)
 * @param reopenMinStale shortest reopen interval, used while a caller waits for its write
 * (read-your-writes): a bound on what waiting for a write costs
 * @param rebuildBatchSize segments read from the database per batch during a rebuild
 * @param indexingThreads threads that analyse documents of large writes (bulk-import
 * batches, rebuilds) in parallel; 0 picks up to 4 from the available processors
 * @param parallelFrom a write of fewer documents than this is analysed on the calling
 * thread (one episode is not worth a hand-off)
 * @param warmUp at most this long after start-up, a background thread analyses sample
 * segments into a throw-away index so that the first import runs at full speed; 0 turns
 * it off
 */
@ConfigurationProperties("podlens.search")
public record SearchProperties(@DefaultValue("10000") int exactTotalUpTo, @DefaultValue("1s") Duration reopenMaxStale,
		@DefaultValue("5ms") Duration reopenMinStale, @DefaultValue("500") int rebuildBatchSize,
		@DefaultValue("0") int indexingThreads, @DefaultValue("256") int parallelFrom,
		@DefaultValue("3s") Duration warmUp) {

	public SearchProperties {
		if (exactTotalUpTo < 1) {
			throw new IllegalArgumentException("podlens.search.exact-total-up-to must be at least 1");
		}
		if (reopenMinStale.isNegative() || reopenMinStale.compareTo(reopenMaxStale) > 0) {
			throw new IllegalArgumentException(
					"podlens.search.reopen-min-stale must be between 0 and podlens.search.reopen-max-stale");
		}
		if (rebuildBatchSize < 1) {
			throw new IllegalArgumentException("podlens.search.rebuild-batch-size must be at least 1");
		}
		if (indexingThreads < 0) {
			throw new IllegalArgumentException("podlens.search.indexing-threads must not be negative");
		}
		if (parallelFrom < 1) {
			throw new IllegalArgumentException("podlens.search.parallel-from must be at least 1");
		}
		if (warmUp.isNegative()) {
			throw new IllegalArgumentException("podlens.search.warm-up must not be negative");
		}
	}

	/** The number of indexing threads to start. */
	int threads() {
		return (this.indexingThreads > 0) ? this.indexingThreads
				: Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

}
