package io.podlens.episode;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SegmentSource} over the database: keyset-paged batches for rebuilds, whole
 * episodes with plain SQL ({@link SegmentReads}) for the import path and topic
 * extraction.
 */
@Component
class JpaSegmentSource implements SegmentSource {

	private final SegmentRepository segments;

	private final SegmentReads reads;

	private final TransactionTemplate readOnly;

	JpaSegmentSource(SegmentRepository segments, SegmentReads reads, TransactionTemplate transactions) {
		this.segments = segments;
		this.reads = reads;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	@Override
	public long segmentCount() {
		return this.segments.count();
	}

	@Override
	public long maxSegmentId() {
		return this.segments.maxId();
	}

	@Override
	public void forEachBatch(int batchSize, Consumer<List<StoredSegment>> batch) {
		long afterEpisode = 0;
		int afterIndex = -1;
		while (true) {
			long episode = afterEpisode;
			int index = afterIndex;
			// One short transaction per batch, so a rebuild never pins a huge persistence
			// context.
			List<StoredSegment> page = this.readOnly
				.execute((status) -> this.segments.findBatchAfter(episode, index, PageRequest.ofSize(batchSize))
					.stream()
					.map((segment) -> StoredSegments.of(segment.getEpisode(), segment))
					.toList());
			if (page == null || page.isEmpty()) {
				return;
			}
			batch.accept(page);
			StoredSegment last = page.get(page.size() - 1);
			afterEpisode = last.episodeId();
			afterIndex = last.index();
		}
	}

	@Override
	public List<StoredSegment> segmentsOf(long episodeId) {
		return this.reads.ofEpisode(episodeId);
	}

	@Override
	public List<StoredSegment> segmentsOf(Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return List.of();
		}
		return this.reads.ofEpisodes(episodeIds);
	}

	@Override
	public List<StoredSegment> segmentsById(Collection<Long> segmentIds) {
		if (segmentIds.isEmpty()) {
			return List.of();
		}
		return this.reads.byIds(segmentIds);
	}

}
