package io.podlens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh data directory per Spring test context: each context owns its H2 file and its
 * Lucene write lock, so two cached contexts must never share one.
 */
public final class TestDataDirs {

	private TestDataDirs() {
	}

	public static Path create(String name) {
		try {
			Path target = Path.of("target", "test-data");
			Files.createDirectories(target);
			return Files.createTempDirectory(target, name + "-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
