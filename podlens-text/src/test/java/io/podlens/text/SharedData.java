package io.podlens.text;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates ../shared test material; skips tests when it is absent unless
 * podlens.shared.required=true.
 */
public final class SharedData {

	private SharedData() {
	}

	public static Path dir() {
		Path dir = Path.of(System.getProperty("podlens.shared.dir", "../shared"));
		boolean required = Boolean.getBoolean("podlens.shared.required");
		if (!Files.isDirectory(dir)) {
			if (required) {
				throw new IllegalStateException(
						"podlens.shared.required=true but " + dir.toAbsolutePath() + " is missing");
			}
			Assumptions.abort("shared test material not found at " + dir.toAbsolutePath());
		}
		return dir;
	}

	/**
	 * Every line of the UTF-8 text files under the given folders of the shared material
	 * (files in other encodings are skipped).
	 */
	public static List<String> textLines(String... folders) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String folder : folders) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(dir().resolve(folder))) {
				files = walk.filter(Files::isRegularFile).sorted().toList();
			}
			for (Path file : files) {
				try {
					lines.addAll(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n")));
				}
				catch (CharacterCodingException ex) {
					// not UTF-8 (parser fixtures in legacy encodings)
				}
			}
		}
		return lines;
	}

	public static Path file(String relative) {
		Path file = dir().resolve(relative);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("missing shared file " + file);
		}
		return file;
	}

}
