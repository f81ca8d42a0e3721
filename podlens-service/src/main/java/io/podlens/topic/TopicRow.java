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
import org.jspecify.annotations.Nullable;
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

	@Column(nullable = false, length = 20)
	private String kind;

	@Column(name = "parent_id", length = 100)
	private @Nullable String parentId;

	@Column(name = "zh_hant", nullable = false, length = 40000)
	private String zhHant;

	@Column(name = "zh_hans", nullable = false, length = 40000)
	private String zhHans;

	@Column(nullable = false)
	private boolean ambiguous;

	@Column(nullable = false, length = 10)
	private String source;

	/**
	 * Version of the shipped taxonomy this topic was seeded or last updated from; null
	 * for a topic a client created.
	 */
	@Column(name = "default_version", length = 40)
	private @Nullable String defaultVersion;

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

	/** A default topic, written from the shipped taxonomy of {@code version}. */
	static TopicRow ofDefault(Topic topic, String version, Instant now) {
		TopicRow row = new TopicRow(topic, SOURCE_DEFAULT, now);
		row.defaultVersion = version;
		return row;
	}

	void update(Topic topic, String source, Instant now) {
		this.name = topic.name();
		this.category = topic.category().json();
		this.kind = topic.kind().json();
		this.parentId = topic.parent();
		this.aliases = JSON.writeValueAsString(topic.aliases());
		this.contextCues = JSON.writeValueAsString(topic.contextCues());
		this.zhHant = JSON.writeValueAsString(topic.zhHant());
		this.zhHans = JSON.writeValueAsString(topic.zhHans());
		this.ambiguous = topic.ambiguous();
		this.source = source;
		this.updatedAt = now;
	}

	/** Takes the shipped definition of a default topic the user never edited. */
	void updateDefault(Topic topic, String version, Instant now) {
		update(topic, SOURCE_DEFAULT, now);
		this.defaultVersion = version;
	}

	/** Notes that the shipped taxonomy of {@code version} has this topic unchanged. */
	void confirmDefault(String version) {
		this.defaultVersion = version;
	}

	/** Another parent, without counting as an edit (its parent was deleted). */
	void reparent(@Nullable String parent) {
		this.parentId = parent;
	}

	Topic toTopic() {
		return new Topic(this.id, this.name, TopicCategory.of(this.category), JSON.readValue(this.aliases, STRINGS),
				JSON.readValue(this.contextCues, STRINGS), TopicKind.of(this.kind), this.parentId,
				JSON.readValue(this.zhHant, STRINGS), JSON.readValue(this.zhHans, STRINGS), this.ambiguous);
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getSource() {
		return this.source;
	}

	@Nullable String getDefaultVersion() {
		return this.defaultVersion;
	}

	@Nullable String getParentId() {
		return this.parentId;
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
