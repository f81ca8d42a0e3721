package io.podlens.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

/** In-memory stand-in for the database, recording the batch sizes it handed out. */
class FakeSegmentSource implements SegmentSource {

	final List<StoredSegment> segments = new ArrayList<>();

	final List<Integer> batchSizes = new ArrayList<>();

	/** Runs after the first batch was handed out, to look at the index mid-rebuild. */
	Runnable afterFirstBatch = () -> {
	};

	@Override
	public long segmentCount() {
		return this.segments.size();
	}

	@Override
	public long maxSegmentId() {
		return this.segments.stream().mapToLong(StoredSegment::segmentId).max().orElse(0);
	}

	@Override
	public void forEachBatch(int batchSize, Consumer<List<StoredSegment>> batch) {
		// Episode order, as the database hands them over.
		List<StoredSegment> sorted = this.segments.stream()
			.sorted(Comparator.comparingLong(StoredSegment::episodeId).thenComparingInt(StoredSegment::index))
			.toList();
		for (int from = 0; from < sorted.size(); from += batchSize) {
			List<StoredSegment> chunk = sorted.subList(from, Math.min(sorted.size(), from + batchSize));
			this.batchSizes.add(chunk.size());
			batch.accept(chunk);
			if (from == 0) {
				this.afterFirstBatch.run();
			}
		}
	}

	@Override
	public List<StoredSegment> segmentsOf(long episodeId) {
		return this.segments.stream().filter((s) -> s.episodeId() == episodeId).toList();
	}

	@Override
	public List<StoredSegment> segmentsOf(Collection<Long> episodeIds) {
		return this.segments.stream()
			.filter((s) -> episodeIds.contains(s.episodeId()))
			.sorted(Comparator.comparingLong(StoredSegment::segmentId))
			.toList();
	}

	@Override
	public List<StoredSegment> segmentsById(Collection<Long> segmentIds) {
		return this.segments.stream()
			.filter((s) -> segmentIds.contains(s.segmentId()))
			.sorted(Comparator.comparingLong(StoredSegment::segmentId))
			.toList();
	}

	/** The episodes of the segments held, as the episode catalog of the database. */
	EpisodeCatalog catalog() {
		return new EpisodeCatalog() {

			@Override
			public boolean exists(long episodeId) {
				return FakeSegmentSource.this.segments.stream().anyMatch((s) -> s.episodeId() == episodeId);
			}

			@Override
			public List<Long> ids() {
				return FakeSegmentSource.this.segments.stream()
					.map(StoredSegment::episodeId)
					.distinct()
					.sorted()
					.toList();
			}

			@Override
			public List<EpisodeSummary> summaries(Collection<Long> episodeIds) {
				return ids().stream()
					.filter(episodeIds::contains)
					.map((id) -> new EpisodeSummary(id, "Episode " + id,
							OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), Instant.EPOCH))
					.toList();
			}

			@Override
			public boolean lockSegments(long episodeId) {
				return exists(episodeId);
			}

		};
	}

}
