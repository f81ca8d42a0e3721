package io.podlens.topic;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Progress of re-analysing the stored episodes after a taxonomy change.
 *
 * @param status {@code idle} (none since start), {@code running} (queued or under way) or
 * {@code done}
 * @param episodesTotal episodes in the current (or last) run
 * @param episodesDone episodes analysed so far in that run
 * @param startedAt when the run started, {@code null} before the first
 * @param finishedAt when the run finished, {@code null} while running
 * @param taxonomyVersion version of the taxonomy the run applies; it grows with every
 * change since the service started
 * @param episodesQueued newly stored (or, after a restart, not yet analysed) episodes
 * waiting in this process's queue for their first extraction
 * @param episodesPending stored episodes whose topics are {@code pending}: never
 * analysed, or not yet analysed again since the last taxonomy change; 0 when every
 * episode's topics are ready or failed
 * @param episodesFailed stored episodes whose last extraction failed
 */
public record ReanalysisStatus(State status, int episodesTotal, int episodesDone, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, long taxonomyVersion, int episodesQueued, long episodesPending,
		long episodesFailed) {

	ReanalysisStatus(State status, int episodesTotal, int episodesDone, @Nullable Instant startedAt,
			@Nullable Instant finishedAt, long taxonomyVersion) {
		this(status, episodesTotal, episodesDone, startedAt, finishedAt, taxonomyVersion, 0, 0, 0);
	}

	static ReanalysisStatus idle(long taxonomyVersion) {
		return new ReanalysisStatus(State.IDLE, 0, 0, null, null, taxonomyVersion);
	}

	ReanalysisStatus withQueued(int queued) {
		return new ReanalysisStatus(this.status, this.episodesTotal, this.episodesDone, this.startedAt, this.finishedAt,
				this.taxonomyVersion, queued, this.episodesPending, this.episodesFailed);
	}

	ReanalysisStatus withEpisodes(long pending, long failed) {
		return new ReanalysisStatus(this.status, this.episodesTotal, this.episodesDone, this.startedAt, this.finishedAt,
				this.taxonomyVersion, this.episodesQueued, pending, failed);
	}

	/** The state of the job; JSON names are lower-case. */
	public enum State {

		IDLE, RUNNING, DONE;

		@JsonValue
		public String json() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
