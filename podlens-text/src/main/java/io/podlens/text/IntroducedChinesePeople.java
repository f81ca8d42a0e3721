package io.podlens.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People a Chinese episode introduces: a person name HanLP tags ({@link NameCandidates}'s
 * {@code chinese-person} forms, with their guards) that the episode at least once
 * introduces or addresses as a person: followed by a title (劉嘉老師, 王明教授, 博士, 院士, 先生, 女士)
 * or after an introduction (我是, 我叫, 歡迎, 主持人, 嘉賓, 請到了). HanLP alone tags many ordinary
 * words as names (項量, 釋出); a title or an introduction is what a person name has and they
 * do not. Every occurrence of the name in the episode, in either script, is then a
 * reference; a person needs two.
 */
final class IntroducedChinesePeople {

	/** Titles after a name, in both scripts. */
	private static final List<String> TITLES = List.of("老师", "老師", "教授", "博士", "院士", "先生", "女士");

	/** Words right before a name that introduce a person, in both scripts. */
	private static final List<String> INTRODUCTIONS = List.of("我是", "我叫", "欢迎", "歡迎", "主持人", "嘉宾", "嘉賓", "请到了", "請到了",
			"邀请到", "邀請到");

	private IntroducedChinesePeople() {
	}

	/**
	 * @param texts the episode's segment texts in order
	 * @param candidates {@link NameCandidates#findAll} of the texts
	 */
	static List<IntroducedNames.Name> find(List<String> texts, List<List<NameCandidates.Found>> candidates) {
		Map<Character, Character> simplified = new HashMap<>();
		// The name in Simplified characters -> the forms written, with their count.
		Map<String, Map<String, Integer>> introduced = new LinkedHashMap<>();
		for (int t = 0; t < candidates.size(); t++) {
			String text = texts.get(t);
			for (NameCandidates.Found f : candidates.get(t)) {
				if (f.kind() == NameCandidates.Kind.CHINESE_PERSON && f.surface().length() >= 2
						&& f.surface().length() <= 3
						&& (TITLES.stream().anyMatch((w) -> text.startsWith(w, f.end())) || INTRODUCTIONS.stream()
							.anyMatch((w) -> text.startsWith(w, f.start() - w.length())))) {
					introduced.computeIfAbsent(simplified(f.surface(), simplified), (k) -> new HashMap<>())
						.merge(f.surface(), 1, Integer::sum);
				}
			}
		}
		List<IntroducedNames.Name> people = new ArrayList<>();
		introduced.forEach((key, forms) -> {
			List<IntroducedNames.Reference> references = new ArrayList<>();
			for (int t = 0; t < texts.size(); t++) {
				String text = texts.get(t);
				for (int i = 0; i + key.length() <= text.length(); i++) {
					if (sameName(text, i, key, simplified)) {
						references.add(new IntroducedNames.Reference(t, i, i + key.length(),
								text.substring(i, i + key.length())));
						i += key.length() - 1;
					}
				}
			}
			if (references.size() >= IntroducedNames.MIN_REFERENCES) {
				String name = IntroducedPeople.mostWritten(forms);
				people.add(new IntroducedNames.Name(name, NameCandidates.soundKey(name),
						NameCandidates.Kind.INTRODUCED_PERSON, references));
			}
		});
		return people;
	}

	private static boolean sameName(String text, int at, String key, Map<Character, Character> simplified) {
		for (int k = 0; k < key.length(); k++) {
			if (simplified(text.charAt(at + k), simplified) != key.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static String simplified(String name, Map<Character, Character> cache) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			out.append(simplified(name.charAt(i), cache));
		}
		return out.toString();
	}

	/**
	 * One character in Simplified script (character by character: names have no phrases).
	 */
	private static char simplified(char c, Map<Character, Character> cache) {
		if (c < 0x3400) {
			return c;
		}
		return cache.computeIfAbsent(c, (ch) -> {
			String s = SimplifiedChinese.convert(String.valueOf(ch));
			return (s.length() == 1) ? s.charAt(0) : ch;
		});
	}

}
