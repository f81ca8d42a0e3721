package io.podlens.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: every {@code podlens.alerts.poll-every}, and at once when
 * matching stored new ones or a sender finished with room for more. Claims come from the
 * database (see {@link DeliveryStore#claim}), so several instances share the queue
 * without sending one delivery twice, and a restart picks up whatever was pending.
 */
@Component
class DeliverySender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	private final DeliveryStore deliveries;

	private final AlertStore alerts;

	private final WebhookTargets targets;

	private final WebhookClient client;

	private final Backoff backoff;

	private final Duration lease;

	private final Duration pollEvery;

	private final Clock clock;

	private final Semaphore free;

	private final AtomicBoolean pollQueued = new AtomicBoolean();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "alert-delivery-poll");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService senders;

	@Autowired
	DeliverySender(DeliveryStore deliveries, AlertStore alerts, AlertProperties properties) {
		this(deliveries, alerts, new WebhookTargets(properties.allowPrivateTargets()),
				new WebhookClient(properties, Clock.systemUTC()), properties, Clock.systemUTC());
	}

	DeliverySender(DeliveryStore deliveries, AlertStore alerts, WebhookTargets targets, WebhookClient client,
			AlertProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.alerts = alerts;
		this.targets = targets;
		this.client = client;
		this.backoff = Backoff.of(properties);
		this.lease = properties.claimLease();
		this.pollEvery = properties.pollEvery();
		this.clock = clock;
		this.free = new Semaphore(properties.senders());
		AtomicInteger n = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(properties.senders(), (task) -> {
			Thread thread = new Thread(task, "alert-delivery-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = this.pollEvery.toMillis();
		this.scheduler.scheduleWithFixedDelay(this::pollSafely, 0, every, TimeUnit.MILLISECONDS);
	}

	/** Looks for due deliveries now, once, however often it is asked before it runs. */
	void wake() {
		if (this.pollQueued.compareAndSet(false, true)) {
			try {
				this.scheduler.execute(this::pollSafely);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// Stopping.
				this.pollQueued.set(false);
			}
		}
	}

	/** Deliveries being sent right now by this instance. */
	int inFlight() {
		return this.inFlight.get();
	}

	private void pollSafely() {
		this.pollQueued.set(false);
		try {
			poll();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next poll tries again.
			log.warn("Looking for due alert deliveries failed", ex);
		}
	}

	private void poll() {
		int room = this.free.availablePermits();
		if (room == 0) {
			return;
		}
		List<DeliveryStore.Claimed> claimed = this.deliveries.claim(this.clock.instant(), room, this.lease);
		for (DeliveryStore.Claimed claim : claimed) {
			this.free.acquireUninterruptibly();
			this.inFlight.incrementAndGet();
			this.senders.execute(() -> {
				try {
					attempt(claim);
				}
				catch (RuntimeException ex) {
					// Recording failed: the claim's lease runs out and the row is due
					// again.
					log.warn("Recording the attempt of delivery {} failed", claim.deliveryId(), ex);
				}
				finally {
					this.inFlight.decrementAndGet();
					this.free.release();
				}
				wake();
			});
		}
	}

	/** One attempt of one claimed delivery, recorded. */
	void attempt(DeliveryStore.Claimed claim) {
		Instant at = this.clock.instant();
		URI url = URI.create(claim.webhookUrl());
		Optional<String> refused = this.targets.refusal(url);
		if (refused.isPresent()) {
			// The name resolves somewhere else than when the alert was stored: stop, a
			// retry would knock on the same door.
			String reason = "delivery " + claim.deliveryId() + " refused: " + refused.get();
			this.deliveries.record(claim,
					new DeliveryStore.Outcome(at, "refused", null, 0, shorten(refused.get()), null),
					DeliveryStore.FAILED, null);
			this.alerts.pause(claim.alertId(), reason, this.clock.instant());
			log.warn("Alert {} paused: {}", claim.alertId(), reason);
			return;
		}
		WebhookClient.Result result = this.client.send(url, claim.deliveryId(), claim.secret(),
				claim.payload().getBytes(StandardCharsets.UTF_8));
		Instant done = this.clock.instant();
		DeliveryStore.Outcome outcome = new DeliveryStore.Outcome(at, result.delivered() ? "delivered" : "failed",
				result.statusCode(), result.latencyMs(), result.error(), result.excerpt());
		if (result.delivered()) {
			this.deliveries.record(claim, outcome, DeliveryStore.DELIVERED, null);
			return;
		}
		int attempt = claim.attempts() + 1;
		Instant first = (claim.firstAttemptAt() != null) ? claim.firstAttemptAt() : at;
		Optional<Instant> next = this.backoff.next(first, attempt, done);
		if (next.isPresent()) {
			this.deliveries.record(claim, outcome, DeliveryStore.PENDING, next.get());
			return;
		}
		if (this.deliveries.record(claim, outcome, DeliveryStore.FAILED, null)) {
			String reason = "delivery " + claim.deliveryId() + " failed " + attempt + " times over "
					+ describe(Duration.between(first, done)) + "; last: " + result.error();
			this.alerts.pause(claim.alertId(), reason, done);
			log.warn("Alert {} paused: {}", claim.alertId(), reason);
		}
	}

	static String describe(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 120) {
			return seconds + "s";
		}
		long minutes = seconds / 60;
		return (minutes < 120) ? minutes + "m" : (minutes / 60) + "h " + (minutes % 60) + "m";
	}

	private static String shorten(String text) {
		return (text.length() > 500) ? text.substring(0, 499) + "…" : text;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.scheduler.shutdownNow();
		this.senders.shutdownNow();
		this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		this.senders.awaitTermination(5, TimeUnit.SECONDS);
	}

}
