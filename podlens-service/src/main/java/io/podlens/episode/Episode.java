package io.podlens.episode;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A podcast episode; its transcript lives in {@link Segment} rows. */
@Entity
@Table(name = "episode")
class Episode {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "episode_seq")
	@SequenceGenerator(name = "episode_seq", sequenceName = "episode_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 500)
	private String title;

	@Column(length = 300)
	private String podcast;

	// The podcast with null folded to '', so that (podcast_key, external_id) is unique.
	@Column(name = "podcast_key", nullable = false, length = 300)
	private String podcastKey;

	@Column(name = "external_id", length = 300)
	private String externalId;

	@Column(nullable = false, length = 35)
	private String language;

	@Column(name = "published_at")
	private OffsetDateTime publishedAt;

	@Column(name = "duration_ms", nullable = false)
	private long durationMs;

	@Column(name = "segment_count", nullable = false)
	private int segmentCount;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Episode() {
	}

	Episode(String title, String podcast, String externalId, String language, OffsetDateTime publishedAt,
			long durationMs, int segmentCount, Instant createdAt) {
		this.title = title;
		this.podcast = podcast;
		this.podcastKey = podcastKey(podcast);
		this.externalId = externalId;
		this.language = language;
		this.publishedAt = publishedAt;
		this.durationMs = durationMs;
		this.segmentCount = segmentCount;
		this.createdAt = createdAt;
	}

	static String podcastKey(String podcast) {
		return (podcast != null) ? podcast : "";
	}

	Long getId() {
		return this.id;
	}

	String getTitle() {
		return this.title;
	}

	String getPodcast() {
		return this.podcast;
	}

	String getPodcastKey() {
		return this.podcastKey;
	}

	String getExternalId() {
		return this.externalId;
	}

	String getLanguage() {
		return this.language;
	}

	OffsetDateTime getPublishedAt() {
		return this.publishedAt;
	}

	long getDurationMs() {
		return this.durationMs;
	}

	int getSegmentCount() {
		return this.segmentCount;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
