package io.podlens.embedding;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.bulkimport.ForegroundWork;
import io.podlens.common.PodlensProperties;
import io.podlens.common.WorkClaims;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.SegmentSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the embedding feature when {@code podlens.embedding.enabled} (the default). The
 * model is loaded, and tried on a sentence, while the application starts: a missing or
 * broken model stops the start ({@link EmbeddingModelFailureAnalyzer}), it never fails a
 * search later. {@link EmbeddingProperties} is registered by the application's
 * {@code @ConfigurationPropertiesScan}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "podlens.embedding.enabled", matchIfMissing = true)
class EmbeddingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingConfiguration.class);

	/** Closed (AutoCloseable) after the beans that use it, the worker first. */
	@Bean
	SentenceEncoder sentenceEncoder(EmbeddingProperties properties, PodlensProperties podlens) {
		Path nativeDir = (properties.nativeDir() != null) ? properties.nativeDir()
				: podlens.dataDir().resolve("native");
		long started = System.nanoTime();
		SentenceEncoder encoder = SentenceEncoder.load(properties.model(), properties.modelDir(), nativeDir,
				properties.threads(), properties.maxTokens(), properties.queryInstruction());
		log.info("Embedding model {} loaded in {} ms ({} dimensions, native libraries in {})", properties.model().id(),
				(System.nanoTime() - started) / 1_000_000, encoder.dimensions(), nativeDir);
		return encoder;
	}

	@Bean
	EmbeddingStore embeddingStore(DataSource dataSource) {
		return new EmbeddingStore(dataSource);
	}

	@Bean
	SegmentEmbedder segmentEmbedder(SentenceEncoder encoder, EmbeddingStore store, SegmentSource source,
			EpisodeCatalog catalog, TransactionTemplate transactions, ApplicationEventPublisher events,
			EmbeddingProperties properties) {
		return new SegmentEmbedder(encoder, store, source, catalog, transactions, events, properties);
	}

	/** A servlet filter, registered by Spring Boot like any filter bean. */
	@Bean
	ForegroundRequests foregroundRequests() {
		return new ForegroundRequests();
	}

	@Bean
	EmbeddingWorker embeddingWorker(SegmentEmbedder embedder, ForegroundWork foreground, ForegroundRequests requests,
			EmbeddingProperties properties, WorkClaims claims) {
		return new EmbeddingWorker(embedder, foreground, requests, properties.quietAfter(), claims);
	}

	@Bean
	OnnxEmbeddings embeddings(SentenceEncoder encoder, EmbeddingStore store, SegmentSource source,
			EmbeddingWorker worker, EmbeddingProperties properties) {
		return new OnnxEmbeddings(encoder, store, source, worker, properties.queryCache());
	}

	@Bean
	EmbeddingEvents embeddingEvents(EmbeddingWorker worker, EmbeddingStore store, SegmentSource source,
			EpisodeCatalog episodes, EmbeddingProperties properties) {
		return new EmbeddingEvents(worker, store, source, episodes, properties.model().id());
	}

}
