package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.podlens.text.Folding;
import io.podlens.text.WordLists;
import io.podlens.text.Words;

/**
 * The terms of a text that may title a chapter: key phrases of two or three adjacent
 * words ("reinforcement learning", "mixture of experts", "世界模型") and single content
 * words. Built by rule from the kernel's word lists and the words' shapes, no listing of
 * good terms: stopwords and {@link WordLists#FILLER fillers} (interjections, discourse
 * words, conversational verbs, evaluative words) break a phrase and never stand in one;
 * {@link WordLists#GENERIC vague words} (deep, world, open, 時間) may stand inside a phrase
 * next to a content word but never alone; "of" may join the two halves of a three-word
 * phrase; adverbs in -ly, numbers, single Chinese characters and short Latin words (but
 * two-capital acronyms) break a phrase.
 */
final class ChapterTerms {

	/** Longest phrase, in words. */
	static final int MAX_WORDS = 3;

	private ChapterTerms() {
	}

	/**
	 * One occurrence of a term.
	 *
	 * @param key what counts as the same term (folded words; Latin words joined by one
	 * space, so "fine-tuning" and "fine tuning" are one)
	 * @param surface as written (whitespace collapsed)
	 * @param words how many words
	 * @param capitalised a single Latin word written with a capital not at the start of a
	 * sentence, or with capitals or digits inside (TSMC, WebGPU, R1): a name, if it is so
	 * written most of the time
	 */
	record Term(String key, String surface, int words, boolean capitalised) {

		boolean phrase() {
			return this.words > 1;
		}

	}

	private enum Kind {

		/** Never in a title: stopword, filler, number, too short. */
		BREAK,
		/** "of": only inside a three-word phrase. */
		JOIN,
		/** Inside a phrase with a content word, never alone. */
		VAGUE,
		/** Names something. */
		CONTENT

	}

	private record Token(int start, int end, String surface, String key, Kind kind, boolean latin, boolean capitalised,
			boolean head) {

		boolean han() {
			return !this.latin;
		}

	}

	static List<Term> of(String text) {
		String normalized = Folding.width(text);
		List<Term> terms = new ArrayList<>();
		List<Token> run = new ArrayList<>();
		int previousEnd = -1;
		for (Words.Segment segment : Words.of(normalized)) {
			if (!segment.word()) {
				continue;
			}
			String surface = normalized.substring(segment.start(), segment.end());
			Token token = token(normalized, segment.start(), segment.end(), surface);
			boolean adjacent = previousEnd >= 0 && joins(normalized, previousEnd, segment.start())
			// in Chinese speech a space is a pause
					&& (segment.start() == previousEnd
							|| !(token.han() && !run.isEmpty() && run.get(run.size() - 1).han()));
			if (!adjacent || token.kind == Kind.BREAK) {
				emit(normalized, run, terms);
				run.clear();
			}
			if (token.kind != Kind.BREAK) {
				run.add(token);
			}
			previousEnd = segment.end();
		}
		emit(normalized, run, terms);
		return terms;
	}

	/** Whether a word is a filler or stopword: what a title never contains. */
	static boolean filler(String word) {
		return WordLists.FILLER.contains(Folding.fold(word));
	}

	private static Token token(String text, int start, int end, String surface) {
		String key = Folding.fold(surface);
		boolean han = Folding.isHan(surface.codePointAt(0));
		boolean latin = !han;
		Kind kind;
		int length = surface.codePointCount(0, surface.length());
		boolean hasLetter = surface.chars().anyMatch(Character::isLetter);
		if (key.equals("of") && latin) {
			kind = Kind.JOIN;
		}
		else if (!hasLetter && !han) {
			kind = Kind.BREAK;
		}
		else if (WordLists.FILLER.contains(key) || numberWord(key)) {
			kind = Kind.BREAK;
		}
		else if (han ? length < 2 : !longEnough(surface, length)) {
			kind = Kind.BREAK;
		}
		else if (latin && length > 4 && key.endsWith("ly")) {
			// adverbs say how, not what
			kind = Kind.BREAK;
		}
		else if (WordLists.GENERIC.contains(key) || (latin && describes(key))) {
			kind = Kind.VAGUE;
		}
		else {
			kind = Kind.CONTENT;
		}
		// "learning", "driving": vague alone, but the head that makes "deep learning" a
		// phrase
		boolean head = kind == Kind.CONTENT || (kind == Kind.VAGUE && latin && describes(key));
		return new Token(start, end, surface, key, kind, latin, latin && nameShaped(text, start, surface), head);
	}

	/**
	 * Verb forms and adjectives by their ending (thinking, excited, impressive, famous,
	 * powerful, endless, reasonable, possible, technical): they describe or narrate, and
	 * name something only inside a phrase ("reinforcement learning", "open-ended tasks").
	 */
	static boolean describes(String key) {
		if (key.length() < 5) {
			return false;
		}
		for (String ending : DESCRIBING_ENDINGS) {
			if (key.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

	private static final List<String> DESCRIBING_ENDINGS = List.of("ing", "ed", "ive", "ous", "ful", "less", "able",
			"ible", "ical");

	/** "AI", "VR": two capitals still name something; other Latin words need three. */
	private static boolean longEnough(String surface, int length) {
		return length >= 3 || (length == 2 && surface.equals(surface.toUpperCase(Locale.ROOT))
				&& Character.isLetter(surface.charAt(0)));
	}

	/** 第三, 十五岁, 一百: ordinals and counted quantities name nothing. */
	private static boolean numberWord(String key) {
		if (key.startsWith("第")) {
			return true;
		}
		int numerals = 0;
		for (int i = 0; i < key.length(); i++) {
			if ("零一二三四五六七八九十百千万亿两几".indexOf(key.charAt(i)) >= 0) {
				numerals++;
			}
		}
		return numerals > 0 && numerals >= key.length() - 1;
	}

	private static boolean nameShaped(String text, int start, String surface) {
		boolean inner = false;
		for (int i = 1; i < surface.length(); i++) {
			char c = surface.charAt(i);
			inner |= Character.isUpperCase(c) || Character.isDigit(c);
		}
		if (inner) {
			return true;
		}
		return Character.isUpperCase(surface.charAt(0)) && !sentenceStart(text, start);
	}

	private static boolean sentenceStart(String text, int start) {
		for (int i = start - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c)) {
				return c == '.' || c == '?' || c == '!' || c == '"' || c == '“' || c == '-' || c == ':' || c == '>';
			}
		}
		return true;
	}

	/** Words form a phrase only when nothing but spaces or a hyphen stands between. */
	private static boolean joins(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c != ' ' && c != '-' && c != '\u00a0') {
				return false;
			}
		}
		return to - from <= 2;
	}

	/** The run's single content words and its phrases. */
	private static void emit(String text, List<Token> run, List<Term> terms) {
		for (int i = 0; i < run.size(); i++) {
			Token first = run.get(i);
			if (first.kind == Kind.CONTENT) {
				terms.add(new Term(first.key, first.surface, 1, first.capitalised));
			}
			if (first.kind == Kind.JOIN) {
				continue;
			}
			boolean content = first.kind == Kind.CONTENT;
			StringBuilder key = new StringBuilder(first.key);
			for (int j = i + 1; j < run.size() && j < i + MAX_WORDS; j++) {
				Token next = run.get(j);
				if (next.key.equals(run.get(j - 1).key)) {
					// "楓葉 楓葉", "data data": a repetition, not a phrase
					break;
				}
				content |= next.kind == Kind.CONTENT;
				key.append((next.latin && run.get(j - 1).latin) ? " " : "").append(next.key);
				// a head alone makes only a pair: "deep learning", not "experience of
				// building"
				if (next.kind != Kind.JOIN && (content || (next.head && j == i + 1))) {
					String surface = text.substring(first.start, next.end).replaceAll("[\\s\\u00a0]+", " ");
					terms.add(new Term(key.toString(), surface, j - i + 1, false));
				}
			}
		}
	}

}
