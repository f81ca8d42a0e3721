package io.podlens.topic;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a topic's trend as an SVG 1200 px wide in the style of the episode timeline
 * (sans-serif 12 px, slate labels, Tableau colours): mentions per interval as bars,
 * episodes with a mention as a line with dots, a y axis with round ticks, dates under the
 * bars, and a note when episodes were placed by import time. Every piece of text is
 * XML-escaped.
 */
final class TrendSvg {

	static final int WIDTH = 1200;

	static final String MENTIONS_COLOR = "#4e79a7";

	static final String EPISODES_COLOR = "#f28e2b";

	private static final int LEFT = 70;

	private static final int RIGHT = 30;

	private static final int TOP = 60;

	private static final int PLOT_HEIGHT = 300;

	private static final int PLOT = WIDTH - LEFT - RIGHT;

	private static final int MAX_DATE_LABELS = 12;

	private TrendSvg() {
	}

	static String render(TopicTrend trend) {
		List<TopicTrend.Point> points = trend.series();
		long max = points.stream().mapToLong(TopicTrend.Point::mentions).max().orElse(0);
		long step = tickStep(max);
		long top = Math.max(step, ((max + step - 1) / step) * step);
		int axisY = TOP + PLOT_HEIGHT;
		int height = axisY + 90;
		String title = trend.name() + ": mentions per " + trend.interval()
				+ (trend.includeChildren() && trend.topicCount() > 1 ? " (with " + (trend.topicCount() - 1)
						+ ((trend.topicCount() == 2) ? " topic" : " topics") + " below it)" : "");

		StringBuilder svg = new StringBuilder(8192);
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
		svg.append(text(10, 46, trend.mentions() + " mentions in " + trend.episodes() + " episodes, "
				+ date(trend.from()) + " to " + date(trend.to().minusSeconds(1)) + " (UTC)", "fill=\"#475569\""));

		// horizontal grid and y labels
		for (long value = 0; value <= top; value += step) {
			int y = y(value, top, axisY);
			svg.append(line(LEFT, y, LEFT + PLOT, y, (value == 0) ? "#475569" : "#e2e8f0"));
			svg.append(text(LEFT - 8, y + 4, Long.toString(value), "text-anchor=\"end\" fill=\"#475569\""));
		}

		int n = Math.max(1, points.size());
		double slot = (double) PLOT / n;
		int barWidth = Math.max(1, (int) Math.floor(slot * 0.7));
		int labelEvery = Math.max(1, (int) Math.ceil(n / (double) MAX_DATE_LABELS));
		StringBuilder episodesLine = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			TopicTrend.Point point = points.get(i);
			int center = LEFT + (int) Math.round(slot * i + slot / 2);
			int barTop = y(point.mentions(), top, axisY);
			String tooltip = date(point.start()) + ": " + point.mentions() + " mentions in " + point.episodes()
					+ " episodes" + ((point.episodesByImportTime() > 0)
							? " (" + point.episodesByImportTime() + " by import time)" : "");
			if (point.mentions() > 0) {
				svg.append("<rect class=\"mentions\" x=\"")
					.append(center - barWidth / 2)
					.append("\" y=\"")
					.append(barTop)
					.append("\" width=\"")
					.append(barWidth)
					.append("\" height=\"")
					.append(Math.max(1, axisY - barTop))
					.append("\" fill=\"")
					.append(MENTIONS_COLOR)
					.append("\"><title>")
					.append(xml(tooltip))
					.append("</title></rect>\n");
			}
			episodesLine.append((i == 0) ? "" : " ").append(center).append(',').append(y(point.episodes(), top, axisY));
			if (i % labelEvery == 0) {
				svg.append(line(center, axisY, center, axisY + 5, "#475569"));
				svg.append(text(center, axisY + 20, date(point.start()), "text-anchor=\"middle\" fill=\"#475569\""));
			}
		}
		if (!points.isEmpty()) {
			svg.append("<polyline class=\"episodes\" points=\"")
				.append(episodesLine)
				.append("\" fill=\"none\" stroke=\"")
				.append(EPISODES_COLOR)
				.append("\" stroke-width=\"2\"/>\n");
			for (int i = 0; i < points.size(); i++) {
				TopicTrend.Point point = points.get(i);
				if (point.episodes() > 0) {
					int center = LEFT + (int) Math.round(slot * i + slot / 2);
					svg.append("<circle cx=\"")
						.append(center)
						.append("\" cy=\"")
						.append(y(point.episodes(), top, axisY))
						.append("\" r=\"3\" fill=\"")
						.append(EPISODES_COLOR)
						.append("\"><title>")
						.append(xml(date(point.start()) + ": " + point.episodes() + " episodes"))
						.append("</title></circle>\n");
				}
			}
		}

		int legendY = axisY + 48;
		svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(legendY - 11);
		svg.append("\" width=\"14\" height=\"14\" fill=\"").append(MENTIONS_COLOR).append("\"/>\n");
		svg.append(text(LEFT + 20, legendY, "Mentions", "fill=\"#1f2937\""));
		svg.append(line(LEFT + 120, legendY - 4, LEFT + 140, legendY - 4, EPISODES_COLOR).replace("/>",
				" stroke-width=\"2\"/>"));
		svg.append(text(LEFT + 146, legendY, "Episodes with a mention", "fill=\"#1f2937\""));
		if (trend.episodesByImportTime() > 0) {
			svg.append(text(
					LEFT, legendY + 22, trend.episodesByImportTime()
							+ " of the episodes have no publication date and are placed by " + "their import time",
					"class=\"note\" fill=\"#92400e\""));
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** 1, 2 or 5 times a power of ten, so that there are at most about 6 ticks. */
	static long tickStep(long max) {
		long step = 1;
		while (true) {
			for (long factor : new long[] { 1, 2, 5 }) {
				if (max / (step * factor) <= 5) {
					return step * factor;
				}
			}
			step *= 10;
		}
	}

	private static int y(long value, long top, int axisY) {
		return axisY - (int) Math.round((double) value / top * PLOT_HEIGHT);
	}

	private static String date(java.time.Instant instant) {
		return DateTimeFormatter.ISO_LOCAL_DATE.withLocale(Locale.ROOT)
			.format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
	}

	private static String line(int x1, int y1, int x2, int y2, String stroke) {
		return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + stroke
				+ "\"/>\n";
	}

	private static String text(int x, int y, String content, String attributes) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" " + attributes + ">" + xml(content) + "</text>\n";
	}

	/**
	 * Escapes text for XML content and attribute values; drops characters XML forbids.
	 */
	static String xml(String text) {
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
