package io.podlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.podlens.episode.StoredSegment;

/**
 * Draws an episode as a 1200 px wide SVG: coloured theme bands with a legend, the sponsor
 * reads, the most mentioned topics as marks over time, and a time axis with mm:ss ticks.
 * Every piece of text is XML-escaped.
 */
final class TimelineSvg {

	static final int WIDTH = 1200;

	static final int MAX_TOPIC_ROWS = 8;

	private static final int LEFT = 150;

	private static final int RIGHT = 30;

	private static final int PLOT = WIDTH - LEFT - RIGHT;

	/** Tableau 10: themes without a colour of their own stay distinguishable. */
	private static final String[] PALETTE = { "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
			"#b07aa1", "#ff9da7", "#9c755f", "#bab0ac" };

	private static final Pattern SAFE_COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}");

	private static final long[] TICK_STEPS_MS = { 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
			900_000, 1_800_000, 3_600_000 };

	private static final Map<String, String[]> ROW_NAMES = Map.of("zh-Hant", new String[] { "主題", "贊助", "時間" },
			"zh-Hans", new String[] { "主题", "赞助", "时间" }, "en", new String[] { "Themes", "Sponsor", "Time" });

	private final ThemeCatalog catalog;

	TimelineSvg(ThemeCatalog catalog) {
		this.catalog = catalog;
	}

	String render(List<StoredSegment> segments, EpisodeThemes themes, List<SponsorRead> reads,
			List<TimelineMarks.Mark> marks, List<Chapter> chapters) {
		StoredSegment first = segments.get(0);
		String language = Languages.displayTag(first.language(), first.text());
		String[] rows = ROW_NAMES.getOrDefault(language, ROW_NAMES.get("en"));
		long duration = Math.max(1, segments.get(segments.size() - 1).endMs());
		Map<String, List<Long>> topics = topTopics(marks, duration);
		List<String> legend = new ArrayList<>();
		themes.spans().forEach((span) -> {
			if (!legend.contains(span.theme())) {
				legend.add(span.theme());
			}
		});

		int bandTop = 50;
		int sponsorTop = bandTop + 50;
		int topicTop = sponsorTop + 30;
		int axisY = topicTop + topics.size() * 20 + 12;
		int legendTop = axisY + 40;
		int legendRows = (legend.size() + 2) / 3;
		int height = legendTop + legendRows * 22 + 10;

		StringBuilder svg = new StringBuilder(4096);
		String title = (first.episodeTitle() != null) ? first.episodeTitle() : "";
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(WIDTH)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-label=\"")
			.append(xml(title))
			.append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
		svg.append("<title>").append(xml(title)).append("</title>\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
		svg.append(text(10, 28, title, "font-size=\"16\" font-weight=\"bold\""));

		svg.append(text(10, bandTop + 24, rows[0], "fill=\"#334155\""));
		svg.append(rect(LEFT, bandTop, PLOT, 40, "#f1f5f9", null));
		for (ThemeSpan span : themes.spans()) {
			if (!reads.isEmpty() && ThemeCatalog.SPONSOR.equals(span.theme())) {
				// segment-granular; the reads below give the sponsor's own times
				continue;
			}
			int x = x(span.startMs(), duration);
			int w = Math.max(1, x(span.endMs(), duration) - x);
			String name = this.catalog.nameOf(span.theme(), language);
			svg.append(rect(x, bandTop, w, 40, color(span.theme()),
					name + " " + clock(span.startMs()) + "–" + clock(span.endMs())));
		}

		String sponsorName = this.catalog.nameOf(ThemeCatalog.SPONSOR, language);
		for (SponsorRead read : reads) {
			int x = x(read.startMs(), duration);
			svg.append(rect(x, bandTop, Math.max(1, x(read.endMs(), duration) - x), 40, color(ThemeCatalog.SPONSOR),
					sponsorName + " " + clock(read.startMs()) + "–" + clock(read.endMs())));
		}
		chapterLines(svg, chapters, duration, bandTop - 4, bandTop + 44);

		svg.append(text(10, sponsorTop + 13, rows[1], "fill=\"#334155\""));
		svg.append(rect(LEFT, sponsorTop, PLOT, 18, "#f8fafc", null));
		for (SponsorRead read : reads) {
			int x = x(read.startMs(), duration);
			int w = Math.max(2, x(read.endMs(), duration) - x);
			String label = rows[1] + ((read.sponsor() != null) ? ": " + read.sponsor() : "");
			svg.append(rect(x, sponsorTop, w, 18, color(ThemeCatalog.SPONSOR),
					label + " " + clock(read.startMs()) + "–" + clock(read.endMs())));
			svg.append(sponsorLabel(x, w, sponsorTop + 13, label));
		}

		int row = 0;
		for (Map.Entry<String, List<Long>> topic : topics.entrySet()) {
			int y = topicTop + row * 20;
			svg.append(text(10, y + 12, abbreviate(topic.getKey(), 20), "fill=\"#334155\""));
			svg.append("<line x1=\"")
				.append(LEFT)
				.append("\" y1=\"")
				.append(y + 8)
				.append("\" x2=\"")
				.append(LEFT + PLOT)
				.append("\" y2=\"")
				.append(y + 8)
				.append("\" stroke=\"#e2e8f0\"/>\n");
			for (long time : topic.getValue()) {
				svg.append("<circle cx=\"")
					.append(x(time, duration))
					.append("\" cy=\"")
					.append(y + 8)
					.append("\" r=\"4\" fill=\"#0f766e\"><title>")
					.append(xml(topic.getKey() + " " + clock(time)))
					.append("</title></circle>\n");
			}
			row++;
		}

		axis(svg, axisY, duration, rows[2]);

		for (int i = 0; i < legend.size(); i++) {
			int lx = LEFT + (i % 3) * (PLOT / 3);
			int ly = legendTop + (i / 3) * 22;
			svg.append(rect(lx, ly, 14, 14, color(legend.get(i)), null));
			svg.append(text(lx + 20, ly + 12, this.catalog.nameOf(legend.get(i), language), "fill=\"#1f2937\""));
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/**
	 * A label inside its bar when it fits, else beside it (right, or left near the end)
	 * so it never runs over the bar's edge.
	 */
	static String sponsorLabel(int x, int w, int y, String label) {
		int width = textWidth(label);
		if (width + 8 <= w) {
			return text(x + 4, y, label, "fill=\"#1f2937\"");
		}
		if (x + w + 4 + width <= LEFT + PLOT) {
			return text(x + w + 4, y, label, "fill=\"#1f2937\"");
		}
		return text(x - 4, y, label, "text-anchor=\"end\" fill=\"#1f2937\"");
	}

	/** Rough width at font size 12: CJK characters are square, Latin about 7 px. */
	static int textWidth(String text) {
		return text.codePoints().map((c) -> (Character.isIdeographic(c) || c >= 0x3000) ? 12 : 7).sum();
	}

	/** A thin line at every chapter start after the first, with the title as tooltip. */
	private static void chapterLines(StringBuilder svg, List<Chapter> chapters, long duration, int top, int bottom) {
		for (int i = 1; i < chapters.size(); i++) {
			Chapter chapter = chapters.get(i);
			int x = x(Math.round(chapter.startTime() * 1000), duration);
			svg.append("<line class=\"chapter\" x1=\"")
				.append(x)
				.append("\" y1=\"")
				.append(top)
				.append("\" x2=\"")
				.append(x)
				.append("\" y2=\"")
				.append(bottom)
				.append("\" stroke=\"#111827\" stroke-width=\"1.5\"><title>")
				.append(xml(chapter.title() + " " + clock(Math.round(chapter.startTime() * 1000))))
				.append("</title></line>\n");
		}
	}

	private static void axis(StringBuilder svg, int y, long duration, String label) {
		// level with the tick labels
		svg.append(text(10, y + 20, label, "fill=\"#334155\""));
		svg.append("<line x1=\"")
			.append(LEFT)
			.append("\" y1=\"")
			.append(y)
			.append("\" x2=\"")
			.append(LEFT + PLOT)
			.append("\" y2=\"")
			.append(y)
			.append("\" stroke=\"#475569\"/>\n");
		long step = TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
		for (long candidate : TICK_STEPS_MS) {
			if (duration / candidate <= 12) {
				step = candidate;
				break;
			}
		}
		for (long t = 0; t <= duration; t += step) {
			int x = x(t, duration);
			svg.append("<line x1=\"")
				.append(x)
				.append("\" y1=\"")
				.append(y)
				.append("\" x2=\"")
				.append(x)
				.append("\" y2=\"")
				.append(y + 6)
				.append("\" stroke=\"#475569\"/>\n");
			svg.append(text(x, y + 20, clock(t), "text-anchor=\"middle\" fill=\"#475569\""));
		}
	}

	/** The most mentioned topics (at most {@link #MAX_TOPIC_ROWS}) with their times. */
	private static Map<String, List<Long>> topTopics(List<TimelineMarks.Mark> marks, long duration) {
		Map<String, List<Long>> byLabel = new LinkedHashMap<>();
		for (TimelineMarks.Mark mark : marks) {
			if (mark.label() != null && !mark.label().isBlank() && mark.timeMs() >= 0 && mark.timeMs() <= duration) {
				byLabel.computeIfAbsent(mark.label().strip(), (k) -> new ArrayList<>()).add(mark.timeMs());
			}
		}
		Map<String, List<Long>> top = new LinkedHashMap<>();
		byLabel.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, List<Long>> e) -> e.getValue().size()).reversed())
			.limit(MAX_TOPIC_ROWS)
			.forEach((e) -> top.put(e.getKey(), e.getValue()));
		return top;
	}

	private String color(String themeId) {
		String color = this.catalog.find(themeId).map(ThemeDefinition::color).orElse(null);
		if (color != null && SAFE_COLOR.matcher(color).matches()) {
			return color;
		}
		int index = Math.floorMod(themeId.hashCode(), PALETTE.length);
		return PALETTE[index];
	}

	private static int x(long ms, long duration) {
		return LEFT + (int) Math.round((double) Math.max(0, Math.min(ms, duration)) / duration * PLOT);
	}

	private static String rect(int x, int y, int w, int h, String fill, String tooltip) {
		StringBuilder r = new StringBuilder("<rect x=\"").append(x)
			.append("\" y=\"")
			.append(y)
			.append("\" width=\"")
			.append(w)
			.append("\" height=\"")
			.append(h)
			.append("\" fill=\"")
			.append(xml(fill))
			.append('"');
		if (tooltip == null) {
			return r.append("/>\n").toString();
		}
		return r.append("><title>").append(xml(tooltip)).append("</title></rect>\n").toString();
	}

	private static String text(int x, int y, String content, String attributes) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" " + attributes + ">" + xml(content) + "</text>\n";
	}

	/** {@code mm:ss} (minutes are not wrapped into hours). */
	static String clock(long ms) {
		long seconds = Math.max(0, ms) / 1000;
		return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
	}

	private static String abbreviate(String text, int max) {
		return (text.codePointCount(0, text.length()) <= max) ? text
				: text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

	/**
	 * Escapes text for XML content and attribute values; drops characters XML forbids.
	 */
	static String xml(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
							|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
					if (allowed) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

}
