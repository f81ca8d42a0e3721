package io.podlens.embedding;

import java.time.Duration;
import java.util.List;

import io.podlens.episode.StoredSegment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A segment's passage: its text and the segments starting within the window after it. */
class PassagesTests {

	@Test
	void aPassageTakesTheFollowingSegmentsWithinTheWindow() {
		List<StoredSegment> episode = List.of(segment(0, 0, "美国如何才能打破"), segment(1, 2_000, "对中国的芯片出口管制"),
				segment(2, 5_000, "这是一个问题"), segment(3, 30_000, "later"));
		assertThat(new Passages(Duration.ofSeconds(20), 600).of(episode)).containsExactly("美国如何才能打破 对中国的芯片出口管制 这是一个问题",
				"对中国的芯片出口管制 这是一个问题", "这是一个问题", "later");
		assertThat(new Passages(Duration.ZERO, 600).of(episode)).containsExactly("美国如何才能打破", "对中国的芯片出口管制", "这是一个问题",
				"later");
	}

	@Test
	void aPassageStopsBeforeItWouldExceedMaxChars() {
		List<StoredSegment> episode = List.of(segment(0, 0, "a".repeat(8)), segment(1, 1_000, "b".repeat(5)),
				segment(2, 2_000, "c"));
		assertThat(new Passages(Duration.ofSeconds(20), 12).of(episode)).containsExactly("a".repeat(8),
				"b".repeat(5) + " c", "c");
		// A segment's own text is always kept.
		assertThat(new Passages(Duration.ofSeconds(20), 3).of(episode).get(0)).isEqualTo("a".repeat(8));
	}

	private static StoredSegment segment(int index, long startMs, String text) {
		return new StoredSegment(100 + index, 1, "episode", null, "zh-Hans", index, startMs, startMs + 1_000, null,
				text);
	}

}
