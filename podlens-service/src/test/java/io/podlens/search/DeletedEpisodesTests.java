package io.podlens.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * After a write, the documents of the written episodes that are gone from the database
 * are deleted, and only those.
 */
class DeletedEpisodesTests {

	private final EpisodeCatalog catalog = mock(EpisodeCatalog.class);

	private final SegmentSearch search = mock(SegmentSearch.class);

	private final DeletedEpisodes deleted = new DeletedEpisodes(this.catalog, this.search);

	@Test
	void deletesTheDocumentsOfEpisodesDeletedSinceTheWrite() {
		given(this.catalog.summaries(anyCollection())).willReturn(List.of(summary(1), summary(3)));
		this.deleted.dropDeleted(List.of(1L, 2L, 3L));
		verify(this.search).deleteEpisode(2L);
		verify(this.search, never()).deleteEpisode(1L);
		verify(this.search, never()).deleteEpisode(3L);
	}

	@Test
	void leavesEpisodesThatStillExist() {
		given(this.catalog.summaries(anyCollection())).willReturn(List.of(summary(5)));
		this.deleted.dropDeleted(List.of(5L));
		verify(this.search, never()).deleteEpisode(anyLong());
	}

	@Test
	void asksNothingForAnEmptyWrite() {
		this.deleted.dropDeleted(List.of());
		verify(this.catalog, never()).summaries(anyCollection());
	}

	private static EpisodeSummary summary(long id) {
		return new EpisodeSummary(id, "Episode " + id, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
				Instant.EPOCH);
	}

}
