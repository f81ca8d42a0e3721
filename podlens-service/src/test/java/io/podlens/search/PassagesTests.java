package io.podlens.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.podlens.episode.StoredSegment;

import static org.assertj.core.api.Assertions.assertThat;

class PassagesTests {

	@Test
	void contextIsWhatFollowsWithinTheWindowInTheSameEpisode() {
		List<StoredSegment> segments = List.of(segment(1, 1, 0, 0, 3_000), segment(2, 1, 1, 3_000, 20_000),
				segment(3, 1, 2, 20_000, 40_000), segment(4, 1, 3, 40_000, 41_000), segment(5, 2, 0, 41_000, 42_000));
		// Given in another order: passages come in episode and transcript order.
		List<Passages.Passage> passages = Passages
			.of(List.of(segments.get(3), segments.get(0), segments.get(4), segments.get(2), segments.get(1)), 30_000);
		assertThat(passages).extracting((p) -> p.segment().segmentId()).containsExactly(1L, 2L, 3L, 4L, 5L);
		// Segment 1 ends at 3 s: 2 (3 s) and 3 (20 s) start within 30 s of that, 4 (40 s)
		// does not; the other episode never counts.
		assertThat(ids(passages.get(0))).containsExactly(2L, 3L);
		assertThat(ids(passages.get(1))).containsExactly(3L, 4L);
		assertThat(ids(passages.get(3))).isEmpty();
		assertThat(ids(passages.get(4))).isEmpty();
		assertThat(Passages.of(segments, 0)).allSatisfy((p) -> assertThat(p.following()).isEmpty());
	}

	@Test
	void veryShortSegmentsHaveABoundedContext() {
		List<StoredSegment> segments = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			segments.add(segment(i + 1, 1, i, i * 500L, i * 500L + 500));
		}
		assertThat(Passages.of(segments, 30_000).get(0).following()).hasSize(Passages.MAX_FOLLOWING);
	}

	@Test
	void aStreamInBatchesGivesThePassagesOfTheWholeAndCarriesTopics() {
		Random random = new Random(11);
		List<StoredSegment> segments = new ArrayList<>();
		long id = 1;
		for (int episode = 1; episode <= 30; episode++) {
			long at = 0;
			int count = 1 + random.nextInt(40);
			for (int i = 0; i < count; i++) {
				long length = 200 + random.nextInt(20_000);
				segments.add(segment(id++, episode, i, at, at + length));
				at += length + random.nextInt(5_000);
			}
		}
		List<Passages.Passage> whole = Passages.of(segments, 30_000);
		for (int batchSize : List.of(1, 2, 7, 50, 10_000)) {
			Passages.Stream stream = new Passages.Stream(30_000);
			List<Passages.Passage> streamed = new ArrayList<>();
			for (int from = 0; from < segments.size(); from += batchSize) {
				List<StoredSegment> batch = segments.subList(from, Math.min(segments.size(), from + batchSize));
				Passages.Ready ready = stream.accept(batch, topicsOf(batch));
				streamed.addAll(ready.passages());
				ready.passages()
					.forEach((p) -> assertThat(ready.topics().of(p.segment().segmentId()))
						.containsEntry("t" + p.segment().segmentId(), 1));
			}
			Passages.Ready rest = stream.finish();
			streamed.addAll(rest.passages());
			rest.passages()
				.forEach((p) -> assertThat(rest.topics().of(p.segment().segmentId()))
					.containsEntry("t" + p.segment().segmentId(), 1));
			assertThat(streamed).as("batches of %d", batchSize).isEqualTo(whole);
		}
	}

	private static SegmentTopics topicsOf(List<StoredSegment> batch) {
		Map<Long, Map<String, Integer>> counts = new java.util.HashMap<>();
		batch.forEach((s) -> counts.put(s.segmentId(), Map.of("t" + s.segmentId(), 1)));
		return new SegmentTopics(counts);
	}

	private static List<Long> ids(Passages.Passage passage) {
		return passage.following().stream().map(StoredSegment::segmentId).toList();
	}

	private static StoredSegment segment(long id, long episodeId, int index, long startMs, long endMs) {
		return new StoredSegment(id, episodeId, "E", null, "en", index, startMs, endMs, null, "text " + id);
	}

}
