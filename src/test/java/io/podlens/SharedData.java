package io.podlens;

import java.nio.file.Files;
import java.nio.file.Path;

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

	public static Path file(String relative) {
		Path file = dir().resolve(relative);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("missing shared file " + file);
		}
		return file;
	}

}
