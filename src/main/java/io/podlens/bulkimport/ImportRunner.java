package io.podlens.bulkimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.common.PodlensException;
import io.podlens.episode.EpisodeImports;
import io.podlens.episode.NewEpisodeRequest;
import io.podlens.episode.ValidatedEpisode;

import org.springframework.stereotype.Component;

/**
 * Works through a spooled NDJSON file: each line is parsed and validated on its own,
 * valid episodes are stored in batches (one transaction and one index commit each). When
 * a batch fails, its episodes are stored one by one so that only the culprit fails.
 */
@Component
class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final EpisodeImports episodes;

	private final JsonMapper json;

	private final ImportProperties properties;

	ImportRunner(EpisodeImports episodes, JsonMapper json, ImportProperties properties) {
		this.episodes = episodes;
		this.json = json;
		this.properties = properties;
	}

	void run(ImportJob job) {
		Batch batch = new Batch();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(job.file()), 1 << 16)) {
			NdjsonLines.Reader lines = new NdjsonLines.Reader(in, this.properties.maxLineBytes());
			while (lines.next()) {
				if (lines.blank()) {
					continue;
				}
				ValidatedEpisode episode = read(job, lines);
				if (episode == null) {
					continue;
				}
				batch.add(lines.number(), episode);
				if (batch.segments >= this.properties.batchSegments()
						|| batch.size() >= this.properties.batchEpisodes()) {
					store(job, batch);
					batch = new Batch();
				}
			}
			store(job, batch);
			job.finish();
		}
		catch (IOException | RuntimeException ex) {
			log.error("Import {} broke off", job.id(), ex);
			job.abort("the import broke off: " + ex.getMessage());
		}
	}

	/** The line as a validated episode, or null after recording why it is not one. */
	private ValidatedEpisode read(ImportJob job, NdjsonLines.Reader lines) {
		long number = lines.number();
		if (lines.tooLong()) {
			job.failed(new ImportError(number, "the line is longer than " + this.properties.maxLineBytes()
					+ " bytes (podlens.import.max-line-bytes)", null, null));
			return null;
		}
		NewEpisodeRequest request;
		try {
			request = this.json.readValue(lines.bytes(), NewEpisodeRequest.class);
		}
		catch (JacksonException ex) {
			job.failed(new ImportError(number, "not a JSON episode object: " + ex.getOriginalMessage(), fieldOf(ex),
					null));
			return null;
		}
		try {
			return this.episodes.validate(request);
		}
		catch (PodlensException ex) {
			job.failed(error(number, ex));
			return null;
		}
	}

	private void store(ImportJob job, Batch batch) {
		if (batch.size() == 0) {
			return;
		}
		try {
			this.episodes.storeAll(batch.episodes);
			job.stored(batch.size(), batch.segments);
			return;
		}
		catch (RuntimeException ex) {
			log.debug("Batch of {} episodes failed, storing them one by one", batch.size(), ex);
		}
		for (int i = 0; i < batch.size(); i++) {
			ValidatedEpisode episode = batch.episodes.get(i);
			try {
				this.episodes.storeAll(List.of(episode));
				job.stored(1, episode.segmentCount());
			}
			catch (PodlensException ex) {
				job.failed(error(batch.lines.get(i), ex));
			}
			catch (RuntimeException ex) {
				log.warn("Import {} line {} failed", job.id(), batch.lines.get(i), ex);
				job.failed(new ImportError(batch.lines.get(i), "could not be stored: " + ex.getClass().getSimpleName(),
						null, null));
			}
		}
	}

	private static ImportError error(long line, PodlensException ex) {
		Object field = ex.properties().get("field");
		Object transcriptLine = ex.properties().get("line");
		return new ImportError(line, ex.getMessage(), (field != null) ? field.toString() : null,
				(transcriptLine instanceof Integer n) ? n : null);
	}

	/** The JSON path of a type or format mismatch, such as {@code publishedAt}. */
	private static String fieldOf(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse(null);
		return path;
	}

	private static final class Batch {

		private final List<ValidatedEpisode> episodes = new ArrayList<>();

		private final List<Long> lines = new ArrayList<>();

		private long segments;

		void add(long line, ValidatedEpisode episode) {
			this.episodes.add(episode);
			this.lines.add(line);
			this.segments += episode.segmentCount();
		}

		int size() {
			return this.episodes.size();
		}

	}

}
