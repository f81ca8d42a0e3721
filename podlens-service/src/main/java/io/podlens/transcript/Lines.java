package io.podlens.transcript;

import java.util.ArrayList;
import java.util.List;

/** Splitting of content into lines (LF, CRLF or CR). */
final class Lines {

	private Lines() {
	}

	static List<String> of(String content) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		int length = content.length();
		for (int i = 0; i < length; i++) {
			char c = content.charAt(i);
			if (c == '\n' || c == '\r') {
				lines.add(content.substring(start, i));
				if (c == '\r' && i + 1 < length && content.charAt(i + 1) == '\n') {
					i++;
				}
				start = i + 1;
			}
		}
		lines.add(content.substring(start));
		return lines;
	}

	static boolean isBlank(String line) {
		return line.isBlank();
	}

}
