package io.podlens.episode;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.podlens.transcript.TranscriptSegment;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes an episode's segments with plain JDBC batches, in the caller's transaction.
 * Hibernate would build, track and sort an entity per segment to issue the same inserts;
 * that was half the database time of an import.
 * <p>
 * Ids come from the generator Hibernate built for {@link Segment} (the pooled optimizer
 * over {@code segment_seq}, 50 ids per sequence call), not from the sequence directly: a
 * pooled block is the 50 ids ending at the value read, except that the first value read
 * opens the block starting at 1, so ids derived here from the sequence could meet ids
 * Hibernate hands out. With one allocator for both, no id is handed out twice, on any
 * database.
 */
@Component
class SegmentInserts {

	private static final String INSERT = "insert into segment (id, episode_id, idx, start_ms, end_ms, speaker, text) "
			+ "values (?, ?, ?, ?, ?, ?, ?)";

	/** Rows per JDBC batch, as hibernate.jdbc.batch_size was. */
	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final BeforeExecutionGenerator ids;

	SegmentInserts(DataSource dataSource, EntityManager entityManager, EntityManagerFactory entityManagerFactory) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.entityManager = entityManager;
		this.ids = (BeforeExecutionGenerator) entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(Segment.class)
			.getGenerator();
	}

	/**
	 * Inserts the transcript as the segments of a stored (flushed) episode.
	 * @return the rows written, with their ids, in transcript order
	 */
	List<Segment> insert(Episode episode, List<TranscriptSegment> transcript) {
		SharedSessionContractImplementor session = this.entityManager.unwrap(SharedSessionContractImplementor.class);
		List<Segment> rows = new ArrayList<>(transcript.size());
		for (int i = 0; i < transcript.size(); i++) {
			TranscriptSegment part = transcript.get(i);
			long id = ((Number) this.ids.generate(session, null, null, EventType.INSERT)).longValue();
			rows.add(new Segment(id, episode, i, part.startMs(), part.endMs(), part.speaker(), part.text()));
		}
		long episodeId = episode.getId();
		this.jdbc.batchUpdate(INSERT, rows, BATCH, (statement, row) -> {
			statement.setLong(1, row.getId());
			statement.setLong(2, episodeId);
			statement.setInt(3, row.getIndex());
			statement.setLong(4, row.getStartMs());
			statement.setLong(5, row.getEndMs());
			statement.setString(6, row.getSpeaker());
			statement.setString(7, row.getText());
		});
		return rows;
	}

}
