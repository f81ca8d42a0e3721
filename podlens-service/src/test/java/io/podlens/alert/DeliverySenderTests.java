package io.podlens.alert;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/** One attempt of the sender against mocked storage and HTTP. */
class DeliverySenderTests {

	private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

	private final DeliveryStore deliveries = mock(DeliveryStore.class);

	private final AlertStore alerts = mock(AlertStore.class);

	private final WebhookClient client = mock(WebhookClient.class);

	private final AtomicReference<String> resolvesTo = new AtomicReference<>("93.184.215.14");

	private final DeliverySender sender = new DeliverySender(this.deliveries, this.alerts,
			new WebhookTargets(false, (host) -> List.of(InetAddress.getByName(this.resolvesTo.get()))), this.client,
			AlertProperties.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

	private static DeliveryStore.Claimed claim(int attempts, Instant first) {
		return new DeliveryStore.Claimed(1, "d-1", 7, "{}", "https://hooks.example.com/x", "whsec_0123456789abcdef",
				attempts, first, "token");
	}

	@Test
	void aNameThatResolvesToAPrivateAddressAtDeliveryTimeIsRefusedAndPausesTheAlert() {
		this.resolvesTo.set("10.0.0.7");
		given(this.deliveries.record(any(), any(), anyString(), any())).willReturn(true);
		this.sender.attempt(claim(0, null));
		then(this.client).shouldHaveNoInteractions();
		then(this.deliveries).should()
			.record(any(), argThat((o) -> o.outcome().equals("refused") && o.error().contains("10.0.0.7")),
					eq(DeliveryStore.FAILED), isNull());
		then(this.alerts).should().pause(eq(7L), argThat((reason) -> reason.contains("refused")), any());
	}

	@Test
	void aFailureIsRetriedAfterTheBackoffAndAlertsPauseWhenTheWindowIsOver() {
		given(this.client.send(any(URI.class), eq("d-1"), anyString(), any()))
			.willReturn(new WebhookClient.Result(false, 500, 12, "HTTP 500", "oops"));
		given(this.deliveries.record(any(), any(), anyString(), any())).willReturn(true);
		this.sender.attempt(claim(0, null));
		then(this.deliveries).should()
			.record(any(), argThat((o) -> o.statusCode() == 500 && "oops".equals(o.responseExcerpt())),
					eq(DeliveryStore.PENDING), eq(NOW.plusSeconds(30)));
		then(this.alerts).should(never()).pause(any(Long.class), anyString(), any());

		// The 14th attempt, 23 hours after the first: the next would be past a day.
		this.sender.attempt(claim(13, NOW.minusSeconds(23 * 3600)));
		then(this.deliveries).should().record(any(), any(), eq(DeliveryStore.FAILED), isNull());
		then(this.alerts).should()
			.pause(eq(7L), argThat(
					(reason) -> reason.contains("d-1") && reason.contains("14 times") && reason.contains("HTTP 500")),
					eq(NOW));
	}

	@Test
	void describesDurations() {
		assertThat(DeliverySender.describe(java.time.Duration.ofSeconds(45))).isEqualTo("45s");
		assertThat(DeliverySender.describe(java.time.Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(DeliverySender.describe(java.time.Duration.ofMinutes(20 * 60 + 16))).isEqualTo("20h 16m");
	}

}
