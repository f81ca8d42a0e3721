package io.podlens.topic;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Persistable;

/** A topic as stored; the lists are kept as JSON arrays. */
@Entity
@Table(name = "topic")
class TopicRow implements Persistable<String> {

	static final String SOURCE_DEFAULT = "default";

	static final String SOURCE_USER = "user";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	@Id
	@Column(length = 100)
	private String id;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(nullable = false, length = 20)
	private String category;

	@Column(nullable = false, length = 40000)
	private String aliases;

	@Column(name = "context_cues", nullable = false, length = 40000)
	private String contextCues;

	@Column(nullable = false, length = 10)
	private String source;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	// Ids are assigned, so tell Spring Data whether to insert rather than merge.
	@Transient
	private boolean fresh;

	protected TopicRow() {
	}

	TopicRow(Topic topic, String source, Instant now) {
		this.id = topic.id();
		this.fresh = true;
		update(topic, source, now);
	}

	void update(Topic topic, String source, Instant now) {
		this.name = topic.name();
		this.category = topic.category().json();
		this.aliases = JSON.writeValueAsString(topic.aliases());
		this.contextCues = JSON.writeValueAsString(topic.contextCues());
		this.source = source;
		this.updatedAt = now;
	}

	Topic toTopic() {
		return new Topic(this.id, this.name, TopicCategory.of(this.category), JSON.readValue(this.aliases, STRINGS),
				JSON.readValue(this.contextCues, STRINGS));
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getSource() {
		return this.source;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

}
