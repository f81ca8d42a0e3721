package io.podlens.alert;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the alert's secret.
 * The time is inside the signed text, so a receiver that checks it refuses replays of old
 * deliveries.
 */
final class WebhookSignature {

	static final String HEADER = "X-Podlens-Signature";

	private WebhookSignature() {
	}

	static String header(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
	}

	static byte[] hmac(String secret, long unixSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			// Every Java runtime has HmacSHA256, and any non-empty key is valid for it.
			throw new IllegalStateException(ex);
		}
	}

}
