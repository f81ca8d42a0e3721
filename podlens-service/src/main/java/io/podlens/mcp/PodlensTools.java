package io.podlens.mcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.podlens.analysis.Chapter;
import io.podlens.analysis.ChaptersDocument;
import io.podlens.analysis.EpisodeAnalyzer;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.Paged;
import io.podlens.common.PodlensException;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.search.SearchHit;
import io.podlens.search.SearchMode;
import io.podlens.search.SearchQuery;
import io.podlens.search.SearchResult;
import io.podlens.search.SegmentSearch;
import io.podlens.topic.EpisodeTopic;
import io.podlens.topic.EpisodeTopics;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import io.podlens.topic.TopicDirectory;
import io.podlens.topic.TopicStatus;
import io.podlens.topic.TopicLookup;
import io.podlens.topic.TopicMention;
import io.podlens.topic.TopicTrend;
import io.podlens.topic.TopicTrends;
import io.podlens.topic.TopicView;
import io.podlens.topic.TrendInterval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The read-only tools. Each answers short plain text an assistant can quote, every place
 * in an episode as {@code [mm:ss] Episode title}. A bad argument, an unknown topic or
 * episode, or any failure is answered as a tool error (a result with {@code isError}),
 * never as a protocol error, so the assistant can read it and correct the call.
 */
@Component
class PodlensTools {

	static final String VERSION = Optional.ofNullable(PodlensTools.class.getPackage().getImplementationVersion())
		.orElse("dev");

	static final int MAX_SEARCH_RESULTS = 20;

	static final int MAX_MENTIONS = 50;

	static final int MAX_TOPICS = 200;

	/** Topics an episode answer lists before it says how many more there are. */
	static final int EPISODE_TOPICS = 25;

	private static final Logger log = LoggerFactory.getLogger(PodlensTools.class);

	private final SegmentSearch search;

	private final TopicLookup lookup;

	private final TopicDirectory topics;

	private final TopicTrends trends;

	private final EpisodeCatalog episodes;

	private final SegmentSource segments;

	private final EpisodeAnalyzer analyzer;

	PodlensTools(SegmentSearch search, TopicLookup lookup, TopicDirectory topics, TopicTrends trends,
			EpisodeCatalog episodes, SegmentSource segments, EpisodeAnalyzer analyzer) {
		this.search = search;
		this.lookup = lookup;
		this.topics = topics;
		this.trends = trends;
		this.episodes = episodes;
		this.segments = segments;
		this.analyzer = analyzer;
	}

	List<McpServerFeatures.SyncToolSpecification> specifications() {
		return List.of(tool("search_segments",
				"Full-text search over all transcript segments (Chinese and English; Traditional and Simplified "
						+ "find each other). Answers the best segments as [time] Episode title: snippet, matches in **.",
				"""
						{"type":"object","properties":{
						 "query":{"type":"string","description":"Words, a \\"phrase\\", or the search syntax (AND, OR, -word)"},
						 "mode":{"type":"string","enum":["keyword","semantic","hybrid"],"description":"keyword (default): by the words; semantic: by meaning; hybrid: both"},
						 "soundsLike":{"type":"boolean","description":"Also match misheard and homophone spellings (keyword mode)"},
						 "topic":{"type":"string","description":"Only segments that mention this topic id"},
						 "podcast":{"type":"string","description":"Only this podcast (exact name)"},
						 "language":{"type":"string","description":"Only episodes in this language, e.g. zh, zh-Hant, en"},
						 "episodeId":{"type":"integer","description":"Only this episode"},
						 "limit":{"type":"integer","minimum":1,"maximum":20,"description":"Segments to answer, default 10"}},
						 "required":["query"]}""",
				this::searchSegments),
				tool("find_mentions",
						"Where a topic (a model, company, person, product or concept) is mentioned across episodes, "
								+ "newest episodes first, with the words around each mention.",
						"""
								{"type":"object","properties":{
								 "topic":{"type":"string","description":"Topic id (from list_topics) or a name or alias, e.g. gpt-4o or GPT-4o"},
								 "page":{"type":"integer","minimum":0,"description":"0-based page, default 0"},
								 "limit":{"type":"integer","minimum":1,"maximum":50,"description":"Mentions per page, default 20"}},
								 "required":["topic"]}""",
						this::findMentions),
				tool("get_episode",
						"An episode: title, podcast, language, dates, duration, its chapters with start times and the "
								+ "topics it mentions most, with where they first come up.",
						"""
								{"type":"object","properties":{
								 "episodeId":{"type":"integer","description":"Episode id, as search_segments and find_mentions give it"}},
								 "required":["episodeId"]}""",
						this::getEpisode),
				tool("list_topics",
						"Topics of the taxonomy with how often stored episodes mention them, most mentioned first. "
								+ "Use it to find the id to pass to find_mentions, topic_trend or search_segments.",
						"""
								{"type":"object","properties":{
								 "query":{"type":"string","description":"Part of an id, name, alias or Chinese name (any case or script)"},
								 "category":{"type":"string","enum":["model","organization","person","product","concept","theme"]},
								 "mentionedOnly":{"type":"boolean","description":"Only topics with at least one mention, default false"},
								 "includeChildren":{"type":"boolean","description":"Count the mentions of the topics below each topic too, default false"},
								 "limit":{"type":"integer","minimum":1,"maximum":200,"description":"Topics to answer, default 50"}}}""",
						this::listTopics),
				tool("topic_trend",
						"How often a topic was mentioned per day, week or month (UTC), by the episodes' publication "
								+ "dates (episodes without one by their import time), counting the topics below it.",
						"""
								{"type":"object","properties":{
								 "topic":{"type":"string","description":"Topic id or a name or alias"},
								 "interval":{"type":"string","enum":["day","week","month"],"description":"Default week"},
								 "from":{"type":"string","description":"Start, a date (2025-01-01) or an instant with offset; default 26 weeks, 30 days or 12 months back"},
								 "to":{"type":"string","description":"End (exclusive), a date or an instant; default now"},
								 "includeChildren":{"type":"boolean","description":"Count the topics below it too, default true"}},
								 "required":["topic"]}""",
						this::topicTrend));
	}

	String searchSegments(ToolArguments args) {
		String query = args.requiredText("query");
		String mode = args.text("mode");
		Long episodeId = args.longValue("episodeId");
		int limit = args.intValue("limit", 10, 1, MAX_SEARCH_RESULTS);
		SearchQuery search = new SearchQuery(query, episodeId, args.text("podcast"), null, null, 0, limit,
				args.flag("soundsLike", false), args.text("topic"), args.text("language"),
				(mode != null) ? SearchMode.parse(mode) : SearchMode.KEYWORD);
		SearchResult result = this.search.search(search);
		if (result.hits().isEmpty()) {
			return "No segment matches \"" + query + "\".";
		}
		StringBuilder out = new StringBuilder();
		out.append(result.totalExact() ? "" : "At least ")
			.append(Cite.plural(result.total(), "segment matches", "segments match"))
			.append(" \"")
			.append(query)
			.append("\"")
			.append((result.total() > result.hits().size()) ? "; the best " + result.hits().size() : "")
			.append(":\n");
		for (SearchHit hit : result.hits()) {
			out.append(Cite.time(hit.startMs()))
				.append(' ')
				.append(hit.episodeTitle())
				.append(" (episode ")
				.append(hit.episodeId())
				.append(", segment ")
				.append(hit.segmentIndex())
				.append((hit.speaker() != null) ? ", " + hit.speaker() : "")
				.append("): ")
				.append(Cite.abbreviate(Cite.snippet(hit.snippet()), 400))
				.append('\n');
		}
		return out.toString().stripTrailing();
	}

	String findMentions(ToolArguments args) {
		Topic topic = topic(args.requiredText("topic"));
		int page = args.intValue("page", 0, 0, 10_000);
		int limit = args.intValue("limit", 20, 1, MAX_MENTIONS);
		Paged<TopicMention> found = this.topics.mentions(topic.id(), page, limit);
		String name = topic.name() + " (" + topic.id() + ")";
		if (found.items().isEmpty()) {
			return (found.total() == 0) ? "No stored episode mentions " + name + "." : name + " has "
					+ Cite.plural(found.total(), "mention", "mentions") + "; page " + page + " is past the last.";
		}
		Set<Long> episodeIds = new LinkedHashSet<>();
		found.items().forEach((m) -> episodeIds.add(m.episodeId()));
		Map<String, String> texts = new HashMap<>();
		for (StoredSegment segment : this.segments.segmentsOf(episodeIds)) {
			texts.put(segment.episodeId() + "/" + segment.index(), segment.text());
		}
		long first = (long) page * limit + 1;
		StringBuilder out = new StringBuilder();
		out.append(name)
			.append(": ")
			.append(Cite.plural(found.total(), "mention", "mentions"))
			.append(", newest episodes first; ")
			.append(first)
			.append('-')
			.append(first + found.items().size() - 1)
			.append(":\n");
		for (TopicMention mention : found.items()) {
			String text = texts.get(mention.episodeId() + "/" + mention.segmentIndex());
			out.append(Cite.time(mention.startMs()))
				.append(' ')
				.append(mention.episodeTitle())
				.append(" (episode ")
				.append(mention.episodeId())
				.append(", ")
				.append(Cite.date(mention.publishedAt()))
				.append("): ")
				.append((text != null) ? Cite.around(text, mention.surface(), 80) : "**" + mention.surface() + "**")
				.append(" [")
				.append(mention.matchedBy().json())
				.append("]\n");
		}
		if (found.total() > first + found.items().size() - 1) {
			out.append("More: page ").append(page + 1).append('.');
		}
		return out.toString().stripTrailing();
	}

	String getEpisode(ToolArguments args) {
		long id = args.requiredLong("episodeId");
		List<StoredSegment> stored = this.segments.segmentsOf(id);
		EpisodeSummary summary = this.episodes.summaries(List.of(id)).stream().findFirst().orElse(null);
		if (stored.isEmpty() || summary == null) {
			throw new NotFoundException("Episode", id);
		}
		StoredSegment first = stored.get(0);
		ChaptersDocument chapters = this.analyzer.chapters(id);
		EpisodeTopics analysed = this.topics.episodeTopics(id);
		List<EpisodeTopic> mentioned = analysed.topics();
		StringBuilder out = new StringBuilder();
		out.append("Episode ").append(id).append(": ").append(summary.title()).append('\n');
		out.append((first.podcast() != null) ? "Podcast: " + first.podcast() + "\n" : "");
		out.append("Language: ").append(first.language()).append('\n');
		out.append("Published: ")
			.append((summary.publishedAt() != null) ? summary.publishedAt().toInstant().toString()
					: "unknown (imported " + summary.createdAt() + ")")
			.append('\n');
		out.append("Duration: ")
			.append(Cite.duration(stored.get(stored.size() - 1).endMs()))
			.append(", ")
			.append(Cite.plural(stored.size(), "segment", "segments"))
			.append('\n');
		out.append("Chapters:\n");
		for (Chapter chapter : chapters.chapters()) {
			out.append(Cite.time(Math.round(chapter.startTime() * 1000)))
				.append(' ')
				.append(chapter.title())
				.append('\n');
		}
		if (analysed.status() == TopicStatus.PENDING && mentioned.isEmpty()) {
			out.append("Topics: not extracted yet (they are extracted in the background after an import; ask again "
					+ "in a few seconds).");
		}
		else if (mentioned.isEmpty()) {
			out.append((analysed.status() == TopicStatus.FAILED) ? "Topics: the extraction failed; it is retried."
					: "Topics: none found.");
		}
		else {
			out.append("Topics, most mentioned first:\n");
			for (EpisodeTopic topic : mentioned.subList(0, Math.min(EPISODE_TOPICS, mentioned.size()))) {
				out.append(topic.topic().name())
					.append(" (")
					.append(topic.topic().id())
					.append(", ")
					.append(topic.topic().category().json())
					.append("): ")
					.append(Cite.plural(topic.count(), "mention", "mentions"));
				if (!topic.mentions().isEmpty()) {
					out.append(", first at ").append(Cite.time(topic.mentions().get(0).startMs()));
				}
				out.append('\n');
			}
			if (mentioned.size() > EPISODE_TOPICS) {
				out.append("and ").append(mentioned.size() - EPISODE_TOPICS).append(" more topics.");
			}
		}
		return out.toString().stripTrailing();
	}

	String listTopics(ToolArguments args) {
		String category = args.text("category");
		TopicCategory only = null;
		if (category != null) {
			try {
				only = TopicCategory.of(category);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.forField("category", "'" + Cite.abbreviate(category, 40)
						+ "' is not one of model, organization, person, product, " + "concept, theme");
			}
		}
		boolean includeChildren = args.flag("includeChildren", false);
		boolean mentionedOnly = args.flag("mentionedOnly", false);
		int limit = args.intValue("limit", 50, 1, MAX_TOPICS);
		Function<TopicView, Long> mentions = (view) -> (includeChildren && view.withDescendants() != null)
				? view.withDescendants().mentionCount() : view.mentionCount();
		Function<TopicView, Long> episodes = (view) -> (includeChildren && view.withDescendants() != null)
				? view.withDescendants().episodeCount() : view.episodeCount();
		List<TopicView> found = new ArrayList<>(this.topics.find(only, args.text("query"), includeChildren));
		if (mentionedOnly) {
			found.removeIf((view) -> mentions.apply(view) == 0);
		}
		if (found.isEmpty()) {
			return "No topic matches.";
		}
		found.sort(Comparator.comparing(mentions).reversed().thenComparing(TopicView::id));
		StringBuilder out = new StringBuilder();
		out.append(Cite.plural(found.size(), "topic", "topics"))
			.append((found.size() > limit) ? ", the " + limit + " most mentioned" : "")
			.append(" (id: name, category, parent: mentions in episodes")
			.append(includeChildren ? ", with the topics below each" : "")
			.append("):\n");
		for (TopicView view : found.subList(0, Math.min(limit, found.size()))) {
			out.append(view.id())
				.append(": ")
				.append(view.name())
				.append(", ")
				.append(view.category().json())
				.append((view.parent() != null) ? ", parent " + view.parent() : "")
				.append(": ")
				.append(Cite.plural(mentions.apply(view), "mention", "mentions"))
				.append(" in ")
				.append(Cite.plural(episodes.apply(view), "episode", "episodes"))
				.append('\n');
		}
		return out.toString().stripTrailing();
	}

	String topicTrend(ToolArguments args) {
		Topic topic = topic(args.requiredText("topic"));
		String intervalName = args.text("interval");
		TrendInterval interval = (intervalName != null) ? TrendInterval.of("interval", intervalName)
				: TrendInterval.WEEK;
		TopicTrend trend = this.trends.trend(topic.id(), interval, TopicTrends.time("from", args.text("from")),
				TopicTrends.time("to", args.text("to")), args.flag("includeChildren", true));
		StringBuilder out = new StringBuilder();
		out.append(trend.name())
			.append(" (")
			.append(trend.topicId())
			.append(") per ")
			.append(trend.interval())
			.append(", ")
			.append(Cite.date(trend.from()))
			.append(" to ")
			.append(Cite.date(trend.to().minusSeconds(1)))
			.append(" (UTC)")
			.append((trend.topicCount() > 1) ? ", with the " + (trend.topicCount() - 1) + " topics below it" : "")
			.append(": ")
			.append(Cite.plural(trend.mentions(), "mention", "mentions"))
			.append(" in ")
			.append(Cite.plural(trend.episodes(), "episode", "episodes"))
			.append(".\n");
		if (trend.episodesByImportTime() > 0) {
			out.append(Cite.plural(trend.episodesByImportTime(), "episode has", "episodes have"))
				.append(" no publication date and ")
				.append((trend.episodesByImportTime() == 1) ? "is" : "are")
				.append(" counted by import time.\n");
		}
		boolean any = false;
		for (TopicTrend.Point point : trend.series()) {
			if (point.mentions() > 0) {
				any = true;
				out.append(Cite.date(point.start()))
					.append(": ")
					.append(Cite.plural(point.mentions(), "mention", "mentions"))
					.append(" in ")
					.append(Cite.plural(point.episodes(), "episode", "episodes"))
					.append('\n');
			}
		}
		out.append(any ? "Intervals not listed have no mention." : "No mention in this range.");
		return out.toString();
	}

	/** A topic by id, else by one of its names (case, width and script folded). */
	private Topic topic(String idOrName) {
		Optional<Topic> byId = this.lookup.topic(idOrName);
		if (byId.isPresent()) {
			return byId.get();
		}
		List<Topic> named = this.lookup.named(idOrName);
		if (named.isEmpty()) {
			throw new NotFoundException("Topic", idOrName);
		}
		return named.get(0);
	}

	private static McpServerFeatures.SyncToolSpecification tool(String name, String description, String schema,
			Function<ToolArguments, String> handler) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name(name)
			.description(description)
			.inputSchema(McpJsonDefaults.getMapper(), schema)
			.annotations(McpSchema.ToolAnnotations.builder()
				.readOnlyHint(true)
				.destructiveHint(false)
				.idempotentHint(true)
				.openWorldHint(false)
				.build())
			.build();
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((exchange, request) -> call(name, handler, request))
			.build();
	}

	static McpSchema.CallToolResult call(String name, Function<ToolArguments, String> handler,
			McpSchema.CallToolRequest request) {
		try {
			return McpSchema.CallToolResult.builder()
				.addTextContent(handler.apply(new ToolArguments(request.arguments())))
				.isError(false)
				.build();
		}
		catch (PodlensException ex) {
			return error(ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("MCP tool {} failed", name, ex);
			return error("Podlens could not answer this call (an internal error, logged on the server).");
		}
	}

	private static McpSchema.CallToolResult error(String message) {
		return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
	}

}
