package io.podlens.episode;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event publication registry stores events as JSON: a publication written before
 * {@code bulk} existed must still read (as a single import, indexed at once).
 */
class EpisodesStoredTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aPublicationWithoutTheBulkFlagReadsAsASingleImport() {
		EpisodesStored event = this.json.readValue("{\"episodeIds\":[3,1]}", EpisodesStored.class);
		assertThat(event.episodeIds()).containsExactly(3L, 1L);
		assertThat(event.bulk()).isFalse();
	}

	@Test
	void theBulkFlagSurvivesTheRoundTrip() {
		EpisodesStored bulk = new EpisodesStored(List.of(7L, 8L), true);
		assertThat(this.json.readValue(this.json.writeValueAsString(bulk), EpisodesStored.class)).isEqualTo(bulk);
		assertThat(EpisodesStored.of(5).bulk()).isFalse();
	}

}
