package io.podlens.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentGrouperTests {

	private static String word(String speaker, double start, double end, String body) {
		return "{\"speaker\":\"" + speaker + "\",\"startTime\":" + start + ",\"endTime\":" + end + ",\"body\":\"" + body
				+ "\"}";
	}

	@Test
	void groupsWordLevelJsonAtSentenceEndsSpeakerChangesAndPauses() {
		String content = "{\"version\":\"1.0.0\",\"segments\":["
				+ String.join(",", word("A", 0.2, 0.4, "It's"), word("A", 0.4, 0.4, " "), word("A", 0.5, 0.9, "Friday"),
						word("A", 0.9, 0.9, ","), word("A", 1.0, 1.3, "the"), word("A", 1.3, 1.6, "2nd."),
						word("A", 1.7, 2.0, "Then"), word("A", 2.0, 2.2, "we"), word("A", 5.0, 5.3, "pause"),
						word("B", 5.4, 5.6, "Hi"), word("B", 5.6, 5.9, "you"))
				+ "]}";
		List<TranscriptSegment> segments = TranscriptParsers.parse(content, TranscriptFormat.AUTO).segments();
		assertThat(segments).containsExactly(new TranscriptSegment(200, 1_600, "A", "It's Friday, the 2nd."),
				new TranscriptSegment(1_700, 2_200, "A", "Then we"), new TranscriptSegment(5_000, 5_300, "A", "pause"),
				new TranscriptSegment(5_400, 5_900, "B", "Hi you"));
	}

	@Test
	void groupsAtThirtySecondsAndJoinsCjkWithoutSpaces() {
		StringBuilder json = new StringBuilder("{\"segments\":[");
		for (int i = 0; i < 80; i++) {
			json.append(i > 0 ? "," : "").append(word("A", i * 0.5, i * 0.5 + 0.4, "模"));
		}
		List<TranscriptSegment> segments = TranscriptParsers.parse(json.append("]}").toString(), TranscriptFormat.AUTO)
			.segments();
		assertThat(segments).hasSize(2);
		assertThat(segments.get(0).text()).isEqualTo("模".repeat(60));
		assertThat(segments.get(0).endMs() - segments.get(0).startMs()).isLessThanOrEqualTo(30_000);
	}

	@Test
	void leavesPhraseLevelCuesAlone() {
		String content = "{\"segments\":[" + String.join(",", word("A", 0, 3, "a whole phrase here"),
				word("A", 3, 6, "and another phrase"), word("A", 6, 9, "and a third one"),
				word("A", 9, 12, "plus a fourth one"), word("A", 12, 15, "and the fifth")) + "]}";
		assertThat(TranscriptParsers.parse(content, TranscriptFormat.AUTO).segments()).hasSize(5);
	}

	@Test
	void detectsWordLevelByMedianWordsAndDuration() {
		List<TranscriptSegment> words = List.of(new TranscriptSegment(0, 300, null, "a"),
				new TranscriptSegment(300, 600, null, "b"), new TranscriptSegment(600, 900, null, "c d"),
				new TranscriptSegment(900, 1200, null, "e"), new TranscriptSegment(1200, 5000, null, "f g h i j"));
		assertThat(SegmentGrouper.looksWordLevel(words)).isTrue();
		assertThat(SegmentGrouper.looksWordLevel(words.subList(0, 3))).isFalse();
	}

}
