package io.podlens.topic;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class TrendSvgTests {

	@Test
	void drawsABarPerIntervalWithMentionsAndALineOfEpisodes() throws Exception {
		TopicTrend trend = trend("GPT <4o> & \"friends\"", 2, point("2025-03-03", 4, 2, 0),
				point("2025-03-10", 0, 0, 0), point("2025-03-17", 10, 3, 2));
		String svg = TrendSvg.render(trend);
		Document document = parse(svg);

		assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("1200");
		NodeList bars = document.getElementsByTagName("rect");
		List<Element> mentionBars = elements(bars).stream()
			.filter((e) -> "mentions".equals(e.getAttribute("class")))
			.toList();
		assertThat(mentionBars).hasSize(2);
		// the taller bar belongs to the interval with more mentions
		assertThat(Integer.parseInt(mentionBars.get(1).getAttribute("height")))
			.isGreaterThan(Integer.parseInt(mentionBars.get(0).getAttribute("height")) * 2);
		assertThat(mentionBars.get(1).getTextContent())
			.isEqualTo("2025-03-17: 10 mentions in 3 episodes (2 by import time)");
		assertThat(mentionBars.get(0).getAttribute("fill")).isEqualTo(TrendSvg.MENTIONS_COLOR);
		Element line = (Element) document.getElementsByTagName("polyline").item(0);
		assertThat(line.getAttribute("points").split(" ")).hasSize(3);
		// the name is escaped, the title says what is drawn
		assertThat(document.getElementsByTagName("title").item(0).getTextContent())
			.isEqualTo("GPT <4o> & \"friends\": mentions per week (with 1 topic below it)");
		assertThat(svg).contains("GPT &lt;4o&gt; &amp; &quot;friends&quot;").contains("2025-03-10");
		assertThat(elements(document.getElementsByTagName("text")).stream().map(Element::getTextContent))
			.contains("2 of the episodes have no publication date and are placed by their import time")
			.contains("0", "4", "10");
	}

	@Test
	void anEmptySeriesStillDrawsItsAxesAndNoNote() throws Exception {
		TopicTrend trend = trend("Mamba", 1, point("2025-03-03", 0, 0, 0));
		Document document = parse(TrendSvg.render(trend));
		assertThat(elements(document.getElementsByTagName("rect")).stream()
			.filter((e) -> "mentions".equals(e.getAttribute("class")))).isEmpty();
		assertThat(elements(document.getElementsByTagName("text")).stream().map(Element::getTextContent))
			.noneMatch((t) -> t.contains("import time"))
			.contains("Mamba: mentions per week");
	}

	@Test
	void ticksAreRound() {
		assertThat(TrendSvg.tickStep(0)).isEqualTo(1);
		assertThat(TrendSvg.tickStep(5)).isEqualTo(1);
		assertThat(TrendSvg.tickStep(9)).isEqualTo(2);
		assertThat(TrendSvg.tickStep(23)).isEqualTo(5);
		assertThat(TrendSvg.tickStep(480)).isEqualTo(100);
	}

	private static TopicTrend trend(String name, int topicCount, TopicTrend.Point... points) {
		List<TopicTrend.Point> series = List.of(points);
		return new TopicTrend("t", name, "week", series.get(0).start(), series.get(series.size() - 1).end(), true,
				topicCount, series.stream().mapToLong(TopicTrend.Point::mentions).sum(),
				series.stream().mapToLong(TopicTrend.Point::episodes).sum(),
				series.stream().mapToLong(TopicTrend.Point::episodesByImportTime).sum(), series);
	}

	private static TopicTrend.Point point(String start, long mentions, long episodes, long undated) {
		Instant from = Instant.parse(start + "T00:00:00Z");
		return new TopicTrend.Point(from, from.plusSeconds(7 * 86400), mentions, episodes, undated);
	}

	private static Document parse(String svg) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> elements(NodeList nodes) {
		java.util.ArrayList<Element> out = new java.util.ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add((Element) nodes.item(i));
		}
		return out;
	}

}
