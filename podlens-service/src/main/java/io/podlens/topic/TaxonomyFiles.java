package io.podlens.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.text.Folding;

/**
 * The shipped default taxonomy: one JSON file per area under {@code topics/taxonomy/}
 * ({@code {"topics": [...]}}, see docs/topics.md), read and checked once. A broken file
 * stops the service at start-up with every problem named by file and entry: ids, unique
 * ids across files, categories and kinds that fit the file, parents that exist without
 * loops, and no name, alias or Chinese name shared by two entries once folded.
 */
final class TaxonomyFiles {

	static final String FOLDER = "topics/taxonomy/";

	/** The files and the kinds each may hold, in the order they are read. */
	enum Area {

		MODELS("models.json", TopicKind.MODEL, TopicKind.MODEL_FAMILY),
		ORGANIZATIONS("organizations.json", TopicKind.ORGANIZATION, TopicKind.LAB, TopicKind.COMPANY,
				TopicKind.UNIVERSITY),
		PEOPLE("people.json", TopicKind.PERSON),
		PRODUCTS("products.json", TopicKind.PRODUCT, TopicKind.APP, TopicKind.TOOL, TopicKind.FRAMEWORK),
		HARDWARE("hardware.json", TopicKind.HARDWARE),
		DATASETS("datasets.json", TopicKind.DATASET, TopicKind.BENCHMARK),
		CONCEPTS("concepts.json", TopicKind.CONCEPT, TopicKind.THEME);

		final String file;

		final Set<TopicKind> kinds;

		Area(String file, TopicKind... kinds) {
			this.file = file;
			this.kinds = Set.of(kinds);
		}

		String kindNames() {
			return this.kinds.stream().map(TopicKind::json).sorted().collect(Collectors.joining(", "));
		}

	}

	/**
	 * One entry as written in a file; lists may be absent.
	 */
	record Entry(@Nullable String id, @Nullable String name, @Nullable String category, @Nullable String kind,
			@Nullable String parent, @Nullable List<String> zhHant, @Nullable List<String> zhHans,
			@Nullable List<String> aliases, @Nullable List<String> contextCues, @Nullable Boolean ambiguous) {
	}

	record Document(@Nullable List<Entry> topics) {
	}

	/** A problem with one entry (or, with a null id, with the whole file). */
	record Problem(String file, @Nullable String id, String message) {

		@Override
		public String toString() {
			return this.file + ((this.id != null) ? ", entry '" + this.id + "'" : "") + ": " + this.message;
		}

	}

	/**
	 * The entries of every file as read, and the taxonomy built from them (null when a
	 * problem prevents it).
	 */
	record Loaded(Map<Area, List<Entry>> entries, Map<String, Area> areaOf, List<Problem> problems,
			@Nullable Taxonomy taxonomy, String version) {
	}

	/**
	 * The checked default taxonomy and its version: a digest of its content, the same on
	 * every machine, which changes whenever a topic does.
	 */
	record Shipped(Taxonomy taxonomy, String version) {
	}

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final int PROBLEMS_SHOWN = 200;

	private static volatile @Nullable Shipped shipped;

	private TaxonomyFiles() {
	}

	/**
	 * The shipped taxonomy; throws {@link IllegalStateException} naming every problem.
	 */
	static Shipped shipped() {
		Shipped result = shipped;
		if (result == null) {
			Loaded loaded = read((file) -> TaxonomyFiles.class.getClassLoader().getResourceAsStream(FOLDER + file));
			if (!loaded.problems().isEmpty() || loaded.taxonomy() == null) {
				throw new IllegalStateException(describe(loaded.problems()));
			}
			result = new Shipped(loaded.taxonomy(), loaded.version());
			shipped = result;
		}
		return result;
	}

	static String describe(List<Problem> problems) {
		StringBuilder message = new StringBuilder("The default taxonomy (" + FOLDER + ") has " + problems.size()
				+ " problem" + ((problems.size() == 1) ? "" : "s") + ":");
		problems.stream().limit(PROBLEMS_SHOWN).forEach((p) -> message.append("\n  - ").append(p));
		if (problems.size() > PROBLEMS_SHOWN) {
			message.append("\n  ... and ").append(problems.size() - PROBLEMS_SHOWN).append(" more");
		}
		return message.toString();
	}

	/**
	 * Reads and checks every file.
	 * @param open opens a file by name, null when it is missing
	 */
	static Loaded read(Function<String, @Nullable InputStream> open) {
		List<Problem> problems = new ArrayList<>();
		Map<Area, List<Entry>> entries = new LinkedHashMap<>();
		for (Area area : Area.values()) {
			entries.put(area, readFile(area, open, problems));
		}
		Map<String, Area> areaOf = new LinkedHashMap<>();
		List<Topic> topics = new ArrayList<>();
		entries.forEach((area, list) -> {
			for (Entry entry : list) {
				Topic topic = topic(area, entry, problems);
				if (topic == null) {
					continue;
				}
				Area first = areaOf.putIfAbsent(topic.id(), area);
				if (first != null) {
					problems.add(new Problem(area.file, topic.id(),
							"the id is used again (first in " + first.file + "); ids are unique across all files"));
				}
				else {
					topics.add(topic);
				}
			}
		});
		Taxonomy taxonomy = new Taxonomy(topics);
		checkParents(taxonomy, areaOf, problems);
		checkCollisions(taxonomy, areaOf, problems);
		return new Loaded(entries, areaOf, List.copyOf(problems), problems.isEmpty() ? taxonomy : null,
				version(taxonomy));
	}

	private static List<Entry> readFile(Area area, Function<String, @Nullable InputStream> open,
			List<Problem> problems) {
		try (InputStream in = open.apply(area.file)) {
			if (in == null) {
				problems.add(new Problem(area.file, null,
						"missing (every area has a file, " + "{\"topics\": []} when it has no entries)"));
				return List.of();
			}
			Document document = JSON.readValue(in, Document.class);
			if (document == null || document.topics() == null) {
				problems.add(new Problem(area.file, null, "has no \"topics\" array"));
				return List.of();
			}
			return document.topics();
		}
		catch (JacksonException ex) {
			problems.add(new Problem(area.file, null,
					"is not a valid taxonomy file: " + ex.getOriginalMessage() + ((ex.getLocation() != null) ? " (line "
							+ ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "")));
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The entry as a topic, or null (with problems) when it cannot be one. */
	private static @Nullable Topic topic(Area area, Entry entry, List<Problem> problems) {
		String id = entry.id();
		int before = problems.size();
		if (!Taxonomy.isValidId(id)) {
			problems.add(new Problem(area.file, id,
					"invalid id: use 1 to 100 lower-case letters, digits, dots and dashes, starting with a letter or digit"));
			return null;
		}
		if (entry.name() == null || entry.name().isBlank()) {
			problems.add(new Problem(area.file, id, "has no name"));
		}
		TopicCategory category = null;
		try {
			category = TopicCategory.of(entry.category());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(area.file, id, "category '" + entry.category() + "' is not one of "
					+ List.of(TopicCategory.values()).stream().map(TopicCategory::json).toList()));
		}
		TopicKind kind = null;
		if (category != null) {
			try {
				kind = (entry.kind() != null) ? TopicKind.of(entry.kind()) : TopicKind.defaultFor(category);
				if (kind.category() != category) {
					problems.add(new Problem(area.file, id, "kind '" + kind.json() + "' is not a kind of category '"
							+ category.json() + "' (" + String.join(", ", TopicKind.allowedFor(category)) + ")"));
				}
				else if (!area.kinds.contains(kind)) {
					problems.add(new Problem(area.file, id, "a " + kind.json() + " does not belong in " + area.file
							+ ", which holds " + area.kindNames()));
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(area.file, id, "kind '" + entry.kind() + "' is not one of "
						+ List.of(TopicKind.values()).stream().map(TopicKind::json).toList()));
			}
		}
		if (id.equals(entry.parent())) {
			problems.add(new Problem(area.file, id, "is its own parent"));
		}
		List<String> aliases = strings(area, id, "aliases", entry.aliases(), problems);
		List<String> cues = strings(area, id, "contextCues", entry.contextCues(), problems);
		List<String> zhHant = strings(area, id, "zhHant", entry.zhHant(), problems);
		List<String> zhHans = strings(area, id, "zhHans", entry.zhHans(), problems);
		if (problems.size() > before) {
			return null;
		}
		return new Topic(id, entry.name().strip(), category, aliases, cues, kind,
				(entry.parent() == null || entry.parent().isBlank()) ? null : entry.parent().strip(), zhHant, zhHans,
				Boolean.TRUE.equals(entry.ambiguous()));
	}

	private static List<String> strings(Area area, String id, String field, @Nullable List<String> values,
			List<Problem> problems) {
		if (values == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value == null || value.isBlank()) {
				problems.add(new Problem(area.file, id, field + "[" + i + "] is blank"));
			}
			else if (out.contains(value.strip())) {
				problems.add(new Problem(area.file, id, field + " lists '" + value.strip() + "' twice"));
			}
			else {
				out.add(value.strip());
			}
		}
		return out;
	}

	private static void checkParents(Taxonomy taxonomy, Map<String, Area> areaOf, List<Problem> problems) {
		for (Topic topic : taxonomy.topics()) {
			String parent = topic.parent();
			if (parent == null || parent.equals(topic.id())) {
				continue;
			}
			if (taxonomy.topic(parent).isEmpty()) {
				problems.add(new Problem(areaOf.get(topic.id()).file, topic.id(),
						"parent '" + parent + "' is no entry of any file"));
			}
			else if (taxonomy.wouldLoop(topic.id(), parent)) {
				List<String> loop = taxonomy.withAncestors(parent);
				loop = loop.subList(0, loop.indexOf(topic.id()));
				problems.add(new Problem(areaOf.get(topic.id()).file, topic.id(),
						"parent '" + parent + "' leads back to this entry: " + topic.id() + " -> "
								+ String.join(" -> ", loop) + " -> " + topic.id()));
			}
		}
	}

	/**
	 * Two entries must not share a matched form once folded (case, width, script, spaces
	 * and punctuation), or a mention could not tell them apart.
	 */
	private static void checkCollisions(Taxonomy taxonomy, Map<String, Area> areaOf, List<Problem> problems) {
		Map<String, Topic> owner = new LinkedHashMap<>();
		Map<String, String> written = new LinkedHashMap<>();
		Set<String> reported = new LinkedHashSet<>();
		for (Topic topic : taxonomy.topics()) {
			for (String form : topic.names()) {
				String key = Folding.key(form);
				if (key.isEmpty()) {
					continue;
				}
				Topic first = owner.putIfAbsent(key, topic);
				if (first == null) {
					written.put(key, form);
				}
				else if (!first.id().equals(topic.id()) && reported.add(key + "\u0000" + topic.id())) {
					problems.add(new Problem(areaOf.get(topic.id()).file, topic.id(),
							"'" + form + "' matches the same text as '" + written.get(key) + "' of '" + first.id()
									+ "' (" + areaOf.get(first.id()).file + "); one real thing has one entry, and "
									+ "an alias must not name another entry"));
				}
			}
		}
	}

	/** A digest of everything that matters about the topics, in id order. */
	static String version(Taxonomy taxonomy) {
		StringBuilder canonical = new StringBuilder();
		taxonomy.topics().stream().sorted(Comparator.comparing(Topic::id)).forEach((t) -> {
			canonical.append(t.id())
				.append('\u0001')
				.append(t.name())
				.append('\u0001')
				.append(t.category().json())
				.append('\u0001')
				.append(t.kind().json())
				.append('\u0001')
				.append((t.parent() != null) ? t.parent() : "")
				.append('\u0001')
				.append(String.join("\u0002", t.aliases()))
				.append('\u0001')
				.append(String.join("\u0002", t.contextCues()))
				.append('\u0001')
				.append(String.join("\u0002", t.zhHant()))
				.append('\u0001')
				.append(String.join("\u0002", t.zhHans()))
				.append('\u0001')
				.append(t.ambiguous())
				.append('\n');
		});
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
