package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.podlens.episode.StoredSegment;
import org.jspecify.annotations.Nullable;

import io.podlens.text.Folding;

/**
 * Finds sponsor reads from cue phrases that open ("本期節目由X贊助播出", "this episode is
 * sponsored by X") and close ("謝謝X的贊助", "back to the show") a read. Where a cue sits
 * inside a segment, its time is interpolated by character position:
 * {@code start + (end - start) * position / length}.
 */
final class SponsorDetector {

	/** A read longer than this without an end cue is not trusted to continue. */
	static final long MAX_READ_MS = 8 * 60_000;

	/** End cues this close after the first one belong to the same sign-off. */
	static final long END_CLUSTER_MS = 20_000;

	/** Without an end cue a read is followed at most this far through offer wording. */
	static final long MAX_OPEN_READ_MS = 3 * 60_000;

	/** How far after a closing cue its sentence may end and still be part of the read. */
	private static final int SENTENCE_TAIL = 16;

	private static final String ZH_NAME = "(?<name>[^\\s,，。!！?？、:：]{1,24}?)";

	/**
	 * A capitalised phrase of up to 6 words ("R&D <Tools> Inc."); {@link #cleanName} ends
	 * it at a sentence-ending full stop.
	 */
	private static final String EN_NAME = "(?<name>(?-i:[A-Z0-9&<][^\\s,;:!?\"]*(?:[ \\t]+[A-Z0-9&<+@][^\\s,;:!?\"]*){0,5}))";

	/** Words whose full stop belongs to the name. */
	private static final Pattern ABBREVIATION = Pattern
		.compile("(?i)(?:inc|ltd|co|corp|llc|plc|jr|sr|st|[a-z]\\.[a-z])\\.");

	private static final List<Pattern> START = List.of(
			Pattern.compile("本(?:期|集)(?:的)?(?:节目)?(?:是)?由\\s*" + ZH_NAME + "\\s*(?:独家)?(?:赞助|冠名)(?:播出)?"),
			Pattern.compile("(?:本期|本集|今天|这集|这一集)的?(?:节目)?赞助(?:商|厂商)?(?:是|为)\\s*(?<name>[^\\s,，。!！?？、]{1,24})"),
			Pattern.compile("(?:以下|接下来)是?(?:一段)?(?:业配|广告)(?:时间)?"),
			Pattern.compile(
					"(?:this|today's|the) (?:episode|show|podcast) (?:is|was) (?:sponsored|supported|brought to you|presented|powered|made possible) by "
							+ EN_NAME,
					Pattern.CASE_INSENSITIVE),
			Pattern.compile(
					"(?:brought to you by|sponsored by|support for (?:this|the|today's) (?:show|episode|podcast) comes from|today's sponsor is|our sponsor(?: today)? is) "
							+ EN_NAME,
					Pattern.CASE_INSENSITIVE));

	private static final List<Pattern> END = List.of(
			Pattern.compile("(?:谢谢|感谢)\\s*" + ZH_NAME + "\\s*(?:的)?(?:赞助|支持)(?!商)"),
			Pattern.compile("(?:业配|广告|赞助)(?:时间)?(?:就)?(?:到这边|到这里|到此)(?:结束|告一段落)?"),
			Pattern.compile("(?:回到|回来)(?:我们的|今天的)?(?:节目|正题)"),
			Pattern.compile("(?:my|our) thanks (?:again )?to (?:the team at |the folks at |the people at )?" + EN_NAME
					+ " for (?:their|its|the|sponsoring|supporting)", Pattern.CASE_INSENSITIVE),
			Pattern.compile("thanks (?:again )?to " + EN_NAME + " for (?:sponsoring|supporting|their support)",
					Pattern.CASE_INSENSITIVE),
			Pattern.compile("(?:now,? )?(?:back to|on with) the (?:show|episode|interview|conversation)",
					Pattern.CASE_INSENSITIVE));

	/** Offer wording that keeps an unclosed read going. */
	private static final Pattern OFFER = Pattern.compile(
			"promo code|coupon|discount|free trial|sign up|\\.com|\\.io|优惠|折扣|报名|免费|链接|连结|资讯栏|早鸟",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]");

	List<SponsorRead> detect(List<StoredSegment> segments) {
		List<Cue> cues = new ArrayList<>();
		List<String> folded = new ArrayList<>();
		for (StoredSegment segment : segments) {
			String text = Folding.keepingCase(segment.text());
			folded.add(text);
			collect(segment, text, START, true, cues);
			collect(segment, text, END, false, cues);
		}
		cues.sort((a, b) -> (a.segment != b.segment) ? Integer.compare(a.segment, b.segment)
				: Integer.compare(a.position, b.position));
		List<SponsorRead> reads = new ArrayList<>();
		Open open = null;
		for (Cue cue : cues) {
			if (open != null && open.endMs < 0 && cue.startMs - open.startMs > MAX_READ_MS) {
				reads.add(closeWithoutEnd(open, segments, folded));
				open = null;
			}
			if (open != null && open.endMs >= 0 && (cue.start || cue.startMs - open.endMs > END_CLUSTER_MS)) {
				reads.add(open.toRead());
				open = null;
			}
			if (cue.start) {
				if (open == null) {
					open = new Open(cue);
				}
				else {
					open.add(cue);
				}
			}
			else if (open != null) {
				// end cues without an open read (a closing thank-you) make no read
				open.add(cue);
				open.endMs = Math.max(open.endMs, cue.endMs);
			}
		}
		if (open != null) {
			reads.add((open.endMs >= 0) ? open.toRead() : closeWithoutEnd(open, segments, folded));
		}
		return reads;
	}

	private static void collect(StoredSegment segment, String folded, List<Pattern> patterns, boolean start,
			List<Cue> cues) {
		String original = segment.text();
		for (Pattern pattern : patterns) {
			Matcher m = pattern.matcher(folded);
			while (m.find()) {
				String name = (m.pattern().pattern().contains("?<name>")) ? m.group("name") : null;
				// Folding keeps length for nearly all text; then the original spelling is
				// shown.
				boolean sameLength = original.length() == folded.length();
				String phrase = sameLength ? original.substring(m.start(), m.end()) : m.group();
				if (name != null && sameLength) {
					name = original.substring(m.start("name"), m.end("name"));
				}
				int end = start ? m.end() : sentenceEnd(folded, m.end());
				cues.add(new Cue(segment.index(), m.start(), start, cleanName(name), phrase.strip(),
						timeAt(segment, m.start(), folded.length()), timeAt(segment, end, folded.length())));
			}
		}
	}

	/** A closing cue ends with its sentence when the sentence ends right after it. */
	private static int sentenceEnd(String text, int from) {
		Matcher stop = SENTENCE_END.matcher(text);
		if (stop.find(from) && stop.end() - from <= SENTENCE_TAIL) {
			return stop.end();
		}
		return from;
	}

	static @Nullable String cleanName(String name) {
		if (name == null) {
			return null;
		}
		StringBuilder phrase = new StringBuilder();
		for (String word : name.strip().split("[ \\t]+")) {
			if (!phrase.isEmpty()) {
				phrase.append(' ');
			}
			if (word.endsWith(".") && !ABBREVIATION.matcher(word).matches()) {
				// a full stop after an ordinary word ends the sentence, and the name
				phrase.append(word, 0, word.length() - 1);
				break;
			}
			phrase.append(word);
			if (word.endsWith(".")) {
				break;
			}
		}
		String cleaned = phrase.toString().replaceAll("[\\s,;:]+$", "");
		return cleaned.isEmpty() ? null : cleaned;
	}

	/** Time of a character position inside a segment, by linear interpolation. */
	static long timeAt(StoredSegment segment, int position, int length) {
		if (length <= 0) {
			return segment.startMs();
		}
		double fraction = Math.max(0, Math.min(1, (double) position / length));
		return segment.startMs() + Math.round((segment.endMs() - segment.startMs()) * fraction);
	}

	/**
	 * A read with a start cue but no end cue runs on through following segments while
	 * they still talk about the offer, and ends at the sentence holding the last offer
	 * term.
	 */
	private static SponsorRead closeWithoutEnd(Open open, List<StoredSegment> segments, List<String> folded) {
		long end = open.lastCueEndMs;
		int first = indexOfSegment(segments, open.segment);
		for (int i = first; i < segments.size(); i++) {
			StoredSegment segment = segments.get(i);
			if (segment.startMs() - open.startMs > MAX_OPEN_READ_MS) {
				break;
			}
			String text = folded.get(i);
			Matcher offer = OFFER.matcher(text);
			int last = -1;
			int from = (i == first) ? open.position : 0;
			while (offer.find()) {
				if (offer.start() >= from) {
					last = offer.end();
				}
			}
			if (last < 0) {
				if (i > first) {
					break;
				}
				continue;
			}
			Matcher stop = SENTENCE_END.matcher(text);
			int sentenceEnd = stop.find(last) ? stop.end() : text.length();
			end = Math.max(end, timeAt(segment, sentenceEnd, text.length()));
		}
		return new SponsorRead(open.startMs, end, open.name, open.confidence(false), open.evidence);
	}

	private static int indexOfSegment(List<StoredSegment> segments, int index) {
		for (int i = 0; i < segments.size(); i++) {
			if (segments.get(i).index() == index) {
				return i;
			}
		}
		return 0;
	}

	private record Cue(int segment, int position, boolean start, String name, String phrase, long startMs, long endMs) {
	}

	private static final class Open {

		final int segment;

		final int position;

		final long startMs;

		long endMs = -1;

		long lastCueEndMs;

		String name;

		int startCues;

		final List<String> evidence = new ArrayList<>();

		Open(Cue first) {
			this.segment = first.segment;
			this.position = first.position;
			this.startMs = first.startMs;
			this.lastCueEndMs = first.endMs;
			add(first);
		}

		void add(Cue cue) {
			if (this.name == null) {
				this.name = cue.name;
			}
			if (cue.start) {
				this.startCues++;
			}
			this.lastCueEndMs = Math.max(this.lastCueEndMs, cue.endMs);
			this.evidence.add(cue.phrase);
		}

		double confidence(boolean closed) {
			double confidence = closed ? 0.8 : 0.5;
			if (this.name != null) {
				confidence += 0.1;
			}
			if (this.startCues > 1 || this.evidence.size() > 2) {
				confidence += 0.05;
			}
			return Math.min(0.99, confidence);
		}

		SponsorRead toRead() {
			return new SponsorRead(this.startMs, this.endMs, this.name, confidence(true), this.evidence);
		}

	}

}
