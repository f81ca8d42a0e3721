package io.podlens.alert;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.Paged;
import io.podlens.search.SearchQuery;
import io.podlens.search.SegmentSearch;
import io.podlens.topic.TopicLookup;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Alerts: validation, storage, pause and resume, deliveries. */
@Service
class AlertService {

	static final int MAX_NAME = 200;

	static final int MAX_TOPICS = 100;

	static final int MIN_SECRET = 16;

	static final int MAX_SECRET = 500;

	static final int MAX_PODCAST = 300;

	private final AlertStore alerts;

	private final DeliveryStore deliveries;

	private final TopicLookup topics;

	private final SegmentSearch search;

	private final WebhookTargets targets;

	private final ApplicationEventPublisher events;

	private final DeliverySender sender;

	private final Clock clock;

	@Autowired
	AlertService(AlertStore alerts, DeliveryStore deliveries, TopicLookup topics, SegmentSearch search,
			AlertProperties properties, ApplicationEventPublisher events, DeliverySender sender) {
		this(alerts, deliveries, topics, search, new WebhookTargets(properties.allowPrivateTargets()), events, sender,
				Clock.systemUTC());
	}

	AlertService(AlertStore alerts, DeliveryStore deliveries, TopicLookup topics, SegmentSearch search,
			WebhookTargets targets, ApplicationEventPublisher events, DeliverySender sender, Clock clock) {
		this.alerts = alerts;
		this.deliveries = deliveries;
		this.topics = topics;
		this.search = search;
		this.targets = targets;
		this.events = events;
		this.sender = sender;
		this.clock = clock;
	}

	@Transactional
	AlertView create(AlertRequest request) {
		AlertStore.Fields fields = validate(request, null);
		long id = this.alerts.insert(fields, this.clock.instant());
		if (fields.backfill()) {
			this.events.publishEvent(new AlertCreated(id));
		}
		return get(id);
	}

	@Transactional
	AlertView replace(long id, AlertRequest request) {
		Alert existing = find(id);
		AlertStore.Fields fields = validate(request, existing.secret());
		this.alerts.update(id, fields, this.clock.instant());
		return get(id);
	}

	@Transactional
	AlertView pause(long id) {
		find(id);
		this.alerts.pause(id, "paused by a client", this.clock.instant());
		return get(id);
	}

	/**
	 * Resumes the alert: its held deliveries are due at once, and those given up get a
	 * fresh round of attempts.
	 */
	AlertView resume(long id) {
		find(id);
		Instant now = this.clock.instant();
		this.alerts.resume(id, now);
		if (this.deliveries.requeue(id, now) > 0) {
			this.sender.wake();
		}
		return get(id);
	}

	void delete(long id) {
		if (!this.alerts.delete(id)) {
			throw new NotFoundException("alert", id);
		}
	}

	// One snapshot for the rows and their counts: read committed would let a delivery
	// that
	// completes between the two queries show in the total but not among the items.
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	AlertView get(long id) {
		Alert alert = find(id);
		return view(alert, this.deliveries.counts(List.of(id)).get(id));
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Paged<AlertView> list(int page, int size) {
		List<Alert> found = this.alerts.page(page * size, size);
		Map<Long, AlertView.DeliveryCounts> counts = this.deliveries.counts(found.stream().map(Alert::id).toList());
		return new Paged<>(found.stream().map((a) -> view(a, counts.get(a.id()))).toList(), page, size,
				this.alerts.count());
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Paged<DeliveryView> deliveries(long id, @Nullable String status, int page, int size) {
		find(id);
		if (status != null
				&& !Set.of(DeliveryStore.PENDING, DeliveryStore.DELIVERED, DeliveryStore.FAILED).contains(status)) {
			throw InvalidInputException.forField("status",
					"must be pending, delivered or failed, was '" + shorten(status, 40) + "'");
		}
		return new Paged<>(this.deliveries.page(id, status, page * size, size), page, size,
				this.deliveries.countOf(id, status));
	}

	private Alert find(long id) {
		return this.alerts.find(id).orElseThrow(() -> new NotFoundException("alert", id));
	}

	private static AlertView view(Alert alert, AlertView.@Nullable DeliveryCounts counts) {
		return new AlertView(alert.id(), alert.name(), alert.topics(), alert.query(), alert.soundsLike(),
				alert.podcast(), alert.language(), alert.webhookUrl(), alert.backfill(), alert.paused(),
				alert.pausedReason(), alert.pausedAt(), alert.createdAt(), alert.updatedAt(),
				(counts != null) ? counts : new AlertView.DeliveryCounts(0, 0, 0));
	}

	/**
	 * The fields of a request, checked; each problem is a 400 naming its field.
	 * @param storedSecret the secret kept when a replacement leaves it out, or null on
	 * creation
	 */
	AlertStore.Fields validate(AlertRequest request, @Nullable String storedSecret) {
		String name = blankToNull(request.name());
		if (name == null) {
			throw InvalidInputException.forField("name", "is required");
		}
		if (name.length() > MAX_NAME) {
			throw InvalidInputException.forField("name", "is longer than " + MAX_NAME + " characters");
		}
		List<String> topicIds = topics(request.topics());
		String query = blankToNull(request.query());
		if (topicIds.isEmpty() && query == null) {
			throw InvalidInputException.forField("topics", "or query is required: the alert needs something to match");
		}
		boolean soundsLike = Boolean.TRUE.equals(request.soundsLike());
		String podcast = blankToNull(request.podcast());
		if (podcast != null && podcast.length() > MAX_PODCAST) {
			throw InvalidInputException.forField("podcast", "is longer than " + MAX_PODCAST + " characters");
		}
		String language = blankToNull(request.language());
		SearchQuery probe = searchQuery(query, topicIds, language, soundsLike);
		if (query != null) {
			try {
				this.search.validate(probe);
			}
			catch (InvalidInputException ex) {
				throw renamed(ex, "q", "query");
			}
		}
		String url = blankToNull(request.webhookUrl());
		if (url == null) {
			throw InvalidInputException.forField("webhookUrl", "is required");
		}
		URI checked = this.targets.check("webhookUrl", url);
		String secret = request.secret();
		if (secret == null || secret.isEmpty()) {
			if (storedSecret == null) {
				throw InvalidInputException.forField("secret", "is required: every event is signed with it ("
						+ MIN_SECRET + " to " + MAX_SECRET + " characters)");
			}
			secret = storedSecret;
		}
		else if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
			throw InvalidInputException.forField("secret",
					"must be " + MIN_SECRET + " to " + MAX_SECRET + " characters long, was " + secret.length());
		}
		return new AlertStore.Fields(name, topicIds, query, soundsLike, podcast, language, checked.toString(), secret,
				Boolean.TRUE.equals(request.backfill()));
	}

	/** A search query carrying the alert's filters, so that search validates them. */
	private static SearchQuery searchQuery(@Nullable String query, List<String> topicIds, @Nullable String language,
			boolean soundsLike) {
		try {
			String topic = (query == null) ? topicIds.get(0) : null;
			return new SearchQuery(query, null, null, null, null, 0, 1, soundsLike, topic, language,
					io.podlens.search.SearchMode.KEYWORD);
		}
		catch (InvalidInputException ex) {
			throw renamed(ex, "q", "query");
		}
	}

	private List<String> topics(@Nullable List<String> requested) {
		if (requested == null) {
			return List.of();
		}
		if (requested.size() > MAX_TOPICS) {
			throw InvalidInputException.forField("topics",
					"has " + requested.size() + " topics; at most " + MAX_TOPICS);
		}
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String id = requested.get(i);
			if (id == null || id.isBlank()) {
				throw InvalidInputException.forField("topics[" + i + "]", "is empty");
			}
			if (this.topics.topic(id.strip()).isEmpty()) {
				throw InvalidInputException.forField("topics[" + i + "]",
						"'" + shorten(id, 60) + "' is not a topic id (see GET /api/topics)");
			}
			ids.add(id.strip());
		}
		return new ArrayList<>(ids);
	}

	private static InvalidInputException renamed(InvalidInputException ex, String from, String to) {
		Object field = ex.properties().get("field");
		if (!from.equals(field)) {
			return ex;
		}
		String detail = ex.getMessage();
		String rest = (detail != null && detail.startsWith(from + ": ")) ? detail.substring(from.length() + 2)
				: String.valueOf(detail);
		return InvalidInputException.forField(to, rest);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) + "…" : text;
	}

}
