package io.podlens.embedding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Progress of the background embedding (present only when embeddings are enabled). */
@RestController
@ConditionalOnBooleanProperty(name = "podlens.embedding.enabled", matchIfMissing = true)
@RequestMapping(path = "/api/admin/embeddings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Index administration", description = "State and rebuild of the search index")
class EmbeddingController {

	private final Embeddings embeddings;

	EmbeddingController(Embeddings embeddings) {
		this.embeddings = embeddings;
	}

	@GetMapping
	@Operation(summary = "Embedding progress", description = """
			How far the background embedding of stored segments is: segments stored, those with a \
			vector of the current model, those still pending, episodes queued. Imports never wait \
			for embeddings; until a segment has its vector it is found by keyword search only (also \
			in hybrid mode). A restart resumes where the worker stopped.""")
	@ApiResponse(responseCode = "200", description = "Progress of the current model")
	EmbeddingProgress progress() {
		return this.embeddings.progress();
	}

}
