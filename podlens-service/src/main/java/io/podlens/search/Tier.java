package io.podlens.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;

/**
 * One ranked group of hits. Mention tiers take the spans to mark from the stored mentions
 * of their topics; through an alias (the query named the topic another way) an exact
 * mention still counts as an alias match. The exact tier marks passages (hits matched in
 * their context only) with {@code highlight}, when it has one.
 */
record Tier(Kind kind, Query query, Set<String> topicIds, boolean viaAlias, @Nullable Query highlight) {

	enum Kind {

		EXACT, MENTIONS, SOUND

	}

	static Tier exact(Query query, @Nullable Query highlight) {
		return new Tier(Kind.EXACT, query, Set.of(), false, highlight);
	}

	static Tier mentions(Query query, Set<String> topicIds, boolean viaAlias) {
		return new Tier(Kind.MENTIONS, query, topicIds, viaAlias, null);
	}

	static Tier sound(Query query) {
		return new Tier(Kind.SOUND, query, Set.of(), false, null);
	}

	/** The keyword tiers of a query: exact, then (sounds-like) alias and sound. */
	static List<Tier> keyword(QueryTranslator translator, TopicMatches topics, SearchQuery query,
			@Nullable Query restriction) {
		List<Tier> tiers = new ArrayList<>();
		Query exact = translator.translate(query, restriction);
		tiers.add((query.q() != null) ? Tier.exact(exact, translator.highlight(query.q(), !query.soundsLike()))
				: Tier.mentions(exact, Set.of(query.topic()), false));
		if (query.soundsLike() && query.q() != null) {
			Set<String> named = topics.namedBy(query.q());
			Query mentioning = named.isEmpty() ? null : TopicMatches.mentioning(named);
			if (mentioning != null) {
				tiers.add(Tier.mentions(translator.translateAlias(query, restriction, mentioning), named, true));
			}
			Query sound = translator.translateSoundsLike(query, restriction, mentioning);
			if (sound != null) {
				tiers.add(Tier.sound(sound));
			}
		}
		return tiers;
	}

	/** The positive sound clause of a sounds-like query (its first clause). */
	Query soundPart() {
		return ((BooleanQuery) this.query).clauses().get(0).getQuery();
	}

	/** The closest way any of the segment's mentions matched. */
	String matchedBy(List<Mention> mentions) {
		MatchKind best = mentions.stream()
			.map(Mention::matchedBy)
			.min(Comparator.naturalOrder())
			.orElse(MatchKind.ALIAS);
		return switch (best) {
			case EXACT -> this.viaAlias ? SearchHit.ALIAS : SearchHit.EXACT;
			case ALIAS -> SearchHit.ALIAS;
			case FUZZY, PHONETIC -> SearchHit.SOUNDS_LIKE;
		};
	}

}
