package io.podlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * target/bench/scale.svg: index size and single-client search latency against the number
 * of segments (logarithmic), one panel each.
 */
final class BenchPlot {

	private static final int WIDTH = 360;

	private static final int HEIGHT = 240;

	private static final int MARGIN = 48;

	private BenchPlot() {
	}

	static void write(List<Map<String, Object>> scale, Path file) throws IOException {
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
						+ "font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
				2 * WIDTH + 2 * MARGIN, HEIGHT + 2 * MARGIN));
		panel(svg, scale, 0, "index size on disk (MB)", List.of("indexSizeMb"), List.of("#1f77b4"));
		panel(svg, scale, WIDTH + MARGIN, "search over HTTP, 1 client (ms)", List.of("searchP50Ms", "searchP99Ms"),
				List.of("#2ca02c", "#d62728"));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">segments (log scale); green p50, red p99</text>%n",
				WIDTH + MARGIN, HEIGHT + 2 * MARGIN - 8));
		svg.append("</svg>\n");
		Files.writeString(file, svg);
	}

	private static void panel(StringBuilder svg, List<Map<String, Object>> scale, int left, String title,
			List<String> keys, List<String> colors) {
		double minX = Math.log10(number(scale.get(0), "segments"));
		double maxX = Math.log10(number(scale.get(scale.size() - 1), "segments"));
		double maxY = 0;
		for (Map<String, Object> point : scale) {
			for (String key : keys) {
				maxY = Math.max(maxY, number(point, key));
			}
		}
		maxY = (maxY <= 0) ? 1 : maxY * 1.1;
		int x0 = left + MARGIN;
		int y0 = MARGIN + HEIGHT - 20;
		int w = WIDTH - 20;
		int h = HEIGHT - 40;
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x0,
				MARGIN - 16, title));
		svg.append(String.format(Locale.ROOT,
				"<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>%n<text x=\"%d\" y=\"%d\" "
						+ "text-anchor=\"end\">%.0f</text>%n<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n",
				x0, y0 - h, y0, x0 + w, x0 - 4, y0 - h + 4, maxY, x0 - 4, y0));
		for (int series = 0; series < keys.size(); series++) {
			StringBuilder path = new StringBuilder();
			for (Map<String, Object> point : scale) {
				double x = (maxX > minX) ? x0 + w * (Math.log10(number(point, "segments")) - minX) / (maxX - minX)
						: x0 + w / 2.0;
				double value = number(point, keys.get(series));
				double y = y0 - h * value / maxY;
				path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
				svg.append(String.format(Locale.ROOT,
						"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n<text x=\"%.1f\" y=\"%.1f\" "
								+ "text-anchor=\"middle\">%s</text>%n",
						x, y, colors.get(series), x, y - 7, trim(value)));
				if (series == 0) {
					svg.append(
							String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
									x, y0 + 14, (long) number(point, "segments")));
				}
			}
			svg.append(String.format(Locale.ROOT, "<path d=\"%s\" stroke=\"%s\" fill=\"none\"/>%n", path,
					colors.get(series)));
		}
	}

	private static String trim(double value) {
		return (value >= 10) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static double number(Map<String, Object> point, String key) {
		Object value = point.get(key);
		return (value instanceof Number n) ? n.doubleValue() : 0;
	}

}
