package io.podlens.episode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads whole episodes' segments with plain SQL, straight into {@link StoredSegment}s:
 * these reads sit on the import path (every stored batch is read back for the index) and
 * on topic extraction, where building and discarding thousands of entities cost more than
 * the query.
 */
@Component
class SegmentReads {

	private static final String SELECT = """
			select s.id, s.episode_id, e.title, e.podcast, e.language, s.idx, s.start_ms, s.end_ms, s.speaker, s.text
			from segment s join episode e on e.id = s.episode_id
			""";

	private final JdbcClient jdbc;

	SegmentReads(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The segments of the episodes in id order; none for episodes that are gone. */
	List<StoredSegment> ofEpisodes(Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + "where s.episode_id in (:ids) order by s.id")
			.param("ids", List.copyOf(episodeIds))
			.query(SegmentReads::row)
			.list();
	}

	/** The segments with these ids in id order, in reads of at most 1000 ids. */
	List<StoredSegment> byIds(Collection<Long> segmentIds) {
		List<Long> ids = segmentIds.stream().sorted().distinct().toList();
		List<StoredSegment> found = new java.util.ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += 1000) {
			found.addAll(this.jdbc.sql(SELECT + "where s.id in (:ids) order by s.id")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query(SegmentReads::row)
				.list());
		}
		return found;
	}

	/** The segments of one episode in transcript order; none when it is gone. */
	List<StoredSegment> ofEpisode(long episodeId) {
		return this.jdbc.sql(SELECT + "where s.episode_id = :id order by s.idx")
			.param("id", episodeId)
			.query(SegmentReads::row)
			.list();
	}

	private static StoredSegment row(ResultSet rs, int row) throws SQLException {
		return new StoredSegment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10));
	}

}
