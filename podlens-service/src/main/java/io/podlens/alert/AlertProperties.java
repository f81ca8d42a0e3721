package io.podlens.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.alerts.}.
 *
 * @param retryInitialDelay wait before the second attempt of a failed delivery; each
 * further wait doubles, up to {@code retryMaxDelay}
 * @param retryMaxDelay longest wait between two attempts
 * @param retryFor a delivery not delivered this long after its first attempt is given up,
 * and its alert paused with the reason
 * @param allowPrivateTargets accept webhook URLs that resolve to loopback, private,
 * link-local or unique-local addresses (tests, receivers on the same network); cloud
 * metadata, multicast and unspecified addresses stay refused
 * @param connectTimeout longest wait for the receiver's TCP (and TLS) connection
 * @param readTimeout longest wait for the receiver's answer once connected
 * @param pollEvery how often the sender looks for due deliveries (new matches wake it at
 * once)
 * @param senders deliveries sent at the same time by one instance
 * @param maxSegments most matching segments listed in one event (the count gives them
 * all)
 * @param responseExcerpt characters of the receiver's answer kept with an attempt
 */
@ConfigurationProperties("podlens.alerts")
public record AlertProperties(@DefaultValue("30s") Duration retryInitialDelay,
		@DefaultValue("4h") Duration retryMaxDelay, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("5s") Duration pollEvery,
		@DefaultValue("4") int senders, @DefaultValue("20") int maxSegments, @DefaultValue("200") int responseExcerpt) {

	public AlertProperties {
		positive("retry-initial-delay", retryInitialDelay);
		positive("retry-max-delay", retryMaxDelay);
		positive("retry-for", retryFor);
		positive("connect-timeout", connectTimeout);
		positive("read-timeout", readTimeout);
		positive("poll-every", pollEvery);
		if (retryMaxDelay.compareTo(retryInitialDelay) < 0) {
			throw new IllegalArgumentException(
					"podlens.alerts.retry-max-delay must not be shorter than podlens.alerts.retry-initial-delay");
		}
		if (senders < 1) {
			throw new IllegalArgumentException("podlens.alerts.senders must be at least 1");
		}
		if (maxSegments < 1 || maxSegments > 100) {
			throw new IllegalArgumentException("podlens.alerts.max-segments must be between 1 and 100");
		}
		if (responseExcerpt < 0 || responseExcerpt > 500) {
			throw new IllegalArgumentException("podlens.alerts.response-excerpt must be between 0 and 500");
		}
	}

	/** The defaults, as documented. */
	public static AlertProperties defaults() {
		return new AlertProperties(Duration.ofSeconds(30), Duration.ofHours(4), Duration.ofHours(24), false,
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5), 4, 20, 200);
	}

	/**
	 * How long one attempt holds its claim on a delivery: longer than any attempt can
	 * take, so that no other sender takes it while it runs; after a crash it is due again
	 * then.
	 */
	Duration claimLease() {
		return this.connectTimeout.plus(this.readTimeout).plusSeconds(60);
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("podlens.alerts." + name + " must be positive");
		}
	}

}
