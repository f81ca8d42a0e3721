package io.podlens.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.podlens.text.Folding;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicLookup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Cross-lingual keyword expansion: the equivalents in the other language of a plain
 * query's content words, from the topic taxonomy (names, aliases and Chinese names of the
 * topic a word or a run of words names: Tencent is 騰訊 and 腾讯) and from the bilingual
 * {@link Glossary} (inference is 推理, training data is 训练数据). English words get Chinese
 * equivalents; with {@code reverse}, Chinese words get English ones.
 * <p>
 * The result is one group per content word, or per run of words one term covers (the
 * longest term wins: open source is 开源, never 开放 and 来源): the words as typed, then their
 * equivalents. {@link RankedQueries} turns the groups into a second, lower-weighted query
 * in which a group matches through any of its forms, so that an English question finds
 * Chinese segments that say the same words in Chinese.
 */
@Component
class CrossLingualExpansion {

	/**
	 * Equivalents kept per group: a term with many spellings is not worth more clauses.
	 */
	static final int MAX_EQUIVALENTS = 6;

	/** Longest run of query words looked up as one term. */
	static final int MAX_SPAN = 4;

	private final Glossary glossary;

	private final Supplier<TopicLookup> topics;

	private final ExpansionProperties settings;

	@Autowired
	CrossLingualExpansion(ObjectProvider<TopicLookup> topics, ExpansionProperties settings) {
		this(Glossary.shipped(), topics::getIfAvailable, settings);
	}

	/**
	 * @param topics the current taxonomy; may supply {@code null} (no topic feature)
	 */
	CrossLingualExpansion(Glossary glossary, Supplier<TopicLookup> topics, ExpansionProperties settings) {
		this.glossary = glossary;
		this.topics = topics;
		this.settings = settings;
	}

	/** Expands nothing (tests of search alone). */
	static CrossLingualExpansion none() {
		return new CrossLingualExpansion(Glossary.empty(), () -> null, new ExpansionProperties(false, 0f, false));
	}

	/** Weight of the expanded query; 0 when expansion is off. */
	float boost() {
		return this.settings.enabled() ? this.settings.boost() : 0f;
	}

	/**
	 * The groups of the query, in query order, each the query's own words first.
	 * @return empty when expansion is off or no word has an equivalent
	 */
	List<List<String>> of(PlainQuery plain) {
		if (boost() <= 0) {
			return List.of();
		}
		List<String> words = plain.contentWords();
		TopicLookup lookup = this.topics.get();
		List<List<String>> groups = new ArrayList<>();
		boolean expanded = false;
		int i = 0;
		while (i < words.size()) {
			String word = words.get(i);
			if (hasHan(word)) {
				List<String> group = new ArrayList<>(List.of(word));
				if (this.settings.reverse()) {
					List<String> english = new ArrayList<>(this.glossary.english(word));
					english.addAll(latinNames(lookup, word));
					expanded |= addEquivalents(group, english, words);
				}
				groups.add(group);
				i++;
				continue;
			}
			int span = Math.min(MAX_SPAN, words.size() - i);
			while (span > 1 && words.subList(i, i + span).stream().anyMatch(CrossLingualExpansion::hasHan)) {
				span--;
			}
			List<String> group = null;
			for (; span >= 1; span--) {
				List<String> run = words.subList(i, i + span);
				List<String> chinese = chineseOf(lookup, String.join(" ", run));
				if (!chinese.isEmpty()) {
					group = new ArrayList<>(run);
					expanded |= addEquivalents(group, chinese, words);
					break;
				}
			}
			if (group == null) {
				groups.add(List.of(word));
				i++;
			}
			else {
				groups.add(group);
				i += span;
			}
		}
		return expanded ? groups.stream().map(List::copyOf).toList() : List.of();
	}

	/** Chinese equivalents of English words: the glossary's, then the taxonomy's. */
	private List<String> chineseOf(TopicLookup lookup, String english) {
		String key = Glossary.englishKey(english);
		if (key.isEmpty()) {
			return List.of();
		}
		List<String> chinese = new ArrayList<>(this.glossary.chinese(key));
		if (lookup != null) {
			List<Topic> named = lookup.named(english);
			if (named.isEmpty() && !key.equals(Folding.fold(english))) {
				named = lookup.named(key);
			}
			for (Topic topic : named) {
				topic.names().stream().filter(CrossLingualExpansion::hasHan).forEach(chinese::add);
			}
		}
		return chinese;
	}

	/** English names and aliases of the topics a Chinese word names. */
	private static List<String> latinNames(TopicLookup lookup, String chinese) {
		if (lookup == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (Topic topic : lookup.named(chinese)) {
			topic.names().stream().filter((name) -> !hasHan(name)).forEach(names::add);
		}
		return names;
	}

	/**
	 * Adds the equivalents the query does not already contain, once each by folded form,
	 * at most {@link #MAX_EQUIVALENTS}.
	 * @return whether any was added
	 */
	private static boolean addEquivalents(List<String> group, List<String> equivalents, List<String> queryWords) {
		Map<String, String> seen = new LinkedHashMap<>();
		queryWords.forEach((word) -> seen.put(Folding.fold(word), word));
		int added = 0;
		for (String equivalent : equivalents) {
			if (added == MAX_EQUIVALENTS) {
				break;
			}
			if (seen.putIfAbsent(Folding.fold(equivalent), equivalent) == null) {
				group.add(equivalent);
				added++;
			}
		}
		return added > 0;
	}

	private static boolean hasHan(String word) {
		return word.codePoints().anyMatch(Folding::isHan);
	}

}
