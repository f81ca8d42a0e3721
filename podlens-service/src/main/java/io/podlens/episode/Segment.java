package io.podlens.episode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One timed piece of an episode's transcript, stored exactly as transcribed. */
@Entity
@Table(name = "segment")
class Segment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "segment_seq")
	@SequenceGenerator(name = "segment_seq", sequenceName = "segment_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "episode_id", nullable = false)
	private Episode episode;

	@Column(name = "idx", nullable = false)
	private int index;

	@Column(name = "start_ms", nullable = false)
	private long startMs;

	@Column(name = "end_ms", nullable = false)
	private long endMs;

	@Column(length = 200)
	private String speaker;

	@Column(nullable = false, length = 1_000_000)
	private String text;

	protected Segment() {
	}

	Segment(Episode episode, int index, long startMs, long endMs, String speaker, String text) {
		this.episode = episode;
		this.index = index;
		this.startMs = startMs;
		this.endMs = endMs;
		this.speaker = speaker;
		this.text = text;
	}

	/**
	 * A row that {@link SegmentInserts} writes with JDBC, its id already taken from the
	 * entity's own generator; never persisted through JPA.
	 */
	Segment(long id, Episode episode, int index, long startMs, long endMs, String speaker, String text) {
		this(episode, index, startMs, endMs, speaker, text);
		this.id = id;
	}

	Long getId() {
		return this.id;
	}

	Episode getEpisode() {
		return this.episode;
	}

	int getIndex() {
		return this.index;
	}

	long getStartMs() {
		return this.startMs;
	}

	long getEndMs() {
		return this.endMs;
	}

	String getSpeaker() {
		return this.speaker;
	}

	String getText() {
		return this.text;
	}

}
