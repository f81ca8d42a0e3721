package io.podlens.topic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.podlens.text.Folding;
import io.podlens.text.LatinSound;
import io.podlens.text.Pinyin;
import io.podlens.text.Token;
import io.podlens.text.Tokens;
import io.podlens.text.WordLists;

/**
 * Everything precomputed from a taxonomy once: folded alias keys for exact matching,
 * sound-normalised Latin names for fuzzy and phonetic matching, and pinyin keys (with an
 * index by character for near-homophones) for Chinese homophones and Hanzi spellings of
 * Latin names. The layers only read it.
 */
final class AliasIndex {

	/**
	 * A name or alias of a topic, as a folded key.
	 *
	 * @param ambiguous the form may be an ordinary word (a common English word, a very
	 * short word): the talk around it must confirm it
	 * @param ordinary a single-word form of a topic flagged {@link Topic#ambiguous()} (a
	 * Latin word, or a short Chinese name): in Latin script it needs the topic's context
	 * cues nearby unless written exactly as listed; in Chinese it is judged as ambiguous
	 */
	record Entry(Topic topic, String written, String key, MatchKind kind, int tokens, boolean ambiguous,
			boolean requireCaps, boolean ordinary) {
	}

	/**
	 * A Latin name prepared for fuzzy comparison; {@code ordinary} as in {@link Entry}.
	 */
	record LatinName(Topic topic, String written, String key, String normalized, String spelled, String skeleton,
			String head, String tail, int tokens, int letterTokens, String lastToken, boolean acronym,
			boolean ordinary) {
	}

	/**
	 * A name keyed by pinyin letters: a Chinese name ({@code hanText} its characters) or
	 * a Hanzi rendering of a Latin name ({@code hanText} null); {@code ordinary} as in
	 * {@link Entry}.
	 */
	record SoundName(Topic topic, String written, String pinyin, String hanText, int hanLength, boolean ordinary) {
	}

	final Map<String, List<Entry>> exact = new HashMap<>();

	final List<LatinName> latin = new ArrayList<>();

	/** Chinese names by the pinyin of their characters. */
	final Map<String, List<SoundName>> pinyin = new HashMap<>();

	/** Latin names by the flattened pinyin of their Hanzi spellings. */
	final Map<String, List<SoundName>> latinSounds = new HashMap<>();

	/** Each topic's context cues, as folded keys, by topic id. */
	final Map<String, Set<String>> cues = new HashMap<>();

	/**
	 * Each topic's specific context cues, by topic id: the cues that are names of topics
	 * or Chinese, or that are neither English words nor general AI cues ("udacity",
	 * "openai", "排名", not "data" or "image"). An English word taken for a misheard name
	 * needs one of these.
	 */
	final Map<String, Set<String>> specificCues = new HashMap<>();

	/** Each topic's ancestors (parent, its parent, ...), by topic id. */
	final Map<String, Set<String>> ancestors = new HashMap<>();

	/**
	 * Characters of Chinese aliases: a window sharing none cannot be a near-homophone.
	 */
	private final Map<Character, List<SoundName>> hanAliasByChar = new HashMap<>();

	int maxTokens = 1;

	private final MatchPolicy policy;

	AliasIndex(Taxonomy taxonomy, MatchPolicy policy) {
		this.policy = policy;
		for (Topic topic : taxonomy.topics()) {
			for (String name : topic.names()) {
				add(topic, name, name.equals(topic.name()) ? MatchKind.EXACT : MatchKind.ALIAS);
			}
			Set<String> cueKeys = new HashSet<>();
			for (String cue : topic.contextCues()) {
				cueKeys.add(Folding.key(cue));
			}
			this.cues.put(topic.id(), cueKeys);
			List<String> line = taxonomy.withAncestors(topic.id());
			this.ancestors.put(topic.id(), Set.copyOf(line.subList(1, line.size())));
		}
		// after all names are indexed: a cue that is a topic's name is specific
		for (Topic topic : taxonomy.topics()) {
			Set<String> specific = new HashSet<>();
			for (String cue : this.cues.get(topic.id())) {
				if (this.exact.containsKey(cue) || taxonomy.topic(cue).isPresent()
						|| (!WordLists.AI_CUES.contains(cue) && !CommonWords.isWord(cue))) {
					specific.add(cue);
				}
			}
			this.specificCues.put(topic.id(), specific);
		}
	}

	private void add(Topic topic, String name, MatchKind kind) {
		List<Token> tokens = Tokens.of(name);
		if (tokens.isEmpty()) {
			return;
		}
		String key = Folding.key(name);
		boolean allHan = tokens.stream().allMatch(Token::han);
		boolean anyHan = tokens.stream().anyMatch(Token::han);
		// single letters and single Han characters are never names on their own
		if (key.codePointCount(0, key.length()) < this.policy.exact().minNameLength()) {
			return;
		}
		boolean singleLatin = tokens.size() == 1 && !anyHan;
		boolean ordinary = topic.ambiguous() && (singleLatin ? !tokens.get(0).hasDigit()
				: allHan && key.length() <= this.policy.exact().maxOrdinaryHanLength());
		boolean ambiguous = singleLatin
				&& (WordLists.COMMON_ENGLISH.contains(key) || key.length() <= this.policy.exact().maxAmbiguousLength());
		boolean requireCaps = singleLatin && key.length() <= this.policy.exact().maxCapsOnlyLength()
				&& !name.equals(name.toLowerCase());
		this.exact.computeIfAbsent(key, (k) -> new ArrayList<>())
			.add(new Entry(topic, name, key, kind, tokens.size(), ambiguous, requireCaps, ordinary));
		this.maxTokens = Math.max(this.maxTokens, tokens.size());
		if (allHan) {
			StringBuilder py = new StringBuilder();
			for (Token token : tokens) {
				py.append(Pinyin.of(token.key()));
			}
			SoundName sound = new SoundName(topic, name, py.toString(), key, tokens.size(), ordinary);
			addSound(sound);
			for (char c : key.toCharArray()) {
				List<SoundName> sharing = this.hanAliasByChar.computeIfAbsent(c, (k) -> new ArrayList<>());
				// a name with a repeated character is listed once
				if (sharing.isEmpty() || sharing.get(sharing.size() - 1) != sound) {
					sharing.add(sound);
				}
			}
		}
		else if (!anyHan) {
			addLatin(topic, name, tokens, ordinary);
			for (String sound : HanSound.keys(name)) {
				if (sound.length() >= this.policy.han().minSpellingPinyin()) {
					this.latinSounds.computeIfAbsent(HanSound.flatten(sound), (k) -> new ArrayList<>())
						.add(new SoundName(topic, name, sound, null, 0, ordinary));
				}
			}
		}
	}

	private void addLatin(Topic topic, String name, List<Token> tokens, boolean ordinary) {
		StringBuilder normalized = new StringBuilder();
		StringBuilder head = new StringBuilder();
		StringBuilder tail = new StringBuilder();
		for (Token token : tokens) {
			normalized.append(LatinSound.normalize(token.key()));
			if (tail.length() == 0 && !token.hasDigit()) {
				head.append(LatinSound.normalize(token.key()));
			}
			else {
				tail.append(token.key());
			}
		}
		String norm = normalized.toString();
		int letterTokens = (int) tokens.stream().filter(Token::hasLetter).count();
		this.latin.add(new LatinName(topic, name, Folding.key(name), norm, LatinSound.spelled(tokens),
				LatinSound.skeleton(norm), head.toString(), tail.toString(), tokens.size(), letterTokens,
				tokens.get(tokens.size() - 1).key(), tokens.get(0).allCaps(), ordinary));
	}

	private void addSound(SoundName name) {
		this.pinyin.computeIfAbsent(name.pinyin(), (k) -> new ArrayList<>()).add(name);
	}

	/**
	 * Chinese aliases sharing at least one character with {@code han} that pass
	 * {@code wanted}, each once, in the order of the characters.
	 */
	List<SoundName> sharingCharacter(String han, Predicate<SoundName> wanted) {
		// The cheap test first, then identity (each name is one instance; a record's hash
		// would cover the topic's lists), since a large taxonomy pays this per window.
		Set<SoundName> seen = null;
		List<SoundName> out = new ArrayList<>();
		for (int i = 0; i < han.length(); i++) {
			for (SoundName name : this.hanAliasByChar.getOrDefault(han.charAt(i), List.of())) {
				if (!wanted.test(name)) {
					continue;
				}
				if (seen == null) {
					seen = Collections.newSetFromMap(new IdentityHashMap<>());
				}
				if (seen.add(name)) {
					out.add(name);
				}
			}
		}
		return out;
	}

}
