package io.podlens.topic;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import io.podlens.text.ChineseScript;
import io.podlens.text.Folding;
import io.podlens.text.SimplifiedChinese;
import io.podlens.text.WordLists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checker of the shipped taxonomy files (topics/taxonomy/*.json): every rule of the
 * data format that a program can check, beyond those the service itself enforces at
 * start-up ({@link TaxonomyFiles}). Run it after editing a file:
 * {@code ./mvnw -o -q -pl podlens-service -am test -Dtest=TaxonomyFilesTests
 * -Dsurefire.failIfNoSpecifiedTests=false}; a failure lists every problem by file and
 * entry.
 */
class TaxonomyFilesTests {

	/**
	 * Words that name no particular thing: never a name or alias of a named entity (any
	 * script, compared folded).
	 */
	private static final Set<String> GENERIC = Set.of("ai", "a.i.", "ml", "model", "models", "llm", "llms", "chat",
			"chatbot", "bot", "bots", "assistant", "agent", "agents", "cloud", "app", "apps", "api", "gpu", "gpus",
			"cpu", "chip", "chips", "robot", "data", "dataset", "benchmark", "platform", "tool", "tools", "lab", "labs",
			"company", "research", "search", "open source", "inc", "corp", "ltd", "group", "team", "ceo", "founder",
			"人工智能", "人工智慧", "模型", "大模型", "助手", "智能体", "智能體", "聊天机器人", "聊天機器人", "机器人", "機器人", "芯片", "晶片", "云", "雲", "公司",
			"实验室", "實驗室", "数据集", "資料集");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

	private static final TaxonomyFiles.Loaded LOADED = TaxonomyFiles
		.read((file) -> TaxonomyFiles.class.getClassLoader().getResourceAsStream(TaxonomyFiles.FOLDER + file));

	@Test
	void filesPassTheStartUpChecks() {
		assertThat(LOADED.problems()).as(() -> TaxonomyFiles.describe(LOADED.problems())).isEmpty();
		assertThat(LOADED.taxonomy()).isNotNull();
		assertThat(Taxonomy.defaultTaxonomy().topics()).hasSize(LOADED.areaOf().size());
	}

	@Test
	void filesFollowTheDataFormat() {
		List<String> problems = new ArrayList<>();
		LOADED.entries().forEach((area, entries) -> {
			String previous = "";
			for (TaxonomyFiles.Entry entry : entries) {
				String id = String.valueOf(entry.id());
				String where = area.file + ", entry '" + id + "': ";
				if (id.compareTo(previous) < 0) {
					problems.add(where + "not sorted by id (after '" + previous + "')");
				}
				previous = id;
				check(area, entry, where, problems);
			}
		});
		assertThat(problems).as(() -> problems.size() + " problems:\n  - " + String.join("\n  - ", problems)).isEmpty();
	}

	@Test
	void parentsAreOfAFittingCategory() {
		Taxonomy taxonomy = Taxonomy.defaultTaxonomy();
		List<String> problems = new ArrayList<>();
		for (Topic topic : taxonomy.topics()) {
			taxonomy.parent(topic).ifPresent((parent) -> {
				if (!fits(topic, parent)) {
					problems.add(LOADED.areaOf().get(topic.id()).file + ", entry '" + topic.id() + "': a "
							+ topic.kind().json() + " cannot roll up to '" + parent.id() + "', a "
							+ parent.kind().json());
				}
			});
		}
		assertThat(problems).as(() -> String.join("\n", problems)).isEmpty();
	}

	/** Figures and hints for whoever edits the files; they never fail the build. */
	@Test
	void summary() {
		Map<String, Integer> byKind = new TreeMap<>();
		int parents = 0;
		int chinese = 0;
		int ambiguous = 0;
		List<String> hints = new ArrayList<>();
		for (Topic topic : Taxonomy.defaultTaxonomy().topics()) {
			byKind.merge(topic.category().json() + "/" + topic.kind().json(), 1, Integer::sum);
			parents += (topic.parent() != null) ? 1 : 0;
			chinese += (!topic.zhHant().isEmpty() || !topic.zhHans().isEmpty()) ? 1 : 0;
			ambiguous += topic.ambiguous() ? 1 : 0;
			for (String hans : topic.zhHans()) {
				if (!SimplifiedChinese.convert(hans).equals(hans)) {
					hints.add(topic.id() + ": zhHans '" + hans + "' has a character that is Traditional elsewhere ('"
							+ SimplifiedChinese.convert(hans) + "'); fine in a proper name");
				}
			}
			for (String hant : topic.zhHant()) {
				if (!traditional(hant).equals(hant) && SimplifiedChinese.convert(hant).equals(hant)) {
					hints.add(topic.id() + ": zhHant '" + hant + "' has a character that is Simplified elsewhere ('"
							+ traditional(hant) + "'); fine in a proper name");
				}
				String converted = SimplifiedChinese.convert(hant);
				if (!topic.zhHans().contains(converted)) {
					hints.add(topic.id() + ": zhHant '" + hant + "' is '" + converted
							+ "' in Simplified, not in zhHans (fine if the regions name it differently)");
				}
			}
			if (!topic.ambiguous() && topic.category().isNamedEntity()) {
				for (String name : topic.names()) {
					if (!HAN.matcher(name).find() && !name.contains(" ")
							&& WordLists.COMMON_ENGLISH.contains(Folding.key(name))) {
						hints.add(topic.id() + ": '" + name + "' is a common English word; \"ambiguous\": true?");
					}
				}
			}
		}
		System.out.println("Default taxonomy " + LOADED.version() + ": " + LOADED.areaOf().size() + " topics " + byKind
				+ ", " + parents + " with a parent, " + chinese + " with Chinese names, " + ambiguous + " ambiguous");
		hints.forEach((hint) -> System.out.println("  hint: " + hint));
		assertThat(LOADED.areaOf()).isNotEmpty();
	}

	@Test
	void startUpChecksNameTheFileAndTheEntry() {
		Map<String, String> files = new TreeMap<>();
		for (TaxonomyFiles.Area area : TaxonomyFiles.Area.values()) {
			files.put(area.file, "{\"topics\": []}");
		}
		files.put("models.json", """
				{"topics": [
				 {"id": "gpt-4o", "name": "GPT-4o", "category": "model", "parent": "openai", "aliases": ["GPT4o"]},
				 {"id": "o1", "name": "o1", "category": "model", "parent": "o3"},
				 {"id": "o3", "name": "o3", "category": "model", "parent": "o1"},
				 {"id": "Bad", "name": "Bad", "category": "model"},
				 {"id": "phi", "name": "Phi", "category": "model", "kind": "lab"}
				]}""");
		files.put("organizations.json", """
				{"topics": [
				 {"id": "gpt-4o", "name": "OpenAI", "category": "organization"},
				 {"id": "openai", "name": "OpenAI", "category": "organization", "aliases": ["gpt 4o"]}
				]}""");
		files.put("people.json", """
				{"topics": [{"id": "acme", "name": "Acme", "category": "person", "contextCue": ["typo"]}]}""");
		TaxonomyFiles.Loaded loaded = TaxonomyFiles.read(open(files));
		assertThat(loaded.taxonomy()).isNull();
		assertThat(loaded.problems()).extracting(Object::toString)
			.contains("models.json, entry 'Bad': invalid id: use 1 to 100 lower-case letters, digits, dots and dashes,"
					+ " starting with a letter or digit")
			.anyMatch((p) -> p.startsWith("models.json, entry 'phi': kind 'lab' is not a kind of category 'model'"))
			.anyMatch((p) -> p
				.startsWith("organizations.json, entry 'gpt-4o': the id is used again (first in " + "models.json)"))
			.contains("models.json, entry 'o1': parent 'o3' leads back to this entry: o1 -> o3 -> o1")
			.anyMatch((p) -> p.startsWith(
					"organizations.json, entry 'openai': 'gpt 4o' matches the same text as " + "'GPT-4o' of 'gpt-4o'"))
			.anyMatch((p) -> p.startsWith("people.json: is not a valid taxonomy file") && p.contains("contextCue")
					&& p.contains("line 1"));
		files.remove("hardware.json");
		files.put("models.json", """
				{"topics": [{"id": "gpt-4o", "name": "GPT-4o", "category": "model", "parent": "openai"}]}""");
		files.put("organizations.json", "{\"topics\": []}");
		files.put("people.json", "{\"topics\": []}");
		assertThat(TaxonomyFiles.read(open(files)).problems()).extracting(Object::toString)
			.containsExactly("hardware.json: missing (every area has a file, {\"topics\": []} when it has no entries)",
					"models.json, entry 'gpt-4o': parent 'openai' is no entry of any file");
		assertThatThrownBy(() -> {
			throw new IllegalStateException(TaxonomyFiles.describe(TaxonomyFiles.read(open(files)).problems()));
		}).hasMessageStartingWith("The default taxonomy (topics/taxonomy/) has 2 problems:");
	}

	private static Function<String, InputStream> open(Map<String, String> files) {
		return (file) -> files.containsKey(file)
				? new ByteArrayInputStream(files.get(file).getBytes(StandardCharsets.UTF_8)) : null;
	}

	private static void check(TaxonomyFiles.Area area, TaxonomyFiles.Entry entry, String where, List<String> problems) {
		List<String> aliases = orEmpty(entry.aliases());
		List<String> zhHant = orEmpty(entry.zhHant());
		List<String> zhHans = orEmpty(entry.zhHans());
		for (String alias : aliases) {
			if (HAN.matcher(alias).find()) {
				problems.add(where + "alias '" + alias + "' has Chinese characters: put it in zhHant / zhHans");
			}
		}
		List<String> names = new ArrayList<>();
		if (entry.name() != null) {
			names.add(entry.name());
		}
		names.addAll(aliases);
		names.addAll(zhHant);
		names.addAll(zhHans);
		for (String name : names) {
			String key = Folding.key(name);
			if (key.codePointCount(0, key.length()) < MatchPolicy.DEFAULTS.exact().minNameLength()) {
				problems.add(where + "'" + name + "' is too short to be matched");
			}
			if (area != TaxonomyFiles.Area.CONCEPTS && (GENERIC.contains(key) || GENERIC.contains(name.strip()))) {
				problems.add(where + "'" + name + "' is a generic word, not a name");
			}
		}
		// A single converted character is often right in a proper name (范 as a surname, 昇
		// in
		// 昇腾, 丰 in 蘇姿丰): the script checks fail on two or more, and print a hint on one.
		for (String hans : zhHans) {
			int traditional = changed(hans, SimplifiedChinese.convert(hans));
			if (traditional >= 2 && ChineseScript.isTraditional(hans)) {
				problems.add(where + "zhHans '" + hans + "' is written in Traditional characters (Simplified: '"
						+ SimplifiedChinese.convert(hans) + "')");
			}
			if (!HAN.matcher(hans).find()) {
				problems.add(where + "zhHans '" + hans + "' has no Chinese characters");
			}
		}
		for (String hant : zhHant) {
			if (changed(hant, traditional(hant)) >= 2 && SimplifiedChinese.convert(hant).equals(hant)) {
				problems.add(where + "zhHant '" + hant + "' is written in Simplified characters (Traditional: '"
						+ traditional(hant) + "')");
			}
			if (!HAN.matcher(hant).find()) {
				problems.add(where + "zhHant '" + hant + "' has no Chinese characters");
			}
		}
		if (zhHant.isEmpty() != zhHans.isEmpty()) {
			problems.add(where + "has Chinese names in one script only: give the name used in the other script too ("
					+ (zhHans.isEmpty()
							? "Simplified of " + zhHant.get(0) + ": " + SimplifiedChinese.convert(zhHant.get(0))
							: "Traditional of " + zhHans.get(0) + ": " + traditional(zhHans.get(0)))
					+ ")");
		}
		if (Boolean.TRUE.equals(entry.ambiguous()) && orEmpty(entry.contextCues()).isEmpty()) {
			problems
				.add(where + "is ambiguous but has no contextCues, so it would only match written exactly as listed");
		}
	}

	/**
	 * Whether a topic may roll up to that parent (model to lab, version to family, ...).
	 */
	private static boolean fits(Topic topic, Topic parent) {
		TopicCategory p = parent.category();
		return switch (topic.category()) {
			case MODEL -> p == TopicCategory.MODEL || p == TopicCategory.ORGANIZATION;
			case ORGANIZATION, PERSON -> p == TopicCategory.ORGANIZATION;
			case PRODUCT -> p == TopicCategory.PRODUCT || p == TopicCategory.ORGANIZATION || p == TopicCategory.MODEL;
			case CONCEPT -> p == TopicCategory.CONCEPT || p == TopicCategory.ORGANIZATION;
			case THEME -> p == TopicCategory.THEME || p == TopicCategory.CONCEPT;
		};
	}

	/** Characters that differ between a text and its conversion (same length). */
	private static int changed(String text, String converted) {
		if (text.length() != converted.length()) {
			return Math.abs(text.length() - converted.length()) + 1;
		}
		int changed = 0;
		for (int i = 0; i < text.length(); i++) {
			changed += (text.charAt(i) != converted.charAt(i)) ? 1 : 0;
		}
		return changed;
	}

	private static synchronized String traditional(String text) {
		return TO_TRADITIONAL.transliterate(text);
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

}
