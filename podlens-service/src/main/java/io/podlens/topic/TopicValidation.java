package io.podlens.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.podlens.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link TopicRequest} and turns it into a {@link Topic}; 400 names the field.
 */
final class TopicValidation {

	static final int MAX_NAME = 200;

	static final int MAX_ENTRY = 200;

	static final int MAX_ENTRIES = 100;

	/** Path segments under /api/topics that are endpoints, not topics. */
	private static final List<String> RESERVED_IDS = List.of("reanalysis", "candidates");

	private TopicValidation() {
	}

	/** The topic of a POST: the id comes from the body. */
	static Topic created(TopicRequest request) {
		return topic((request != null) ? request.id() : null, request, null);
	}

	/**
	 * The topic of a PUT: the id comes from the path; a body id must agree. Fields the
	 * body leaves out among kind, parent, Chinese names and ambiguity keep the values of
	 * {@code stored} (null when there is no such topic).
	 */
	static Topic replaced(String pathId, TopicRequest request, @Nullable Topic stored) {
		if (request != null && request.id() != null && !request.id().equals(pathId)) {
			throw InvalidInputException.forField("id",
					"'" + request.id() + "' differs from the path id '" + pathId + "'; ids cannot be changed");
		}
		return topic(pathId, request, stored);
	}

	private static Topic topic(String id, TopicRequest request, @Nullable Topic stored) {
		if (request == null) {
			throw InvalidInputException.forField("body", "a topic is required");
		}
		if (!Taxonomy.isValidId(id)) {
			throw InvalidInputException.forField("id", "'" + id
					+ "' is not a topic id: use 1 to 100 lower-case letters, digits, dots and dashes, starting with a letter or digit");
		}
		if (RESERVED_IDS.contains(id)) {
			throw InvalidInputException.forField("id", "'" + id + "' is reserved");
		}
		if (request.name() == null || request.name().isBlank()) {
			throw InvalidInputException.forField("name", "is required");
		}
		if (request.name().strip().length() > MAX_NAME) {
			throw InvalidInputException.forField("name", "must be at most " + MAX_NAME + " characters");
		}
		TopicCategory category = category("category", request.category());
		TopicKind kind = kind(request.kind(), category, stored);
		String parent = parent(request.parent(), stored);
		List<String> zhHant = (request.zhHant() != null || stored == null) ? entries("zhHant", request.zhHant())
				: stored.zhHant();
		List<String> zhHans = (request.zhHans() != null || stored == null) ? entries("zhHans", request.zhHans())
				: stored.zhHans();
		boolean ambiguous = (request.ambiguous() != null) ? request.ambiguous()
				: (stored != null && stored.ambiguous());
		return new Topic(id, request.name().strip(), category, entries("aliases", request.aliases()),
				entries("contextCues", request.contextCues()), kind, parent, zhHant, zhHans, ambiguous);
	}

	/**
	 * The kind given, else the stored one while it fits the category, else the category's
	 * own.
	 */
	private static TopicKind kind(@Nullable String value, TopicCategory category, @Nullable Topic stored) {
		if (value == null || value.isBlank()) {
			return (stored != null && stored.kind().category() == category) ? stored.kind()
					: TopicKind.defaultFor(category);
		}
		TopicKind kind = kind("kind", value);
		if (kind.category() != category) {
			throw InvalidInputException.forField("kind", "'" + value + "' is not a kind of category '" + category.json()
					+ "' (" + String.join(", ", TopicKind.allowedFor(category)) + ")");
		}
		return kind;
	}

	/** The parent given ("" for none), else the stored one. */
	private static @Nullable String parent(@Nullable String value, @Nullable Topic stored) {
		if (value == null) {
			return (stored != null) ? stored.parent() : null;
		}
		if (value.isBlank()) {
			return null;
		}
		if (!Taxonomy.isValidId(value.strip())) {
			throw InvalidInputException.forField("parent", "'" + value + "' is not a topic id");
		}
		return value.strip();
	}

	/** A category by its JSON name; 400 naming the accepted values otherwise. */
	static TopicCategory category(String field, String value) {
		if (value == null || value.isBlank()) {
			throw InvalidInputException.forField(field, "is required, one of " + accepted());
		}
		try {
			return TopicCategory.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.forField(field, "'" + value + "' is not one of " + accepted());
		}
	}

	/** A kind by its JSON name; 400 naming the accepted values otherwise. */
	static TopicKind kind(String field, String value) {
		try {
			return TopicKind.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.forField(field, "'" + value + "' is not one of "
					+ Arrays.stream(TopicKind.values()).map(TopicKind::json).collect(Collectors.joining(", ")));
		}
	}

	private static String accepted() {
		return Arrays.stream(TopicCategory.values()).map(TopicCategory::json).collect(Collectors.joining(", "));
	}

	private static List<String> entries(String field, List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_ENTRIES) {
			throw InvalidInputException.forField(field, "has " + values.size() + " entries, at most " + MAX_ENTRIES);
		}
		List<String> stripped = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || value.isBlank()) {
				throw InvalidInputException.forField(field + "[" + i + "]", "must not be blank");
			}
			if (value.strip().length() > MAX_ENTRY) {
				throw InvalidInputException.forField(field + "[" + i + "]",
						"must be at most " + MAX_ENTRY + " characters");
			}
			if (!stripped.contains(value.strip())) {
				stripped.add(value.strip());
			}
		}
		return stripped;
	}

}
