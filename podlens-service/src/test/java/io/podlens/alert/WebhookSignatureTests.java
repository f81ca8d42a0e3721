package io.podlens.alert;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	@Test
	void signsTimeDotBodyWithHmacSha256() {
		// Reference value computed independently:
		// printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac
		// 'whsec_test_secret_123'
		String header = WebhookSignature.header("whsec_test_secret_123", 1_700_000_000L,
				"{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(header).isEqualTo("t=1700000000,v1=" + OPENSSL_REFERENCE);
	}

	@Test
	void timeAndBodyAndSecretAllChangeTheSignature() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String base = WebhookSignature.header("secret-secret-secret", 1, body);
		assertThat(WebhookSignature.header("secret-secret-secret", 2, body)).isNotEqualTo(base);
		assertThat(WebhookSignature.header("secret-secret-secreT", 1, body)).isNotEqualTo(base);
		assertThat(WebhookSignature.header("secret-secret-secret", 1, "{ }".getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(base);
		assertThat(base).matches("t=1,v1=[0-9a-f]{64}");
	}

	static final String OPENSSL_REFERENCE = "e89dcbfdce3392fb275033fb083d8c81e095a63bf687d9a2cd50e7d5f55e21f6";

}
