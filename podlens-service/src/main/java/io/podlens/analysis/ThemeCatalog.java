package io.podlens.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.text.Folding;

/**
 * The themes the classifier knows: the bundled {@code analysis/themes.json} plus any user
 * files. Cue terms are folded once at load time.
 */
final class ThemeCatalog {

	static final String SPONSOR = "sponsor";

	private static final String BUNDLED = "/analysis/themes.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<ThemeDefinition> themes;

	private final Map<String, ThemeDefinition> byId;

	ThemeCatalog(List<ThemeDefinition> themes) {
		Map<String, ThemeDefinition> map = new LinkedHashMap<>();
		themes.forEach((theme) -> map.put(theme.id(), theme));
		this.byId = Map.copyOf(map);
		this.themes = List.copyOf(map.values());
	}

	/** Bundled themes (if enabled) followed by every {@code *.json} in the directory. */
	static ThemeCatalog load(AnalysisProperties properties) {
		List<ThemeDefinition> themes = new ArrayList<>();
		if (properties.defaultThemes()) {
			themes.addAll(bundled().themes());
		}
		Path dir = properties.themesDir();
		if (dir != null) {
			if (!Files.isDirectory(dir)) {
				throw new IllegalStateException("podlens.analysis.themes-dir is not a directory: " + dir);
			}
			try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
				List<Path> sorted = new ArrayList<>();
				files.forEach(sorted::add);
				sorted.sort(null);
				for (Path file : sorted) {
					try (InputStream in = Files.newInputStream(file)) {
						themes.addAll(parse(in, file.toString()));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read themes from " + dir, ex);
			}
		}
		return new ThemeCatalog(themes);
	}

	static ThemeCatalog bundled() {
		try (InputStream in = ThemeCatalog.class.getResourceAsStream(BUNDLED)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + BUNDLED);
			}
			return new ThemeCatalog(parse(in, BUNDLED));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<ThemeDefinition> parse(InputStream in, String source) {
		JsonNode root = JSON.readTree(in);
		JsonNode array = root.path("themes");
		if (!array.isArray()) {
			throw new IllegalStateException(source + ": expected an object with a \"themes\" array");
		}
		List<ThemeDefinition> themes = new ArrayList<>();
		for (JsonNode node : array) {
			themes.add(theme(node, source));
		}
		return themes;
	}

	private static ThemeDefinition theme(JsonNode node, String source) {
		String id = node.path("id").asString("");
		if (id.isBlank()) {
			throw new IllegalStateException(source + ": every theme needs an id");
		}
		Map<String, String> names = new LinkedHashMap<>();
		node.path("name").properties().forEach((e) -> names.put(e.getKey(), e.getValue().asString()));
		List<ThemeDefinition.Cue> cues = new ArrayList<>();
		// "cues": {"zh": {"term": weight}, "en": {...}}; the language keys only group
		// terms.
		node.path("cues").properties().forEach((group) -> group.getValue().properties().forEach((cue) -> {
			String term = Folding.fold(cue.getKey()).strip();
			if (!term.isEmpty()) {
				cues.add(new ThemeDefinition.Cue(term, cue.getValue().asDouble(1.0)));
			}
		}));
		if (cues.isEmpty()) {
			throw new IllegalStateException(source + ": theme " + id + " has no cue terms");
		}
		JsonNode p = node.path("prior");
		ThemeDefinition.Prior prior = p.isObject() ? new ThemeDefinition.Prior(p.path("from").asDouble(0),
				p.path("to").asDouble(1), p.path("boost").asDouble(1), p.path("outside").asDouble(1)) : null;
		String color = node.path("color").isString() ? node.path("color").asString() : null;
		return new ThemeDefinition(id, node.path("kind").asString("subject"), names,
				node.path("description").asString(""), color, cues, prior);
	}

	List<ThemeDefinition> themes() {
		return this.themes;
	}

	Optional<ThemeDefinition> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/** Display name of a theme id in a language; the id itself when unknown. */
	String nameOf(String id, String language) {
		return find(id).map((theme) -> theme.nameIn(language)).orElse(id);
	}

}
