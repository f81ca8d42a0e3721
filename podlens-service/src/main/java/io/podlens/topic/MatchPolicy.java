package io.podlens.topic;

/**
 * Every threshold and weight of topic matching in one place, grouped by the layer that
 * uses it. The figures were tuned on the labelled seed and English captions; change them
 * only together with {@code TopicQualityTests}.
 *
 * @param context how the talk around a form is weighed
 * @param exact exact names and aliases
 * @param han Han sound matching: homophones and Hanzi spellings of Latin names
 * @param latin sound-aware fuzzy matching of Latin names
 * @param guards what a fuzzy or sound-alike form needs beyond its closeness, by the
 * category of the topic it would name
 */
record MatchPolicy(Context context, Exact exact, Han han, Latin latin, Guards guards, Versions versions) {

	/** The figures Podlens ships with. */
	static final MatchPolicy DEFAULTS = new MatchPolicy(new Context(2, // windowSegments
			4, // cueTokens
			1, // aiTalk
			2, // denseAiTalk
			1, // namedElsewhere
			2), // namedOften
			new Exact(2, // minNameLength
					2, // maxAmbiguousLength
					3, // maxCapsOnlyLength
					1.0, // name
					0.8, // ambiguousName
					0.95, // alias
					0.75, // ambiguousAlias
					2), // maxOrdinaryHanLength
			new Han(5, // minSpellingPinyin
					8, // maxWindow
					2, // minWindow
					1, // lengthSlack
					2, // shortWindow
					0.8, // homophone
					3, // minSpellingWindow
					0.75, // spelling
					3, // minNearWindow
					6, // minNearPinyin
					1, // nearPinyinSlack
					1, // nearEdits
					0.65), // nearHomophone
			new Latin(3, // maxTokens
					3, // minWordLength
					3, // minNameLength
					2, // maxLengthGap
					6, // maxAcronymLetters
					4, // maxShortLength
					0.5, // startSubstitution
					5, // minSingleWordLength
					0.5, // singleWordDistance
					1, // singleWordLengthGap
					0.75, // singleWordConfidence
					0.1, // singleWordRankBonus
					1.0, // shortDistance
					1.0, // commonDistance
					1, // relaxedLengthGap
					3, // anchoredMinFirst
					2, // anchoredPrefix
					5, // minVersionedHead
					4, // minHead
					2, // versionSlack
					0.9, // maxConfidence
					0.45, // minConfidence
					0.5, // relaxedConfidence
					0.03, // supportRank
					2, // maxRankSupport
					0.1), // tokenRank
			new Guards(0.75, // partialLength
					3, // maxFunctionWord
					5, // shortName
					new Category(5, 0, false), // model
					new Category(6, 0, false), // organization
					new Category(6, 0, false), // product
					new Category(Integer.MAX_VALUE, 3, true), // person
					new Category(0, 0, false)), // concept, theme
			new Versions(0.8, // normalized
					0.85, // joined
					0.8, // bare
					0.7, // bareNormalized
					2)); // namedElsewhere

	/**
	 * The talk around a form: segments either side, AI cue density and how often the
	 * episode names the topic unambiguously ("support").
	 *
	 * @param windowSegments segments on each side of a form that count as its
	 * surroundings
	 * @param cueTokens longest run of tokens looked up as an AI cue or topic cue
	 * @param aiTalk AI cues in the window from which the talk is taken to be about AI
	 * @param denseAiTalk AI cues in the window that make even a short or ordinary-looking
	 * form believable
	 * @param namedElsewhere support from which the episode is taken to name the topic
	 * @param namedOften support from which a looser spelling of the name is trusted
	 */
	record Context(int windowSegments, int cueTokens, int aiTalk, int denseAiTalk, int namedElsewhere, int namedOften) {
	}

	/**
	 * Exact names and aliases, folded for case, width and script.
	 *
	 * @param minNameLength code points below which a name or alias is never indexed
	 * (single letters, single Han characters)
	 * @param maxAmbiguousLength a single Latin word this short is ambiguous, like a
	 * common English word
	 * @param maxCapsOnlyLength a single Latin name this short, written with capitals,
	 * matches only when written with capitals
	 * @param name confidence of a topic's own name
	 * @param ambiguousName confidence of a name that is also an ordinary word
	 * @param alias confidence of an alias
	 * @param ambiguousAlias confidence of an alias that is also an ordinary word
	 * @param maxOrdinaryHanLength a Chinese name of a topic flagged ambiguous this short
	 * may be an ordinary word (苹果, 小米, 豆包, 火山; the dictionary knows only some), so it
	 * needs the topic's cues
	 */
	record Exact(int minNameLength, int maxAmbiguousLength, int maxCapsOnlyLength, double name, double ambiguousName,
			double alias, double ambiguousAlias, int maxOrdinaryHanLength) {
	}

	/**
	 * Han sound matching over runs of uncovered Han tokens.
	 *
	 * @param minSpellingPinyin pinyin letters below which a Hanzi rendering of a Latin
	 * name is not indexed
	 * @param maxWindow longest window of Han tokens compared
	 * @param minWindow shortest window of Han tokens compared
	 * @param lengthSlack how many characters a window may differ from the Chinese name
	 * @param shortWindow a window this short needs dense AI talk (or the topic's cues)
	 * @param homophone confidence of a homophone of a Chinese name
	 * @param minSpellingWindow shortest window taken as a Hanzi spelling of a Latin name
	 * @param spelling confidence of a Hanzi spelling of a Latin name
	 * @param minNearWindow shortest window taken as a near-homophone
	 * @param minNearPinyin pinyin letters below which neither window nor name is taken as
	 * a near-homophone
	 * @param nearPinyinSlack how many pinyin letters a near-homophone may differ in
	 * length
	 * @param nearEdits unit-cost edits of the pinyin allowed for a near-homophone
	 * @param nearHomophone confidence of a near-homophone
	 */
	record Han(int minSpellingPinyin, int maxWindow, int minWindow, int lengthSlack, int shortWindow, double homophone,
			int minSpellingWindow, double spelling, int minNearWindow, int minNearPinyin, int nearPinyinSlack,
			int nearEdits, double nearHomophone) {
	}

	/**
	 * Sound-aware fuzzy matching of Latin spans against Latin names. Distances are those
	 * of {@link io.podlens.text.LatinSound#SOUND}, lengths are of sound-normalised
	 * spellings.
	 *
	 * @param maxTokens longest span of tokens compared
	 * @param minWordLength letters below which a single word (a filler, a particle) never
	 * starts a name
	 * @param minNameLength normalised length below which neither span nor name is fuzzed
	 * @param maxLengthGap how much longer or shorter a span may be than the name, unless
	 * digits are spelled out
	 * @param maxAcronymLetters letters up to which capitals, digits and single letters
	 * read as a spelled-out acronym
	 * @param maxShortLength a name or span this short is never fuzzed, only matched by
	 * its sound skeleton
	 * @param startSubstitution largest substitution cost between first letters for a name
	 * to be compared at all
	 * @param minSingleWordLength shortest single word in Latin text taken as a misheard
	 * name
	 * @param singleWordDistance largest distance for a single word in Latin text
	 * @param singleWordLengthGap largest length gap for a single word in Latin text
	 * @param singleWordConfidence confidence of a single word in Latin text
	 * @param singleWordRankBonus rank advantage of a single word in Latin text
	 * @param shortDistance largest distance for a short name with the same skeleton
	 * @param commonDistance largest distance for a capitalised common word in Chinese
	 * text
	 * @param relaxedLengthGap largest length gap for a looser spelling of a name the
	 * episode uses often
	 * @param anchoredMinFirst shortest normalised first word of an anchored phrase
	 * @param anchoredPrefix letters the first word of an anchored phrase shares with the
	 * name
	 * @param minVersionedHead shortest head of a versioned name matched by head and
	 * version
	 * @param minHead shortest head of a span matched by head and version
	 * @param versionSlack how many characters a span's version may exceed the name's
	 * @param maxConfidence confidence of an exact-sounding match, lowered by the distance
	 * ratio
	 * @param minConfidence lowest confidence of a match within the limits
	 * @param relaxedConfidence confidence of a match accepted only by a relaxed rule
	 * @param supportRank rank advantage per unambiguous mention of the topic
	 * @param maxRankSupport mentions of the topic counted for the rank
	 * @param tokenRank rank advantage per token of the span (longer spans first)
	 */
	record Latin(int maxTokens, int minWordLength, int minNameLength, int maxLengthGap, int maxAcronymLetters,
			int maxShortLength, double startSubstitution, int minSingleWordLength, double singleWordDistance,
			int singleWordLengthGap, double singleWordConfidence, double singleWordRankBonus, double shortDistance,
			double commonDistance, int relaxedLengthGap, int anchoredMinFirst, int anchoredPrefix, int minVersionedHead,
			int minHead, int versionSlack, double maxConfidence, double minConfidence, double relaxedConfidence,
			double supportRank, int maxRankSupport, double tokenRank) {
	}

	/**
	 * Evidence a fuzzy or sound-alike form needs beyond its closeness to a name, by the
	 * category of the topic. "Cued" means one of the topic's context cues is within the
	 * context window, or the episode names the topic unambiguously elsewhere. Rules that
	 * hold for every category (a sound-alike must not cut a dictionary word; a span's
	 * function words must be words of the name; a span made of English words needs a cue)
	 * are in the layers.
	 *
	 * @param partialLength a span whose sound-normalised spelling is shorter than this
	 * share of the name's, with fewer words, is partial (a surname alone, a head without
	 * its version) and must be cued
	 * @param maxFunctionWord letters up to which a function word or filler of the span
	 * that is not a word of the name rules the span out ("scale um", "R1 is", "got 200")
	 * @param shortName letters and digits of a Latin name below which it never takes an
	 * English word, and takes another form only when written in capitals or named firmly
	 * in the episode (short names sound like many words: Demo is not DINO)
	 * @param model models and model families
	 * @param organization labs, companies, universities
	 * @param product products, tools, hardware
	 * @param person people
	 * @param other concepts and themes
	 */
	record Guards(double partialLength, int maxFunctionWord, int shortName, Category model, Category organization,
			Category product, Category person, Category other) {

		Category of(TopicCategory category) {
			return switch (category) {
				case MODEL -> this.model;
				case ORGANIZATION -> this.organization;
				case PRODUCT -> this.product;
				case PERSON -> this.person;
				default -> this.other;
			};
		}

	}

	/**
	 * The version grammar ({@link ModelVersions}): confidence of what it reads.
	 *
	 * @param normalized a version read by rule (a leading zero as o, number words) after
	 * a family: at most this
	 * @param joined a version joined to a mentioned one by "and", "or" ...: at most this
	 * @param bare a bare tail ("R1") resolved by the family the talk names
	 * @param bareNormalized a bare tail read by rule ("03 mini")
	 * @param namedElsewhere firm mentions of a family anywhere in the episode that let a
	 * bare tail far from it resolve to it
	 */
	record Versions(double normalized, double joined, double bare, double bareNormalized, int namedElsewhere) {
	}

	/**
	 * One category's guards.
	 *
	 * @param minUncuedLength letters and digits of a Latin name below which a fuzzy or
	 * phonetic match of it must be cued (persons: always, since first names and surnames
	 * are ordinary words somewhere)
	 * @param minUncuedHan characters of a Chinese name below which a homophone of it must
	 * be cued
	 * @param singleWordNeedsSupport a one-word span (a surname, a first name) is taken
	 * only when the episode names the topic firmly elsewhere
	 */
	record Category(int minUncuedLength, int minUncuedHan, boolean singleWordNeedsSupport) {
	}

}
