package io.podlens.bulkimport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonLinesTests {

	private static final String BODY = "{\"a\":1}\n\n  \r\n{\"b\":\"" + "x".repeat(50) + "\"}\r\n{\"c\":3}";

	@Test
	void copiesUnchangedAndCountsNonBlankLines() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long lines = NdjsonLines.copyCounting(new ByteArrayInputStream(bytes(BODY)), out);
		assertThat(lines).isEqualTo(3);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(BODY);
	}

	@Test
	void readsLinesWithTheirNumbersAndSkipsOverlongOnes() throws Exception {
		NdjsonLines.Reader reader = new NdjsonLines.Reader(new ByteArrayInputStream(bytes(BODY)), 20);
		List<String> seen = new ArrayList<>();
		while (reader.next()) {
			String state = reader.tooLong() ? "too long"
					: reader.blank() ? "blank" : new String(reader.bytes(), StandardCharsets.UTF_8).strip();
			seen.add(reader.number() + ":" + state);
		}
		assertThat(seen).containsExactly("1:{\"a\":1}", "2:blank", "3:blank", "4:too long", "5:{\"c\":3}");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
