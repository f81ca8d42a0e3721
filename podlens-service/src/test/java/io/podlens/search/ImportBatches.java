package io.podlens.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.podlens.episode.StoredSegment;
import io.podlens.text.SharedData;

/**
 * The batches the index cost tools ({@link CommitCost}, {@link ReopenCost}) write: 50
 * episodes of 100 segments each, as one batch of a bulk import, with caption text from
 * {@code ../shared/corpus}.
 */
final class ImportBatches {

	private final List<String> lines = new ArrayList<>();

	ImportBatches() throws IOException {
		for (String line : SharedData.textLines("corpus/en", "corpus/zh")) {
			// Caption text only: no cue numbers, timings or blank lines.
			if (!line.isBlank() && !line.contains("-->") && !line.strip().matches("\\d+")) {
				this.lines.add(line.strip());
			}
		}
	}

	/** Batch {@code b} (0-based): episodes {@code 50b+1} to {@code 50b+50}. */
	List<StoredSegment> batch(long b) {
		List<StoredSegment> batch = new ArrayList<>();
		for (int e = 0; e < 50; e++) {
			long episode = b * 50 + e + 1;
			for (int i = 0; i < 100; i++) {
				long id = (episode - 1) * 100 + i + 1;
				batch.add(new StoredSegment(id, episode, "E" + episode, "P" + (episode % 10), "en", i, i * 4000L,
						i * 4000L + 3800, null, this.lines.get((int) ((id * 7) % this.lines.size()))));
			}
		}
		return batch;
	}

}
