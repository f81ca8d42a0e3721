package io.podlens.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ONNX Runtime and DJL's tokenizer find their native libraries: below the data
 * directory, which must be writable anyway, instead of the user's home
 * ({@code ~/.djl.ai}) or a fresh temporary directory per start. Must run before the first
 * ONNX Runtime or tokenizer class is initialised, since both read their settings once, at
 * that point.
 * <ul>
 * <li>ONNX Runtime loads its libraries from {@code onnxruntime.native.path} when that is
 * set: they are copied there from its jar (once per version; a copy of another size is
 * replaced).</li>
 * <li>DJL unpacks its tokenizer library into {@code DJL_CACHE_DIR};
 * {@code ai.djl.offline} keeps it from ever downloading one (the library for this
 * platform is in its jar).</li>
 * </ul>
 * Settings given by the operator (system properties, or DJL's environment variables) are
 * left alone.
 */
final class NativeLibraries {

	private static final Logger log = LoggerFactory.getLogger(NativeLibraries.class);

	static final String ONNX_PATH = "onnxruntime.native.path";

	static final String DJL_CACHE = "DJL_CACHE_DIR";

	static final String DJL_OFFLINE = "ai.djl.offline";

	private static final List<String> ONNX_LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

	private NativeLibraries() {
	}

	/**
	 * Points both libraries at {@code dir} (created when missing).
	 * @throws IllegalStateException when the directory is not writable or ONNX Runtime
	 * has no library for this platform
	 */
	static synchronized void prepare(Path dir) {
		try {
			Files.createDirectories(dir);
			if (System.getProperty(DJL_CACHE) == null && System.getenv(DJL_CACHE) == null) {
				Path djl = Files.createDirectories(dir.resolve("djl"));
				System.setProperty(DJL_CACHE, djl.toAbsolutePath().toString());
			}
			if (System.getProperty(DJL_OFFLINE) == null && System.getenv("DJL_OFFLINE") == null) {
				System.setProperty(DJL_OFFLINE, "true");
			}
			if (System.getProperty(ONNX_PATH) == null) {
				Path onnx = Files.createDirectories(dir.resolve("onnxruntime").resolve(platform()));
				for (String library : ONNX_LIBRARIES) {
					copyOnnxLibrary(library, onnx);
				}
				System.setProperty(ONNX_PATH, onnx.toAbsolutePath().toString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the native libraries of the embedding model in " + dir
					+ " (it must be writable): " + ex.getMessage(), ex);
		}
	}

	private static void copyOnnxLibrary(String library, Path dir) throws IOException {
		String file = System.mapLibraryName(library);
		String resource = "/ai/onnxruntime/native/" + platform() + "/" + file;
		try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("ONNX Runtime has no native library for this platform ("
						+ System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "): " + resource);
			}
			Path target = dir.resolve(file);
			long size = resourceSize(resource);
			if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
				return;
			}
			// Copied aside and moved, so that a crash never leaves half a library.
			Path partial = Files.createTempFile(dir, file, ".part");
			try {
				Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
			log.info("Unpacked {} to {}", file, dir);
		}
	}

	private static long resourceSize(String resource) throws IOException {
		var url = NativeLibraries.class.getResource(resource);
		if (url == null) {
			return -1;
		}
		return url.openConnection().getContentLengthLong();
	}

	/** ONNX Runtime's name for this platform, as in its jar. */
	static String platform() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String osName;
		if (os.contains("mac") || os.contains("darwin")) {
			osName = "osx";
		}
		else if (os.contains("win")) {
			osName = "win";
		}
		else if (os.contains("nux")) {
			osName = "linux";
		}
		else {
			osName = os;
		}
		String archName = switch (arch) {
			case "amd64", "x86_64", "x64" -> "x64";
			case "aarch64", "arm64" -> "aarch64";
			default -> arch;
		};
		return osName + "-" + archName;
	}

}
