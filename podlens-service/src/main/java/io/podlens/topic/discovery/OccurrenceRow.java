package io.podlens.topic.discovery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Where a candidate occurs. Plain columns, like mentions: episodes and segments belong to
 * the episode feature, and the database keys delete these rows with them.
 */
@Entity
@Table(name = "candidate_occurrence")
class OccurrenceRow {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_occurrence_seq")
	@SequenceGenerator(name = "candidate_occurrence_seq", sequenceName = "candidate_occurrence_seq",
			allocationSize = 50)
	private Long id;

	@Column(name = "candidate_id", nullable = false)
	private long candidateId;

	@Column(name = "episode_id", nullable = false)
	private long episodeId;

	@Column(name = "segment_id", nullable = false)
	private long segmentId;

	@Column(name = "segment_index", nullable = false)
	private int segmentIndex;

	@Column(name = "start_ms", nullable = false)
	private long startMs;

	@Column(name = "end_ms", nullable = false)
	private long endMs;

	@Column(name = "char_start", nullable = false)
	private int charStart;

	@Column(name = "char_end", nullable = false)
	private int charEnd;

	@Column(nullable = false, length = 200)
	private String surface;

	@Column(nullable = false, length = 20)
	private String kind;

	@Column(nullable = false, length = 400)
	private String context;

	protected OccurrenceRow() {
	}

	OccurrenceRow(long candidateId, long episodeId, Occurrence occurrence) {
		this.candidateId = candidateId;
		this.episodeId = episodeId;
		this.segmentId = occurrence.segmentId();
		this.segmentIndex = occurrence.segmentIndex();
		this.startMs = occurrence.startMs();
		this.endMs = occurrence.endMs();
		this.charStart = occurrence.start();
		this.charEnd = occurrence.end();
		this.surface = occurrence.surface();
		this.kind = occurrence.kind().json();
		this.context = occurrence.context();
	}

	long getCandidateId() {
		return this.candidateId;
	}

	long getEpisodeId() {
		return this.episodeId;
	}

	String getSurface() {
		return this.surface;
	}

}
