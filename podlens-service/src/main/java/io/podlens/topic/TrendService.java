package io.podlens.topic;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TopicTrends} over the stored mentions: the database counts per day (or per topic
 * and episode), this class adds the days up to intervals and the topics up to their
 * ancestors. Every interval is whole UTC days, and each episode lies in exactly one day,
 * so the sums are exact.
 */
@Service
class TrendService implements TopicTrends {

	private final TopicCatalog catalog;

	private final MentionRepository mentions;

	private final Clock clock;

	@Autowired
	TrendService(TopicCatalog catalog, MentionRepository mentions) {
		this(catalog, mentions, Clock.systemUTC());
	}

	TrendService(TopicCatalog catalog, MentionRepository mentions, Clock clock) {
		this.catalog = catalog;
		this.mentions = mentions;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public TopicTrend trend(String topicId, TrendInterval interval, @Nullable Instant from, @Nullable Instant to,
			boolean includeChildren) {
		Taxonomy taxonomy = this.catalog.current().taxonomy();
		Topic topic = taxonomy.topic(topicId).orElseThrow(() -> new NotFoundException("Topic", topicId));
		Instant end = (to != null) ? to : this.clock.instant();
		if (from != null && !from.isBefore(end)) {
			throw InvalidInputException.forField("from",
					"must be before " + ((to != null) ? "to" : "now") + " (" + from + " >= " + end + ")");
		}
		// the last interval is the one holding the last instant before the end
		LocalDate last = interval.floor(day(end.minusNanos(1)));
		LocalDate stop = interval.plus(last, 1);
		LocalDate start = (from != null) ? interval.floor(day(from))
				: interval.plus(last, -(interval.defaultCount() - 1));
		long count = intervals(interval, start, stop);
		if (count > MAX_INTERVALS) {
			throw InvalidInputException.forField("from",
					"the range from " + start + " to " + stop + " has " + count + " " + interval.json()
							+ " intervals, at most " + MAX_INTERVALS
							+ " are allowed: narrow it or use a longer interval");
		}
		List<String> ids = includeChildren ? List.copyOf(taxonomy.withDescendants(topic.id())) : List.of(topic.id());
		Map<LocalDate, long[]> byStart = new HashMap<>();
		long mentionsTotal = 0;
		long episodesTotal = 0;
		long undatedTotal = 0;
		for (Object[] row : this.mentions.countsPerDay(ids, instant(start).atOffset(ZoneOffset.UTC),
				instant(stop).atOffset(ZoneOffset.UTC))) {
			LocalDate day = LocalDate.ofEpochDay(number(row[0]));
			long[] sums = byStart.computeIfAbsent(interval.floor(day), (k) -> new long[3]);
			for (int i = 0; i < 3; i++) {
				sums[i] += number(row[i + 1]);
			}
			mentionsTotal += number(row[1]);
			episodesTotal += number(row[2]);
			undatedTotal += number(row[3]);
		}
		List<TopicTrend.Point> series = new ArrayList<>((int) count);
		for (LocalDate bucket = start; bucket.isBefore(stop); bucket = interval.plus(bucket, 1)) {
			long[] sums = byStart.getOrDefault(bucket, new long[3]);
			series.add(new TopicTrend.Point(instant(bucket), instant(interval.plus(bucket, 1)), sums[0], sums[1],
					sums[2]));
		}
		return new TopicTrend(topic.id(), topic.name(), interval.json(), instant(start), instant(stop), includeChildren,
				ids.size(), mentionsTotal, episodesTotal, undatedTotal, series);
	}

	@Override
	@Transactional(readOnly = true)
	public RisingTopics rising(TrendQuery query) {
		TrendInterval interval = query.interval();
		Instant at = (query.to() != null) ? query.to() : this.clock.instant();
		LocalDate currentEnd = interval.floor(day(at));
		LocalDate currentStart = interval.plus(currentEnd, -1);
		LocalDate baselineStart = interval.plus(currentStart, -query.baseline());
		Taxonomy taxonomy = this.catalog.current().taxonomy();

		Map<String, Tally> tallies = new HashMap<>();
		Set<Long> undated = new HashSet<>();
		for (Object[] row : this.mentions.countsPerTopicAndEpisode(instant(baselineStart).atOffset(ZoneOffset.UTC),
				instant(currentEnd).atOffset(ZoneOffset.UTC))) {
			String topicId = (String) row[0];
			long episode = number(row[1]);
			boolean current = !LocalDate.ofEpochDay(number(row[2])).isBefore(currentStart);
			if (number(row[3]) == 1) {
				undated.add(episode);
			}
			long count = number(row[4]);
			List<String> countsFor = query.includeChildren() ? taxonomy.withAncestors(topicId) : List.of(topicId);
			for (String id : countsFor) {
				tallies.computeIfAbsent(id, (k) -> new Tally()).add(current, episode, count);
			}
		}

		double baseline = query.baseline();
		List<RisingTopics.RisingTopic> risers = new ArrayList<>();
		tallies.forEach((id, tally) -> {
			Topic topic = taxonomy.topic(id).orElse(null);
			double meanMentions = tally.baselineMentions / baseline;
			if (topic == null || tally.currentMentions < query.minMentions()
					|| tally.currentEpisodes.size() < query.minEpisodes() || tally.currentMentions <= meanMentions) {
				return;
			}
			risers.add(new RisingTopics.RisingTopic(id, topic.name(), topic.category(), tally.currentMentions,
					tally.currentEpisodes.size(), round(meanMentions), round(tally.baselineEpisodes.size() / baseline),
					round(tally.currentMentions - meanMentions),
					round((tally.currentMentions + 1) / (meanMentions + 1))));
		});
		risers.sort(Comparator.comparingDouble(RisingTopics.RisingTopic::ratio)
			.reversed()
			.thenComparing(Comparator.comparingLong(RisingTopics.RisingTopic::mentions).reversed())
			.thenComparing(RisingTopics.RisingTopic::id));
		return new RisingTopics(interval.json(), instant(currentStart), instant(currentEnd), instant(baselineStart),
				query.baseline(), query.minMentions(), query.minEpisodes(), query.includeChildren(), undated.size(),
				risers.subList(0, Math.min(query.limit(), risers.size())));
	}

	private static long intervals(TrendInterval interval, LocalDate start, LocalDate stop) {
		return switch (interval) {
			case DAY -> ChronoUnit.DAYS.between(start, stop);
			case WEEK -> ChronoUnit.WEEKS.between(start, stop);
			case MONTH -> ChronoUnit.MONTHS.between(start, stop);
		};
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** Counts come back as Long, Integer or BigDecimal depending on the database. */
	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** One topic's counts in the compared interval and in the baseline. */
	private static final class Tally {

		long currentMentions;

		long baselineMentions;

		final Set<Long> currentEpisodes = new HashSet<>();

		final Set<Long> baselineEpisodes = new HashSet<>();

		void add(boolean current, long episode, long count) {
			if (current) {
				this.currentMentions += count;
				this.currentEpisodes.add(episode);
			}
			else {
				this.baselineMentions += count;
				this.baselineEpisodes.add(episode);
			}
		}

	}

}
