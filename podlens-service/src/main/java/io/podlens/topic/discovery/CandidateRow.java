package io.podlens.topic.discovery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A candidate name: one per sound key, with the decision about it. */
@Entity
@Table(name = "topic_candidate")
class CandidateRow {

	static final String OPEN = "open";

	static final String ACCEPTED = "accepted";

	static final String REJECTED = "rejected";

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_candidate_seq")
	@SequenceGenerator(name = "topic_candidate_seq", sequenceName = "topic_candidate_seq", allocationSize = 50)
	private Long id;

	@Column(name = "sound_key", nullable = false, length = 400)
	private String soundKey;

	/** The first form seen; lists show the most frequent one. */
	@Column(nullable = false, length = 200)
	private String name;

	@Column(nullable = false, length = 10)
	private String status;

	@Column(name = "topic_id", length = 100)
	private @Nullable String topicId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	protected CandidateRow() {
	}

	CandidateRow(String soundKey, String name, Instant now) {
		this.soundKey = soundKey;
		this.name = name;
		this.status = OPEN;
		this.createdAt = now;
	}

	void accept(String topicId, Instant now) {
		this.status = ACCEPTED;
		this.topicId = topicId;
		this.decidedAt = now;
	}

	void reject(Instant now) {
		this.status = REJECTED;
		this.decidedAt = now;
	}

	Long getId() {
		return this.id;
	}

	String getSoundKey() {
		return this.soundKey;
	}

	String getName() {
		return this.name;
	}

	String getStatus() {
		return this.status;
	}

	@Nullable String getTopicId() {
		return this.topicId;
	}

	@Nullable Instant getDecidedAt() {
		return this.decidedAt;
	}

}
