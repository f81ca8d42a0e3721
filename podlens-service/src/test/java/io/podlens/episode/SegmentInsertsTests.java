package io.podlens.episode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.podlens.transcript.TranscriptSegment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segments written with JDBC take their ids from the same allocator as segments saved
 * through JPA, starting on a fresh database (the pooled optimizer's first block is the
 * special case), and read back exactly as written.
 */
@Tag("integration")
@DataJpaTest
@Import(SegmentInserts.class)
class SegmentInsertsTests {

	@Autowired
	private EpisodeRepository episodes;

	@Autowired
	private SegmentRepository segments;

	@Autowired
	private SegmentInserts inserts;

	@Test
	void jdbcAndJpaNeverHandOutTheSameIdAndRowsReadBackAsWritten() {
		List<Long> ids = new ArrayList<>();
		Episode first = this.episodes.saveAndFlush(episode("a"));
		List<Segment> written = this.inserts.insert(first, transcript(120));
		written.forEach((row) -> ids.add(row.getId()));
		Episode second = this.episodes.saveAndFlush(episode("b"));
		List<Segment> saved = this.segments.saveAll(IntStream.range(0, 70)
			.mapToObj((i) -> new Segment(second, i, i * 1000L, i * 1000L + 900, null, "jpa " + i))
			.toList());
		this.segments.flush();
		saved.forEach((row) -> ids.add(row.getId()));
		Episode third = this.episodes.saveAndFlush(episode("c"));
		this.inserts.insert(third, transcript(30)).forEach((row) -> ids.add(row.getId()));

		Set<Long> distinct = new HashSet<>(ids);
		assertThat(distinct).hasSize(220);
		assertThat(ids).allSatisfy((id) -> assertThat(id).isPositive());
		List<Segment> read = this.segments.findByEpisodeIdOrderByIndex(first.getId());
		assertThat(read).extracting(Segment::getId)
			.containsExactlyElementsOf(written.stream().map(Segment::getId).toList());
		Segment last = read.get(119);
		assertThat(last.getIndex()).isEqualTo(119);
		assertThat(last.getStartMs()).isEqualTo(119_000);
		assertThat(last.getEndMs()).isEqualTo(119_500);
		assertThat(last.getText()).isEqualTo("第 119 段 text");
		assertThat(read.get(0).getSpeaker()).isEqualTo("Ann");
		assertThat(read.get(1).getSpeaker()).isNull();
		assertThat(this.segments.maxId()).isEqualTo(ids.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	private static List<TranscriptSegment> transcript(int size) {
		return IntStream.range(0, size)
			.mapToObj((i) -> new TranscriptSegment(i * 1000L, i * 1000L + 500, (i % 2 == 0) ? "Ann" : null,
					"第 " + i + " 段 text"))
			.toList();
	}

	private static Episode episode(String externalId) {
		return new Episode("Title " + externalId, "P", externalId, "en", null, 9000, 2, Instant.now());
	}

}
