package io.podlens.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.feed.}.
 *
 * @param keep how long events stay in the feed; older ones are deleted, and a cursor from
 * before them is answered 410
 * @param cleanupEvery how often each instance deletes the events older than {@code keep}
 */
@ConfigurationProperties("podlens.feed")
public record FeedProperties(@DefaultValue("30d") Duration keep, @DefaultValue("1h") Duration cleanupEvery) {

	public FeedProperties {
		if (keep.isNegative() || keep.isZero()) {
			throw new IllegalArgumentException("podlens.feed.keep must be positive, was " + keep);
		}
		if (cleanupEvery.isNegative() || cleanupEvery.isZero()) {
			throw new IllegalArgumentException("podlens.feed.cleanup-every must be positive, was " + cleanupEvery);
		}
	}

}
