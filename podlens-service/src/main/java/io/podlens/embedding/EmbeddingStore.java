package io.podlens.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedding tables (Flyway {@code V6}): vectors by passage hash, and which segment
 * has which. Plain SQL: rows are written in batches and read by thousands (rebuilds,
 * rewrites), where entities would cost more than the query.
 */
class EmbeddingStore {

	/** Longest IN list per statement. */
	static final int IN_CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	EmbeddingStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.batch = new JdbcTemplate(dataSource);
	}

	/** Those of the segments that have a vector of {@code model}. */
	List<Long> embedded(String model, Collection<Long> segmentIds) {
		List<Long> found = new ArrayList<>();
		for (List<Long> part : chunks(segmentIds)) {
			found.addAll(this.jdbc
				.sql("select segment_id from segment_embedding where model = :model and segment_id in (:ids)")
				.param("model", model)
				.param("ids", part)
				.query(Long.class)
				.list());
		}
		return found;
	}

	/** The stored vectors of those of the hashes that {@code model} has embedded. */
	Map<String, float[]> cached(String model, Collection<String> hashes) {
		Map<String, float[]> found = new HashMap<>();
		for (List<String> part : chunks(hashes)) {
			this.jdbc
				.sql("select text_hash, vector from text_embedding where model = :model and text_hash in (:hashes)")
				.param("model", model)
				.param("hashes", part)
				.query((rs) -> {
					found.put(rs.getString(1), decode(rs.getBytes(2)));
				});
		}
		return found;
	}

	/** The vectors of those of the segments that {@code model} has embedded. */
	Map<Long, float[]> vectorsOf(String model, Collection<Long> segmentIds) {
		Map<Long, float[]> found = new HashMap<>();
		for (List<Long> part : chunks(segmentIds)) {
			this.jdbc.sql("""
					select s.segment_id, t.vector from segment_embedding s
					join text_embedding t on t.model = s.model and t.text_hash = s.text_hash
					where s.model = :model and s.segment_id in (:ids)""")
				.param("model", model)
				.param("ids", part)
				.query((rs) -> {
					found.put(rs.getLong(1), decode(rs.getBytes(2)));
				});
		}
		return found;
	}

	/**
	 * Stores new vectors and points segments at theirs (replacing a vector of another
	 * model). Runs in the caller's transaction.
	 * @param vectors vectors by hash not stored yet
	 * @param segments hash of each segment's passage
	 */
	void store(String model, Map<String, float[]> vectors, Map<Long, String> segments) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> texts = new ArrayList<>();
		vectors.forEach((hash, vector) -> texts.add(new Object[] { model, hash, encode(vector), now, model, hash }));
		// A vector another run stored since it was looked up is kept.
		this.batch.batchUpdate("""
				insert into text_embedding (model, text_hash, vector, created_at) select ?, ?, ?, ?
				where not exists (select 1 from text_embedding where model = ? and text_hash = ?)""", texts);
		for (List<Long> part : chunks(segments.keySet())) {
			this.jdbc.sql("delete from segment_embedding where segment_id in (:ids)").param("ids", part).update();
		}
		List<Object[]> rows = new ArrayList<>();
		segments.forEach((segmentId, hash) -> rows.add(new Object[] { segmentId, model, hash }));
		this.batch.batchUpdate("insert into segment_embedding (segment_id, model, text_hash) values (?, ?, ?)", rows);
	}

	long embeddedCount(String model) {
		return this.jdbc.sql("select count(*) from segment_embedding where model = :model")
			.param("model", model)
			.query(Long.class)
			.single();
	}

	long distinctTexts(String model) {
		return this.jdbc.sql("select count(*) from text_embedding where model = :model")
			.param("model", model)
			.query(Long.class)
			.single();
	}

	static byte[] encode(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(vector);
		return bytes.array();
	}

	static float[] decode(byte[] bytes) {
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
		return vector;
	}

	private static <T> List<List<T>> chunks(Collection<T> values) {
		List<T> all = List.copyOf(values);
		List<List<T>> parts = new ArrayList<>();
		for (int from = 0; from < all.size(); from += IN_CHUNK) {
			parts.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
		}
		return parts;
	}

}
