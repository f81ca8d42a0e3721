package io.podlens.common;

import java.util.Locale;

/** Byte counts as people read them in error messages. */
final class Sizes {

	private Sizes() {
	}

	/** {@code 52428800} becomes {@code "50 MB (52428800 bytes)"}. */
	static String describe(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MB (" + bytes + " bytes)";
		}
		if (bytes >= 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB (%d bytes)", bytes / (1024.0 * 1024), bytes);
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return bytes / 1024 + " KB (" + bytes + " bytes)";
		}
		return bytes + " bytes";
	}

}
