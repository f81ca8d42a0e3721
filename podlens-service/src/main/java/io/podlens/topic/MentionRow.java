package io.podlens.topic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.podlens.episode.StoredSegment;

/**
 * A stored mention. Plain columns rather than associations: episodes and segments belong
 * to the episode feature, and the database keys (with cascading deletes) tie them
 * together.
 */
@Entity
@Table(name = "mention")
class MentionRow {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mention_seq")
	@SequenceGenerator(name = "mention_seq", sequenceName = "mention_seq", allocationSize = 50)
	private Long id;

	@Column(name = "topic_id", nullable = false, length = 100)
	private String topicId;

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

	@Column(nullable = false, length = 1000)
	private String surface;

	@Column(name = "matched_by", nullable = false, length = 10)
	private String matchedBy;

	@Column(nullable = false)
	private double confidence;

	protected MentionRow() {
	}

	MentionRow(Mention mention, StoredSegment segment) {
		this.topicId = mention.topicId();
		this.episodeId = segment.episodeId();
		this.segmentId = mention.segmentId();
		this.segmentIndex = mention.segmentIndex();
		this.startMs = segment.startMs();
		this.endMs = segment.endMs();
		this.charStart = mention.start();
		this.charEnd = mention.end();
		// A mention is a name, never near this long; cut defensively to fit the column.
		this.surface = (mention.surface().length() > 1000) ? mention.surface().substring(0, 1000) : mention.surface();
		this.matchedBy = mention.matchedBy().json();
		this.confidence = mention.confidence();
	}

	Mention toMention() {
		return new Mention(this.topicId, this.segmentIndex, this.segmentId, this.charStart, this.charEnd, this.surface,
				MatchKind.of(this.matchedBy), this.confidence);
	}

	Long getId() {
		return this.id;
	}

	String getTopicId() {
		return this.topicId;
	}

	long getEpisodeId() {
		return this.episodeId;
	}

	int getSegmentIndex() {
		return this.segmentIndex;
	}

	long getStartMs() {
		return this.startMs;
	}

	long getEndMs() {
		return this.endMs;
	}

	int getCharStart() {
		return this.charStart;
	}

	int getCharEnd() {
		return this.charEnd;
	}

	String getSurface() {
		return this.surface;
	}

	String getMatchedBy() {
		return this.matchedBy;
	}

	double getConfidence() {
		return this.confidence;
	}

}
