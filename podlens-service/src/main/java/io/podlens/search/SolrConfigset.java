package io.podlens.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The configset kept in the repository ({@code podlens-solr/src/main/configset/podlens},
 * copied into the service's class path by the build): its files, the name it gets in
 * Solr, {@code podlens-<first 12 hex digits of a SHA-256 over the files>}, so that a
 * collection's configset name says whether it was made with exactly these files, and the
 * zip that Solr's configset API uploads.
 */
final class SolrConfigset {

	/**
	 * Every file of the configset; {@code SolrConfigsetTests} checks it against the
	 * directory.
	 */
	static final List<String> FILES = List.of("schema.xml", "solrconfig.xml", "context-dropped-types.txt");

	private static final String RESOURCES = "/io/podlens/search/solr-configset/podlens/";

	private final Map<String, byte[]> files;

	private final String name;

	private SolrConfigset(Map<String, byte[]> files) {
		this.files = files;
		this.name = "podlens-" + digest(files).substring(0, 12);
	}

	/** The configset on the class path. */
	static SolrConfigset load() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String file : FILES) {
			try (InputStream in = SolrConfigset.class.getResourceAsStream(RESOURCES + file)) {
				if (in == null) {
					throw new IllegalStateException("the Solr configset file " + file + " is not on the class path");
				}
				files.put(file, in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new SolrConfigset(files);
	}

	String name() {
		return this.name;
	}

	Map<String, byte[]> files() {
		return this.files;
	}

	byte[] zip() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> file : this.files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String digest(Map<String, byte[]> files) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			files.forEach((file, content) -> {
				sha.update(file.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(content);
				sha.update((byte) 0);
			});
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
