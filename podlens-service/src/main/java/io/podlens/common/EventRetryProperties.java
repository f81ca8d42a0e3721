package io.podlens.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.events.}: retries of event publications that a listener
 * has not completed (see {@link EventRetry}).
 *
 * @param retryAfter a publication incomplete for longer than this is handed to its
 * listener again
 * @param retryEvery how often to look for such publications
 */
@ConfigurationProperties("podlens.events")
public record EventRetryProperties(@DefaultValue("30s") Duration retryAfter, @DefaultValue("30s") Duration retryEvery) {

	public EventRetryProperties {
		if (retryAfter.isNegative() || retryEvery.isNegative() || retryEvery.isZero()) {
			throw new IllegalArgumentException(
					"podlens.events.retry-after must not be negative and podlens.events.retry-every must be positive");
		}
	}

}
