package io.podlens.alert;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Sends one signed event: java.net.http with a connect timeout and a timeout for the
 * answer, HTTP/1.1, no redirect followed (a 3xx is a failure: a redirect could lead past
 * the address check), and no more of the answer read than the excerpt kept.
 */
class WebhookClient {

	static final String DELIVERY_HEADER = "X-Podlens-Delivery";

	static final String EVENT_HEADER = "X-Podlens-Event";

	private final HttpClient http;

	private final Duration readTimeout;

	private final int excerpt;

	private final Clock clock;

	WebhookClient(AlertProperties properties, Clock clock) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.proxy(HttpClient.Builder.NO_PROXY)
			.build();
		this.readTimeout = properties.readTimeout();
		this.excerpt = properties.responseExcerpt();
		this.clock = clock;
	}

	/** What an attempt found. */
	record Result(boolean delivered, @Nullable Integer statusCode, long latencyMs, @Nullable String error,
			@Nullable String excerpt) {
	}

	Result send(URI url, String deliveryId, String secret, byte[] body) {
		Instant now = this.clock.instant();
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.readTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Podlens-Webhooks/1")
			.header(DELIVERY_HEADER, deliveryId)
			.header(EVENT_HEADER, AlertNotification.TYPE)
			.header(WebhookSignature.HEADER, WebhookSignature.header(secret, now.getEpochSecond(), body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		long start = System.nanoTime();
		CompletableFuture<HttpResponse<byte[]>> sent = this.http.sendAsync(request,
				(info) -> new LimitedBody(this.excerpt * 4));
		try {
			// One deadline for the answer and the little of its body we read, so that a
			// receiver trickling bytes cannot hold a sender.
			HttpResponse<byte[]> response = sent.get(this.readTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			long latency = (System.nanoTime() - start) / 1_000_000;
			int code = response.statusCode();
			boolean ok = code >= 200 && code < 300;
			return new Result(ok, code, latency, ok ? null : "HTTP " + code + describeRedirect(response),
					excerptOf(response.body()));
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			return failure(start, "no answer within " + this.readTimeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof HttpConnectTimeoutException) {
				return failure(start,
						"connect timeout after " + this.http.connectTimeout().orElseThrow().toMillis() + " ms");
			}
			if (cause instanceof HttpTimeoutException) {
				return failure(start, "no answer within " + this.readTimeout.toMillis() + " ms");
			}
			if (cause instanceof ConnectException) {
				return failure(start, "connection refused");
			}
			return failure(start, shorten(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
		}
		catch (InterruptedException ex) {
			sent.cancel(true);
			Thread.currentThread().interrupt();
			return failure(start, "interrupted: the service is stopping");
		}
	}

	/** Keeps the first {@code limit} bytes of a body and stops reading there. */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final int limit;

		private Flow.@Nullable Subscription subscription;

		LimitedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.limit == 0) {
				subscription.cancel();
				this.result.complete(new byte[0]);
				return;
			}
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				int take = Math.min(buffer.remaining(), this.limit - this.bytes.size());
				byte[] chunk = new byte[take];
				buffer.get(chunk);
				this.bytes.write(chunk, 0, take);
			}
			Flow.Subscription current = this.subscription;
			if (this.bytes.size() >= this.limit) {
				if (current != null) {
					current.cancel();
				}
				this.result.complete(this.bytes.toByteArray());
			}
			else if (current != null) {
				current.request(1);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.bytes.toByteArray());
		}

	}

	private static String describeRedirect(HttpResponse<?> response) {
		int code = response.statusCode();
		if (code < 300 || code >= 400) {
			return "";
		}
		return response.headers()
			.firstValue("Location")
			.map((l) -> " (redirect to " + shorten(l) + ", not followed)")
			.orElse(" (redirect, not followed)");
	}

	private static Result failure(long start, String error) {
		return new Result(false, null, (System.nanoTime() - start) / 1_000_000, error, null);
	}

	private @Nullable String excerptOf(byte[] bytes) {
		if (bytes.length == 0 || this.excerpt == 0) {
			return null;
		}
		String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
		return (text.length() > this.excerpt) ? text.substring(0, this.excerpt) : text;
	}

	private static String shorten(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
