package io.podlens.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * An immutable set of topics. The default AI and tech taxonomy ships as the resource
 * {@code topics/default-taxonomy.json}: {@code {"topics": [{"id", "name", "category",
 * "aliases", "contextCues"}]}}.
 */
final class Taxonomy {

	/** Resource holding the default taxonomy. */
	public static final String DEFAULT_RESOURCE = "topics/default-taxonomy.json";

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.\\-]{0,99}");

	private static volatile Taxonomy defaultTaxonomy;

	private final Map<String, Topic> topics;

	public Taxonomy(List<Topic> topics) {
		Map<String, Topic> byId = new LinkedHashMap<>();
		for (Topic topic : topics) {
			validate(topic);
			if (byId.putIfAbsent(topic.id(), topic) != null) {
				throw new IllegalArgumentException("duplicate topic id '" + topic.id() + "'");
			}
		}
		this.topics = Collections.unmodifiableMap(byId);
	}

	/** The shipped AI and tech taxonomy, loaded once. */
	public static Taxonomy defaultTaxonomy() {
		Taxonomy taxonomy = defaultTaxonomy;
		if (taxonomy == null) {
			try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
				}
				taxonomy = load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			defaultTaxonomy = taxonomy;
		}
		return taxonomy;
	}

	/**
	 * Reads a taxonomy document; throws {@link IllegalArgumentException} when invalid.
	 */
	public static Taxonomy load(InputStream json) {
		Document document = JsonMapper.builder().build().readValue(json, Document.class);
		if (document.topics() == null) {
			throw new IllegalArgumentException("taxonomy has no 'topics' array");
		}
		return new Taxonomy(document.topics());
	}

	/** Whether {@code id} is a well-formed topic id. */
	public static boolean isValidId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	public List<Topic> topics() {
		return List.copyOf(this.topics.values());
	}

	public Optional<Topic> topic(String id) {
		return Optional.ofNullable(this.topics.get(id));
	}

	/** A copy with {@code topic} added or replaced. */
	public Taxonomy with(Topic topic) {
		List<Topic> list = new ArrayList<>(this.topics.values());
		list.removeIf((t) -> t.id().equals(topic.id()));
		list.add(topic);
		return new Taxonomy(list);
	}

	/** A copy without the topic {@code id}. */
	public Taxonomy without(String id) {
		List<Topic> list = new ArrayList<>(this.topics.values());
		list.removeIf((t) -> t.id().equals(id));
		return new Taxonomy(list);
	}

	private static void validate(Topic topic) {
		if (!isValidId(topic.id())) {
			throw new IllegalArgumentException("invalid topic id '" + topic.id() + "'");
		}
		if (topic.name() == null || topic.name().isBlank()) {
			throw new IllegalArgumentException("topic '" + topic.id() + "' has no name");
		}
		if (topic.category() == null) {
			throw new IllegalArgumentException("topic '" + topic.id() + "' has no category");
		}
	}

	record Document(List<Topic> topics) {
	}

}
