package io.podlens.topic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An immutable set of topics, with the parent links between them. The default AI and tech
 * taxonomy ships as the files {@link TaxonomyFiles} reads; a stored taxonomy (the
 * {@code topic} table) may hold parents that are gone or loops a client made, so the
 * hierarchy here tolerates both: a missing parent makes a root, a loop is cut.
 */
final class Taxonomy {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.\\-]{0,99}");

	private final Map<String, Topic> topics;

	private final Map<String, List<String>> children;

	public Taxonomy(List<Topic> topics) {
		Map<String, Topic> byId = new LinkedHashMap<>();
		for (Topic topic : topics) {
			validate(topic);
			if (byId.putIfAbsent(topic.id(), topic) != null) {
				throw new IllegalArgumentException("duplicate topic id '" + topic.id() + "'");
			}
		}
		this.topics = Collections.unmodifiableMap(byId);
		Map<String, List<String>> children = new HashMap<>();
		for (Topic topic : byId.values()) {
			String parent = parentOf(topic);
			if (parent != null) {
				children.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(topic.id());
			}
		}
		children.values().forEach(Collections::sort);
		children.replaceAll((k, v) -> List.copyOf(v));
		this.children = Map.copyOf(children);
	}

	/** The shipped AI and tech taxonomy, loaded and checked once. */
	public static Taxonomy defaultTaxonomy() {
		return TaxonomyFiles.shipped().taxonomy();
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

	/**
	 * The topic's parent when it is in this taxonomy (a parent that is gone counts as
	 * none).
	 */
	public Optional<Topic> parent(Topic topic) {
		String parent = parentOf(topic);
		return (parent != null) ? Optional.of(this.topics.get(parent)) : Optional.empty();
	}

	/** Ids of the topics whose parent is {@code id}, sorted. */
	public List<String> children(String id) {
		return this.children.getOrDefault(id, List.of());
	}

	/** The topic and every topic below it, each once (a loop is followed only once). */
	public Set<String> withDescendants(String id) {
		Set<String> out = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>();
		todo.add(id);
		while (!todo.isEmpty()) {
			String next = todo.poll();
			if (out.add(next)) {
				todo.addAll(children(next));
			}
		}
		return out;
	}

	/**
	 * The topic and its ancestors, nearest first, each once (a loop ends the walk).
	 */
	public List<String> withAncestors(String id) {
		List<String> out = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String next = id;
		while (next != null && seen.add(next)) {
			out.add(next);
			Topic topic = this.topics.get(next);
			next = (topic != null) ? parentOf(topic) : null;
		}
		return out;
	}

	/** Whether making {@code parent} the parent of {@code id} would close a loop. */
	public boolean wouldLoop(String id, String parent) {
		return withAncestors(parent).contains(id);
	}

	private @Nullable String parentOf(Topic topic) {
		String parent = topic.parent();
		return (parent != null && !parent.equals(topic.id()) && this.topics.containsKey(parent)) ? parent : null;
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

}
