package io.podlens.topic;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the topics of one episode stand.
 *
 * @param status pending, ready or failed
 * @param analysedAt when the stored mentions were extracted; {@code null} before the
 * first extraction (a pending episode with a time is being analysed again after a
 * taxonomy change, and its stored mentions are those of the previous taxonomy)
 */
public record TopicState(TopicStatus status, @Nullable Instant analysedAt) {

	static TopicState neverAnalysed() {
		return new TopicState(TopicStatus.PENDING, null);
	}

	/**
	 * Whether this is a re-analysis after a taxonomy change rather than the first one.
	 */
	boolean reanalysing() {
		return this.status == TopicStatus.PENDING && this.analysedAt != null;
	}

}
