package io.podlens.search;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.podlens.embedding.SegmentsEmbedded;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Rewriting documents with new embeddings can race an episode's delete (its segments read
 * just before the delete, written just after), so the episodes written are checked
 * against the database afterwards, as every other writer does.
 */
class VectorIndexEventsTests {

	private final IndexMaintenance search = mock(IndexMaintenance.class);

	private final DeletedEpisodes deleted = mock(DeletedEpisodes.class);

	@Test
	void theEpisodesRewrittenWithVectorsAreCheckedForDeletesAfterTheWrite() {
		given(this.search.reindexSegments(List.of(11L, 12L, 30L))).willReturn(Set.of(1L, 3L));
		new VectorIndexEvents(this.search, this.deleted).on(new SegmentsEmbedded(List.of(11L, 12L, 30L)));
		verify(this.deleted).dropDeleted(Set.of(1L, 3L));
	}

}
