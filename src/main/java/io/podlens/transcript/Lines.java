package io.podlens.transcript;

import java.util.List;

/** Splitting of content into lines (LF, CRLF or CR). */
final class Lines {

	private Lines() {
	}

	static List<String> of(String content) {
		return List.of(content.split("\r\n|\r|\n", -1));
	}

	static boolean isBlank(String line) {
		return line.isBlank();
	}

}
