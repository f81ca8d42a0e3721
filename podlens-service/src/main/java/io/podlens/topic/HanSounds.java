package io.podlens.topic;

import io.podlens.text.EditDistance;

import io.podlens.text.Token;
import io.podlens.text.Pinyin;
import io.podlens.text.Words;

import java.util.BitSet;
import java.util.List;

/**
 * The second layer, over runs of Han tokens the exact layer left: homophones of Chinese
 * names (項量 for 向量), Hanzi spellings of Latin names (拉玛三 for Llama 3) and, in AI talk,
 * near-homophones one pinyin edit from a Chinese name. Longest windows first. A window
 * starts and ends at word boundaries of the kernel's dictionary segmentation of its run:
 * it covers whole words, or characters that are no dictionary word (個新 in 這個新的 is not 格芯,
 * 題二 in 問題二 is not 提爾, 司可 in 公司可以 is not 思科).
 */
final class HanSounds {

	private final AliasIndex index;

	private final MatchPolicy.Han policy;

	private final MatchPolicy.Context context;

	private final MatchPolicy.Guards guards;

	HanSounds(AliasIndex index, MatchPolicy policy) {
		this.index = index;
		this.policy = policy.han();
		this.context = policy.context();
		this.guards = policy.guards();
	}

	/**
	 * Adds the episode's Han sound mentions to {@code accepted}, records them near their
	 * segment (not as firm support) and covers their tokens.
	 */
	void find(EpisodeState episode, List<Candidate> accepted) {
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			List<Token> tokens = seg.tokens();
			int i = 0;
			while (i < tokens.size()) {
				if (!tokens.get(i).han() || seg.covered(i)) {
					i++;
					continue;
				}
				int runEnd = i;
				while (runEnd + 1 < tokens.size() && tokens.get(runEnd + 1).han() && !seg.covered(runEnd + 1)
						&& tokens.get(runEnd + 1).gapBefore()) {
					runEnd++;
				}
				findInRun(episode, s, i, runEnd + 1, accepted);
				i = runEnd + 1;
			}
		}
	}

	private void findInRun(EpisodeState episode, int s, int from, int to, List<Candidate> accepted) {
		EpisodeState.Segment seg = episode.segment(s);
		BitSet insideWord = insideWords(seg, from, to);
		int p = from;
		while (p < to) {
			int matched = 0;
			for (int w = Math.min(this.policy.maxWindow(), to - p); w >= this.policy.minWindow() && matched == 0; w--) {
				if (insideWord.get(seg.token(p).start()) || insideWord.get(seg.token(p + w - 1).end())) {
					// the window would cut a dictionary word of the run
					continue;
				}
				StringBuilder py = new StringBuilder();
				StringBuilder han = new StringBuilder();
				for (int k = p; k < p + w; k++) {
					py.append(Pinyin.of(seg.token(k).key()));
					han.append(seg.token(k).key());
				}
				Candidate hit = soundHit(episode, s, p, p + w, py.toString(), han.toString());
				if (hit != null) {
					accepted.add(hit);
					episode.confirmNearby(hit);
					seg.cover(p, p + w);
					matched = w;
				}
			}
			p += (matched > 0) ? matched : 1;
		}
	}

	/**
	 * Whether a Chinese name is too short for its category to be taken by sound without
	 * the topic's cue (a two-character surname of a person), unless the episode names the
	 * topic unambiguously elsewhere.
	 */
	private boolean shortForCategory(EpisodeState episode, AliasIndex.SoundName name) {
		return name.hanLength() < this.guards.of(name.topic().category()).minUncuedHan()
				&& episode.support(name.topic()) < this.context.namedElsewhere();
	}

	/**
	 * Offsets of the segment's text that lie inside a dictionary word of two or more
	 * characters, by the kernel's segmentation of the run of tokens {@code from..to}: no
	 * window may start or end there.
	 */
	static BitSet insideWords(EpisodeState.Segment seg, int from, int to) {
		int runStart = seg.token(from).start();
		String run = seg.text().substring(runStart, seg.token(to - 1).end());
		BitSet inside = new BitSet();
		for (Words.Segment word : Words.of(run)) {
			if (word.word() && word.length() >= 2) {
				inside.set(runStart + word.start() + 1, runStart + word.end());
				if (ChineseWords.isFunctionCharacter(run.charAt(word.end() - 1))) {
					// the dictionary has words ending in a particle or conjunction (量的,
					// 三和): a name may end before it
					inside.clear(runStart + word.end() - 1);
				}
			}
		}
		return inside;
	}

	/**
	 * Whether the pinyin are at most {@code nearEdits} unit edits apart. Asked for every
	 * name sharing a character with a window, so one edit, the setting shipped, is
	 * decided in linear time without the distance table.
	 */
	private boolean withinEdits(String a, String b) {
		return (this.policy.nearEdits() == 1) ? withinOneEdit(a, b)
				: EditDistance.LEVENSHTEIN.distance(a, b) <= this.policy.nearEdits();
	}

	/**
	 * Whether two strings are at most one insertion, deletion or substitution apart
	 * ({@link EditDistance#LEVENSHTEIN} at most 1).
	 */
	static boolean withinOneEdit(String a, String b) {
		int la = a.length();
		int lb = b.length();
		if (Math.abs(la - lb) > 1) {
			return false;
		}
		int i = 0;
		while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (i == la && i == lb) {
			return true;
		}
		if (la == lb) {
			return a.regionMatches(i + 1, b, i + 1, la - i - 1);
		}
		return (la > lb) ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
	}

	/** The topic the window of Han tokens {@code from..to} sounds like, if any. */
	Candidate soundHit(EpisodeState episode, int s, int from, int to, String py, String han) {
		EpisodeState.Segment seg = episode.segment(s);
		int w = to - from;
		int start = seg.token(from).start();
		int end = seg.token(to - 1).end();
		int ai = episode.aiWindow(s);
		int neededAi = (w <= this.policy.shortWindow()) ? this.context.denseAiTalk() : this.context.aiTalk();
		for (AliasIndex.SoundName name : this.index.pinyin.getOrDefault(py, List.of())) {
			if (name.hanText().equals(han) || Math.abs(name.hanLength() - w) > this.policy.lengthSlack()
					|| !ChineseWords.plausibleMishearing(han, name.hanText())) {
				continue;
			}
			boolean cue = episode.topicCueNear(s, name.topic());
			if ((ai >= neededAi || cue) && (cue || !name.ordinary()) && (cue || !shortForCategory(episode, name))) {
				return new Candidate(name.topic(), s, from, to, start, end, MatchKind.PHONETIC,
						this.policy.homophone());
			}
		}
		if (ai < this.context.aiTalk()) {
			return null;
		}
		if (w >= this.policy.minSpellingWindow()) {
			List<AliasIndex.SoundName> spellings = this.index.latinSounds.getOrDefault(HanSound.flatten(py), List.of());
			if (!spellings.isEmpty()
					&& (!spellings.get(0).ordinary() || episode.topicCueNear(s, spellings.get(0).topic()))) {
				return new Candidate(spellings.get(0).topic(), s, from, to, start, end, MatchKind.PHONETIC,
						this.policy.spelling());
			}
		}
		if (w < this.policy.minNearWindow() || py.length() < this.policy.minNearPinyin()) {
			return null;
		}
		int pinyinLength = py.length();
		for (AliasIndex.SoundName name : this.index.sharingCharacter(han,
				(n) -> Math.abs(n.hanLength() - w) <= this.policy.lengthSlack()
						&& n.pinyin().length() >= this.policy.minNearPinyin()
						&& Math.abs(n.pinyin().length() - pinyinLength) <= this.policy.nearPinyinSlack())) {
			if (withinEdits(py, name.pinyin()) && ChineseWords.plausibleMishearing(han, name.hanText())
					&& (!name.ordinary() || episode.topicCueNear(s, name.topic()))
					&& (!shortForCategory(episode, name) || episode.topicCueNear(s, name.topic()))) {
				return new Candidate(name.topic(), s, from, to, start, end, MatchKind.PHONETIC,
						this.policy.nearHomophone());
			}
		}
		return null;
	}

}
