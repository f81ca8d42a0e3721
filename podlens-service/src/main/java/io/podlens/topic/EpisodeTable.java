package io.podlens.topic;

import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import io.podlens.episode.EpisodeCatalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of which episodes topic extraction has finished ({@code topic_analysis}),
 * and the episode ids for the worker (from the episode feature's {@link EpisodeCatalog}).
 */
@Component
class EpisodeTable {

	private final JdbcClient jdbc;

	private final EpisodeCatalog episodes;

	EpisodeTable(DataSource dataSource, EpisodeCatalog episodes) {
		this.jdbc = JdbcClient.create(dataSource);
		this.episodes = episodes;
	}

	/** Records that the episode's mentions are stored (none found counts too). */
	void markAnalysed(long episodeId) {
		this.jdbc.sql("delete from topic_analysis where episode_id = ?").param(episodeId).update();
		this.jdbc.sql("insert into topic_analysis (episode_id, analysed_at) values (?, ?)")
			.param(episodeId)
			.param(OffsetDateTime.now())
			.update();
	}

	/** Episodes topic extraction has never finished, oldest first. */
	List<Long> unanalysedIds() {
		return this.jdbc
			.sql("select e.id from episode e where not exists "
					+ "(select 1 from topic_analysis a where a.episode_id = e.id) order by e.id")
			.query(Long.class)
			.list();
	}

	/** Every episode id, oldest first. */
	List<Long> ids() {
		return this.episodes.ids();
	}

}
