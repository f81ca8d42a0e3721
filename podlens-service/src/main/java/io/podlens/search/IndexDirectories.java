package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directories under {@code podlens.data-dir/index}: each complete index lives in a
 * directory of its own ({@code gen-1}, {@code gen-2}, ...) and the file {@code current}
 * names the one in use. A rebuild writes a fresh directory and then replaces
 * {@code current} atomically, so a crash at any point leaves a complete index in use.
 */
final class IndexDirectories {

	private static final Logger log = LoggerFactory.getLogger(IndexDirectories.class);

	private static final String CURRENT = "current";

	private static final String PREFIX = "gen-";

	private final Path root;

	IndexDirectories(Path root) throws IOException {
		this.root = Files.createDirectories(root);
	}

	/**
	 * The directory in use; a first start (or an index of the old layout) gets a new one.
	 */
	Path current() throws IOException {
		Path pointer = this.root.resolve(CURRENT);
		if (Files.exists(pointer)) {
			Path dir = this.root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim());
			if (Files.isDirectory(dir)) {
				return dir;
			}
		}
		Path first = fresh();
		makeCurrent(first);
		return first;
	}

	/** A new, empty directory for a rebuild. */
	Path fresh() throws IOException {
		long next;
		try (Stream<Path> children = Files.list(this.root)) {
			next = 1 + children.map((child) -> child.getFileName().toString())
				.filter((name) -> name.startsWith(PREFIX))
				.mapToLong(IndexDirectories::number)
				.max()
				.orElse(0);
		}
		return Files.createDirectory(this.root.resolve(PREFIX + next));
	}

	/** Points {@code current} at {@code dir}, atomically. */
	void makeCurrent(Path dir) throws IOException {
		Path temp = this.root.resolve(CURRENT + ".tmp");
		Files.writeString(temp, dir.getFileName().toString(), StandardCharsets.UTF_8);
		Files.move(temp, this.root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Deletes everything but {@code keep} and the pointer: replaced indexes, failed
	 * rebuilds, files of the old single-directory layout.
	 */
	void deleteAllBut(Path keep) {
		try (Stream<Path> children = Files.list(this.root)) {
			children.filter((child) -> !child.equals(keep) && !child.getFileName().toString().equals(CURRENT))
				.forEach(IndexDirectories::delete);
		}
		catch (IOException ex) {
			log.warn("Listing {} to clean it up failed", this.root, ex);
		}
	}

	static void delete(Path path) {
		try (Stream<Path> all = Files.walk(path)) {
			List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
			for (Path each : deepestFirst) {
				Files.deleteIfExists(each);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Deleting {} failed; the next start tries again", path, ex);
		}
	}

	private static long number(String name) {
		try {
			return Long.parseLong(name.substring(PREFIX.length()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
