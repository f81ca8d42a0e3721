package io.podlens.search;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over transcript segments. */
@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "Full-text search over transcript segments (Chinese and English)")
class SearchController {

	private final SegmentSearch search;

	private final ObjectWriter json;

	private final SearchMode defaultMode;

	SearchController(SegmentSearch search, JsonMapper json, SemanticSearchProperties semantic) {
		this.search = search;
		this.json = json.writerFor(SearchResult.class);
		this.defaultMode = semantic.defaultMode();
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Search segments",
			description = """
					Finds transcript segments matching a query. Words or a question without query syntax \
					rank segments: those with all the content words first, then those with most of them \
					(stopwords and question words such as how, do, 的, 哪裡 are not required; Chinese \
					written without spaces is split into words). A segment also matches through the \
					segments that follow it within 30 seconds (podlens.search.context-window): it is then a \
					hit with matchedBy=passage, pointing at where the passage starts, ranked below segments \
					that say the words themselves. Words and questions also search their equivalents in \
					the other language, weighted lower (cross-lingual expansion from the topic taxonomy and \
					a bilingual glossary: inference also finds 推理, Tencent 騰訊, 芯片 chip); such a hit is \
					matchedBy=exact (or passage) with the equivalent in matchedTerms. A query with syntax ("quoted phrases", AND / OR / NOT, \
					+word, -word, prefix*, parentheses) is boolean: every word without an operator is \
					required in the segment itself and nothing is expanded. Chinese is matched in Traditional and Simplified alike \
					and a Chinese word matches only where its characters are adjacent; English is \
					case-insensitive and plural-insensitive. Hits are ordered by relevance, then episode \
					id, then start time. Each hit carries the raw text and an HTML snippet (escaped, <mark> \
					around matches; for a passage the text followed by what matched after it). `total` is exact up to \
					podlens.search.exact-total-up-to matches (10,000) and always up to the requested page; \
					beyond that it is a lower bound and `totalExact` is false. \
					mode=semantic finds segments by meaning (the nearest embeddings, in any language: an \
					English question finds a Chinese answer), mode=hybrid fuses the keyword and the semantic \
					ranking by reciprocal rank; filters, topic and paging apply in every mode, and each hit \
					says how it matched (matchedBy, keywordRank, semanticRank, semanticScore). By default \
					(mode=auto) words and questions run hybrid, and a query with syntax, sounds-like or a \
					topic alone runs keyword; the answer's `mode` says which ran.""")
	@ApiResponse(responseCode = "200", description = "One page of hits",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = SearchResult.class)))
	@ApiResponse(responseCode = "400",
			description = "Missing or malformed query, bad filter (fromMs > toMs), unknown mode or paging out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	void search(@Parameter(description = """
			Query string: words or a question (ranked), or Lucene syntax (boolean); required \
			unless topic is given""", example = "多模態模型的訓練資料從哪裡來") @RequestParam(required = false) String q,
			@Parameter(description = "Only segments of this episode",
					example = "1") @RequestParam(required = false) Long episodeId,
			@Parameter(description = "Only segments of this podcast (exact name)",
					example = "科技浪") @RequestParam(required = false) String podcast,
			@Parameter(description = "Only segments ending at or after this time (ms)",
					example = "60000") @RequestParam(required = false) Long fromMs,
			@Parameter(description = "Only segments starting at or before this time (ms)",
					example = "300000") @RequestParam(required = false) Long toMs,
			@Parameter(description = """
					Also find misheard and homophone spellings (向量 finds 項量, Chameleon finds Camellian, \
					GPT-4o finds GBT-4O); such hits come after the exact ones and say matchedBy=sounds-like""",
					example = "true") @RequestParam(defaultValue = "false") boolean soundsLike,
			@Parameter(description = """
					Only segments that mention this topic (an id from GET /api/topics), however the \
					transcript spells it; q may then be empty""",
					example = "chameleon") @RequestParam(required = false) String topic,
			@Parameter(description = """
					Only segments of episodes in this language: a tag as stored (zh-Hant) or its primary \
					subtag (zh matches zh-Hant and zh-Hans)""",
					example = "zh") @RequestParam(required = false) String language,
			@Parameter(description = """
					keyword (the words of q), semantic (by meaning: the segments whose embedding is nearest \
					to q's; q is read as plain text, -word still excludes), hybrid (both rankings fused by \
					reciprocal rank) or auto (hybrid for words or a question when embeddings are on, keyword \
					for query syntax, soundsLike or a topic alone); default podlens.search.default-mode \
					(auto)""", schema = @Schema(allowableValues = { "auto", "keyword", "semantic", "hybrid" }),
					example = "hybrid") @RequestParam(required = false) String mode,
			@Parameter(description = "0-based page number", example = "0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Hits per page, 1 to 100",
					example = "20") @RequestParam(defaultValue = "20") int size,
			HttpServletResponse response) throws IOException {
		SearchMode requested = (mode == null || mode.isBlank()) ? this.defaultMode : SearchMode.parse(mode);
		SearchMode searchMode = (requested == SearchMode.AUTO)
				? requested.resolve(q, soundsLike, this.search.searchesByMeaning()) : requested;
		SearchResult result = this.search
			.search(new SearchQuery(q, episodeId, podcast, fromMs, toMs, page, size, soundsLike, topic, language,
					searchMode))
			.inMode(searchMode);
		// Written here rather than by the message converters: the mapping's produces has
		// already settled the media type, and negotiating it again per request cost more
		// than writing the page. One write with a Content-Length instead of chunks.
		byte[] body = this.json.writeValueAsBytes(result);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
