package io.podlens.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Organisations an episode's speakers say they work for or lead ("I am the CEO of
 * Zenlytic", "I work at Fennick Labs"): after a role (CEO, founder, head, engineer ...)
 * followed by "of" or "at", or a form of "work" followed by "at" or "for", one to three
 * capitalised words (an optional "the" before them) that are not all ordinary words, not
 * a given name alone, a day, month, language or place, in a line that is not title case.
 * Every later occurrence of the name is a reference, in any case when the name is no
 * English word (captions write "zenlytic"), a plural "s" too ("Zenlytics"); an
 * organisation needs two references in the episode.
 */
final class IntroducedCompanies {

	/** Roles after which "of" or "at" names where one works. */
	private static final Set<String> ROLES = Set.of("ceo", "cto", "coo", "cfo", "cpo", "cmo", "cso", "founder",
			"cofounder", "co-founder", "president", "chairman", "chairwoman", "head", "vp", "director", "partner",
			"engineer", "researcher", "scientist", "manager", "lead", "officer", "employee", "intern");

	private static final Set<String> WORK = Set.of("work", "works", "worked", "working");

	/** Words that open a sponsor read, before the sponsor's name. */
	private static final List<List<String>> SPONSOR_CUES = List.of(List.of("supported", "by"),
			List.of("sponsored", "by"), List.of("brought", "to", "you", "by"));

	private static final Set<String> NOT_IN_SPONSOR_NAMES = Set.of("i", "you", "your", "we", "our", "us", "my", "me",
			"they", "their", "he", "she", "his", "her", "it", "its", "like", "all", "everyone");

	/** Most words of an organisation's name. */
	private static final int MAX_WORDS = 3;

	private IntroducedCompanies() {
	}

	static List<IntroducedNames.Name> find(List<String> texts, List<List<NameWord>> words) {
		// Folded words of the name -> the name as written, with its count.
		Map<List<String>, Map<String, Integer>> named = new LinkedHashMap<>();
		for (List<NameWord> line : words) {
			if (NameWord.titleCase(line)) {
				continue;
			}
			for (int i = 0; i + 2 < line.size(); i++) {
				String cue = line.get(i).text().toLowerCase(Locale.ROOT);
				String link = line.get(i + 1).text().toLowerCase(Locale.ROOT);
				boolean works = (ROLES.contains(cue) && (link.equals("of") || link.equals("at")))
						|| (WORK.contains(cue) && (link.equals("at") || link.equals("for")));
				int sponsor = sponsorCue(line, i);
				if (!works && sponsor < 0) {
					continue;
				}
				int from = works ? i + 2 : sponsor;
				if (from < line.size() && line.get(from).text().equals("the") && from + 1 < line.size()) {
					from++;
				}
				List<NameWord> run = (from < line.size()) ? run(line, from, sponsor >= 0) : null;
				if (run != null) {
					named.computeIfAbsent(run.stream().map(NameWord::key).toList(), (k) -> new HashMap<>())
						.merge(written(run), 1, Integer::sum);
				}
			}
		}
		List<IntroducedNames.Name> companies = new ArrayList<>();
		named.forEach((keys, spellings) -> {
			String name = IntroducedPeople.mostWritten(spellings);
			List<IntroducedNames.Reference> references = references(texts, words, keys);
			if (references.size() >= IntroducedNames.MIN_REFERENCES) {
				companies.add(new IntroducedNames.Name(name, NameCandidates.soundKey(name),
						NameCandidates.Kind.INTRODUCED_COMPANY, references));
			}
		});
		return companies;
	}

	/**
	 * Where the sponsor's name starts when the words at {@code i} open a sponsor read
	 * ("supported by", "sponsored by", "brought to you by"), else -1.
	 */
	private static int sponsorCue(List<NameWord> line, int i) {
		for (List<String> cue : SPONSOR_CUES) {
			if (i + cue.size() >= line.size()) {
				continue;
			}
			boolean matches = true;
			for (int k = 0; k < cue.size() && matches; k++) {
				matches = line.get(i + k).text().toLowerCase(Locale.ROOT).equals(cue.get(k));
			}
			if (matches) {
				return i + cue.size();
			}
		}
		return -1;
	}

	/**
	 * The capitalised words of a name starting at {@code from}, or null. After a sponsor
	 * cue a name of two capitalised ordinary words is a name too ("Code Comments"):
	 * nobody capitalises "code comments" otherwise.
	 */
	private static List<NameWord> run(List<NameWord> line, int from, boolean sponsor) {
		List<NameWord> run = new ArrayList<>();
		for (int i = from; i < line.size() && run.size() < MAX_WORDS; i++) {
			NameWord word = line.get(i);
			if (!word.capitalised() || (!run.isEmpty() && !run.get(run.size() - 1).followedBy(word))) {
				break;
			}
			run.add(word);
			if (!word.bare().equals(word.text())) {
				break;
			}
		}
		if (run.isEmpty() || (from + run.size() < line.size() && run.size() == MAX_WORDS
				&& line.get(from + run.size()).capitalised())) {
			return null;
		}
		boolean allOrdinary = run.stream().allMatch((w) -> NameWord.isOrdinary(w.key()));
		String first = run.get(0).key();
		// after a sponsor cue ("supported by Listeners like you") one word must be no
		// English word at all
		boolean word = run.size() == 1 && WordLists.ENGLISH_WORDS.contains(first);
		// "brought to you by Our Sponsors", "Listeners Like You": function words and
		// pronouns are in no sponsor's name
		boolean function = run.stream()
			.anyMatch((w) -> WordLists.STOPWORDS.contains(w.key()) || NOT_IN_SPONSOR_NAMES.contains(w.key()));
		if ((allOrdinary && !(sponsor && run.size() >= 2)) || (sponsor && (word || function))
				|| (run.size() == 1 && IntroducedPeople.GIVEN_NAMES.contains(first))
				|| run.stream().anyMatch((w) -> NameCandidates.NOT_NAMES.contains(w.key()) || w.key().length() < 2)) {
			return null;
		}
		return run;
	}

	private static String written(List<NameWord> run) {
		StringBuilder name = new StringBuilder();
		for (NameWord word : run) {
			name.append(name.isEmpty() ? "" : " ").append(word.bare());
		}
		return name.toString();
	}

	/**
	 * Every occurrence of the name's words in a row: capitalised, or in any case when the
	 * name is no English word; the last word may take a plural "s".
	 */
	private static List<IntroducedNames.Reference> references(List<String> texts, List<List<NameWord>> words,
			List<String> keys) {
		boolean anyCase = keys.stream().anyMatch((k) -> !WordLists.ENGLISH_WORDS.contains(k));
		List<IntroducedNames.Reference> references = new ArrayList<>();
		for (int t = 0; t < words.size(); t++) {
			List<NameWord> line = words.get(t);
			for (int i = 0; i + keys.size() <= line.size(); i++) {
				int end = matches(line, i, keys, anyCase);
				if (end >= 0) {
					NameWord first = line.get(i);
					references.add(new IntroducedNames.Reference(t, first.start(), end,
							texts.get(t).substring(first.start(), end)));
					i += keys.size() - 1;
				}
			}
		}
		return references;
	}

	/** The end of the name when it is written at {@code i}, else -1. */
	private static int matches(List<NameWord> line, int i, List<String> keys, boolean anyCase) {
		for (int k = 0; k < keys.size(); k++) {
			NameWord word = line.get(i + k);
			if ((k > 0 && !line.get(i + k - 1).followedBy(word)) || (!anyCase && !word.capitalised())) {
				return -1;
			}
			String key = word.key();
			boolean last = k == keys.size() - 1;
			boolean plural = last && key.equals(keys.get(k) + "s") && keys.get(k).length() >= 4;
			if (!key.equals(keys.get(k)) && !plural) {
				return -1;
			}
		}
		NameWord last = line.get(i + keys.size() - 1);
		return last.start() + last.bare().length();
	}

}
