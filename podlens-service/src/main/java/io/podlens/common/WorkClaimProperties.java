package io.podlens.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.work.}: how instances on one database share background
 * work (see {@link WorkClaims}).
 *
 * @param lease how long a claim on an episode holds without renewal; a crashed instance's
 * claims are taken over once it has run out
 * @param checkEvery how often an instance looks whether the taxonomy changed through
 * another one, and for claims whose lease ran out
 */
@ConfigurationProperties("podlens.work")
public record WorkClaimProperties(@DefaultValue("2m") Duration lease, @DefaultValue("5s") Duration checkEvery) {

	public WorkClaimProperties {
		if (lease.isNegative() || lease.isZero() || checkEvery.isNegative() || checkEvery.isZero()) {
			throw new IllegalArgumentException("podlens.work.lease and podlens.work.check-every must be positive");
		}
	}

}
