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
 * nobody waits for it (the background reopen interval). Every write of the service waits
 * for its generation (within {@code reopenMinStale}), so this only bounds when searches
 * see finished merges; a near-real-time reopen flushes the documents of writes still in
 * progress into segments of their own, so a short interval cuts bulk-import batches into
 * small segments that merges then rewrite
 * @param reopenMinStale shortest reopen interval, used while a caller waits for its write
 * (read-your-writes): a bound on what waiting for a write costs
 * @param commitEvery how often the writes of bulk-import batches, which do not commit one
 * by one, are committed in the background (their job's end commits too); keep it well
 * below {@code podlens.events.retry-after}, or batches still waiting for a commit are
 * handed to the index again
 * @param rebuildBatchSize segments read from the database per batch during a rebuild
 * @param indexingThreads threads that analyse documents of large writes (bulk-import
 * batches, rebuilds) in parallel; 0 picks up to 4 from the available processors
 * @param parallelFrom a write of fewer documents than this is analysed on the calling
 * thread (one episode is not worth a hand-off)
 * @param warmUp at most this long after start-up, a background thread analyses sample
 * segments into a throw-away index so that the first import runs at full speed; 0 turns
 * it off
 * @param contextWindow how far after a segment its context reaches: the text of the
 * segments that start less than this after it ends is indexed with it (field
 * {@code context}, at most {@value Passages#MAX_FOLLOWING} segments), so that words said
 * over a few short segments find the segment where they start; 0 indexes no context.
 * Changing it rebuilds the index at the next start
 * @param ranking how queries typed as words or questions rank segments
 */
@ConfigurationProperties("podlens.search")
public record SearchProperties(@DefaultValue("10000") int exactTotalUpTo, @DefaultValue("10s") Duration reopenMaxStale,
		@DefaultValue("5ms") Duration reopenMinStale, @DefaultValue("5s") Duration commitEvery,
		@DefaultValue("500") int rebuildBatchSize, @DefaultValue("0") int indexingThreads,
		@DefaultValue("256") int parallelFrom, @DefaultValue("3s") Duration warmUp,
		@DefaultValue("30s") Duration contextWindow, @DefaultValue Ranking ranking) {

	public SearchProperties {
		if (exactTotalUpTo < 1) {
			throw new IllegalArgumentException("podlens.search.exact-total-up-to must be at least 1");
		}
		if (reopenMinStale.isNegative() || reopenMinStale.compareTo(reopenMaxStale) > 0) {
			throw new IllegalArgumentException(
					"podlens.search.reopen-min-stale must be between 0 and podlens.search.reopen-max-stale");
		}
		if (commitEvery.isNegative() || commitEvery.isZero()) {
			throw new IllegalArgumentException("podlens.search.commit-every must be positive");
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
		if (contextWindow.isNegative()) {
			throw new IllegalArgumentException("podlens.search.context-window must not be negative");
		}
	}

	/**
	 * How a query without query syntax (words, a question) ranks segments; see
	 * docs/search.md. Queries with syntax (quotes, AND, OR, NOT, +, -, *, parentheses)
	 * keep their boolean meaning and do not use these.
	 *
	 * @param minimumShouldMatch how many of the query's content words a segment (with its
	 * context) must contain, in Solr's {@code mm} syntax (see
	 * {@link MinimumShouldMatch}); the default requires one or two words all, three or
	 * four all but one, five and more 60 %
	 * @param phraseBoost weight of the whole query as a phrase in the segment's text
	 * @param proximityBoost weight of the content words near each other in the segment's
	 * text, in the query's order ({@code proximitySlop} moves at most)
	 * @param proximitySlop how many positions the words of the proximity boost may move
	 * @param contextBoost weight of a word found in the segment's context (the segments
	 * after it) against 1 for the segment's own text; below 1 so that segments saying the
	 * words themselves rank first
	 */
	public record Ranking(@DefaultValue("2<-1 3<60%") String minimumShouldMatch,
			@DefaultValue("1.0") float allWordsBoost, @DefaultValue("1.0") float phraseBoost,
			@DefaultValue("0.5") float proximityBoost, @DefaultValue("10") int proximitySlop,
			@DefaultValue("0.5") float contextBoost) {

		public Ranking {
			MinimumShouldMatch.parse(minimumShouldMatch);
			requireWeight("all-words-boost", allWordsBoost);
			requireWeight("phrase-boost", phraseBoost);
			requireWeight("proximity-boost", proximityBoost);
			requireWeight("context-boost", contextBoost);
			if (proximitySlop < 0 || proximitySlop > 100) {
				throw new IllegalArgumentException("podlens.search.ranking.proximity-slop must be between 0 and 100");
			}
		}

		/** The defaults, as configuration binds them. */
		public static Ranking defaults() {
			return new Ranking("2<-1 3<60%", 1.0f, 1.0f, 0.5f, 10, 0.5f);
		}

		MinimumShouldMatch rule() {
			return MinimumShouldMatch.parse(this.minimumShouldMatch);
		}

		private static void requireWeight(String name, float weight) {
			if (!(weight >= 0 && weight <= 100)) {
				throw new IllegalArgumentException("podlens.search.ranking." + name + " must be between 0 and 100");
			}
		}

	}

	/** The number of indexing threads to start. */
	int threads() {
		return (this.indexingThreads > 0) ? this.indexingThreads
				: Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

}
