package io.podlens.topic;

import io.podlens.text.Token;
import io.podlens.text.Tokens;
import io.podlens.text.WordLists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.episode.StoredSegment;

/**
 * What the matching layers share while reading one episode: each segment's tokens and
 * which of them a layer has already taken, AI cue counts, and the topics confirmed so
 * far. Built per call, never shared between threads.
 */
final class EpisodeState {

	private final AliasIndex index;

	private final MatchPolicy.Context policy;

	private final List<Segment> segments = new ArrayList<>();

	private final Map<String, Integer> support = new HashMap<>();

	private final List<Set<String>> topicsBySegment = new ArrayList<>();

	/** Answers of {@link #topicCueNear} by segment and topic id. */
	private final Map<Integer, Map<String, Boolean>> cueNear = new HashMap<>();

	EpisodeState(List<StoredSegment> segments, AliasIndex index, MatchPolicy.Context policy) {
		this.index = index;
		this.policy = policy;
		for (StoredSegment segment : segments) {
			this.segments.add(new Segment(segment.text(), policy.cueTokens()));
			this.topicsBySegment.add(new HashSet<>());
		}
	}

	int size() {
		return this.segments.size();
	}

	Segment segment(int s) {
		return this.segments.get(s);
	}

	/**
	 * Records an unambiguous mention: it supports looser forms of the topic elsewhere.
	 */
	void confirm(Candidate candidate) {
		this.support.merge(candidate.topic().id(), 1, Integer::sum);
		confirmNearby(candidate);
	}

	/** Records the topic near the segment without counting it as firm support. */
	void confirmNearby(Candidate candidate) {
		if (this.topicsBySegment.get(candidate.segment()).add(candidate.topic().id())) {
			// a confirmed topic is a cue of the topics that name it
			this.cueNear.clear();
		}
	}

	/** Whether the topic was found in the segment or the window around it. */
	boolean topicNear(int s, String topicId) {
		for (int k = from(s); k <= to(s); k++) {
			if (this.topicsBySegment.get(k).contains(topicId)) {
				return true;
			}
		}
		return false;
	}

	/** How many mentions of the topic have been confirmed. */
	int support(Topic topic) {
		return support(topic.id());
	}

	int support(String topicId) {
		return this.support.getOrDefault(topicId, 0);
	}

	/** Confirmed mentions of the topic and of the topics under it (Llama 3 for LLaMA). */
	int familySupport(Topic topic) {
		int sum = 0;
		for (Map.Entry<String, Integer> e : this.support.entrySet()) {
			if (e.getKey().equals(topic.id())
					|| this.index.ancestors.getOrDefault(e.getKey(), Set.of()).contains(topic.id())) {
				sum += e.getValue();
			}
		}
		return sum;
	}

	/**
	 * Fixes each segment's AI cue count: its AI cue words plus the topics confirmed in it
	 * so far.
	 */
	void countCues() {
		for (int s = 0; s < this.segments.size(); s++) {
			Segment segment = this.segments.get(s);
			int cues = this.topicsBySegment.get(s).size();
			for (String gram : segment.grams) {
				if (WordLists.AI_CUES.contains(gram)) {
					cues++;
				}
			}
			segment.cues = cues;
		}
	}

	/** AI cues in the segment and the window around it. */
	int aiWindow(int s) {
		int sum = 0;
		for (int k = from(s); k <= to(s); k++) {
			sum += this.segments.get(k).cues;
		}
		return sum;
	}

	/**
	 * Whether the window around the segment names one of the topic's context cues. The
	 * fuzzy layer asks this for every name a span is compared with, so answers are kept
	 * until a confirmed topic changes them.
	 */
	boolean topicCueNear(int s, Topic topic) {
		Map<String, Boolean> known = this.cueNear.computeIfAbsent(s, (k) -> new HashMap<>());
		Boolean near = known.get(topic.id());
		if (near == null) {
			near = findCueNear(s, topic);
			known.put(topic.id(), near);
		}
		return near;
	}

	/**
	 * Whether the window around the segment names one of the topic's
	 * {@link AliasIndex#specificCues specific cues}. Asked only by the guards, so not
	 * kept.
	 */
	boolean specificCueNear(int s, Topic topic) {
		return cueNear(s, this.index.specificCues.getOrDefault(topic.id(), Set.of()));
	}

	private boolean findCueNear(int s, Topic topic) {
		return cueNear(s, this.index.cues.getOrDefault(topic.id(), Set.of()));
	}

	private boolean cueNear(int s, Set<String> cues) {
		if (cues.isEmpty()) {
			return false;
		}
		for (int k = from(s); k <= to(s); k++) {
			for (String cue : cues) {
				if (this.segments.get(k).grams.contains(cue) || this.topicsBySegment.get(k).contains(cue)) {
					return true;
				}
			}
		}
		return false;
	}

	private int from(int s) {
		return Math.max(0, s - this.policy.windowSegments());
	}

	private int to(int s) {
		return Math.min(this.segments.size() - 1, s + this.policy.windowSegments());
	}

	/** One segment's tokens, and which of them a layer has already taken. */
	static final class Segment {

		private final String text;

		private final List<Token> tokens;

		private final boolean[] covered;

		private final boolean hanContext;

		private final Set<String> grams = new HashSet<>();

		private int cues;

		Segment(String text, int cueTokens) {
			this.text = text;
			this.tokens = Tokens.of(text);
			this.covered = new boolean[this.tokens.size()];
			long han = this.tokens.stream().filter(Token::han).count();
			this.hanContext = han * 2 > this.tokens.size();
			for (int i = 0; i < this.tokens.size(); i++) {
				StringBuilder key = new StringBuilder();
				for (int j = i; j < this.tokens.size() && j < i + cueTokens; j++) {
					if (j > i && !this.tokens.get(j).gapBefore()) {
						break;
					}
					key.append(this.tokens.get(j).key());
					this.grams.add(key.toString());
				}
			}
		}

		List<Token> tokens() {
			return this.tokens;
		}

		String text() {
			return this.text;
		}

		Token token(int k) {
			return this.tokens.get(k);
		}

		/** Mostly Chinese text: a Latin word in it is almost always a name or a term. */
		boolean hanContext() {
			return this.hanContext;
		}

		boolean covered(int k) {
			return this.covered[k];
		}

		void cover(int from, int to) {
			for (int k = from; k < to; k++) {
				this.covered[k] = true;
			}
		}

		/**
		 * Whether the token is the s of a possessive or contraction ("Google's",
		 * "What's"): it belongs to the word before it, never to a name after it.
		 */
		boolean possessive(int k) {
			Token token = this.tokens.get(k);
			if (!"s".equals(token.key()) || token.start() == 0) {
				return false;
			}
			char before = this.text.charAt(token.start() - 1);
			return before == '\'' || before == '\u2019' || before == '\u02bc';
		}

		/**
		 * Whether the token at {@code next} continues a version number ("GPT-4" followed
		 * by ".5"), so that a name ending before it would cut the version.
		 */
		boolean continuesVersion(int next) {
			if (next <= 0 || next >= this.tokens.size()) {
				return false;
			}
			Token previous = this.tokens.get(next - 1);
			Token token = this.tokens.get(next);
			return !token.han() && !previous.han() && Character.isDigit(token.key().charAt(0))
					&& token.start() == previous.end() + 1 && this.text.charAt(previous.end()) == '.';
		}

	}

}
