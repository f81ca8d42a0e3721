package io.podlens.alert;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A stored alert, secret included: never leaves the package. */
record Alert(long id, String name, List<String> topics, @Nullable String query, boolean soundsLike,
		@Nullable String podcast, @Nullable String language, String webhookUrl, String secret, boolean backfill,
		boolean paused, @Nullable String pausedReason, @Nullable Instant pausedAt, Instant createdAt,
		Instant updatedAt) {

	Alert {
		topics = List.copyOf(topics);
	}

	/** Whether an episode stored at {@code episodeCreatedAt} may fire it. */
	boolean covers(Instant episodeCreatedAt) {
		return this.backfill || !episodeCreatedAt.isBefore(this.createdAt);
	}

	/** Whether an episode of this podcast and language may fire it. */
	boolean accepts(@Nullable String episodePodcast, String episodeLanguage) {
		if (this.podcast != null && !this.podcast.equals(episodePodcast)) {
			return false;
		}
		if (this.language == null) {
			return true;
		}
		// As the search's language filter: the tag as stored, or the start of it.
		return episodeLanguage.equals(this.language) || episodeLanguage.startsWith(this.language + "-");
	}

}
