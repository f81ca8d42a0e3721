package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;

import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;

/**
 * Gives each segment its dominant theme or none. Cue terms are scored per segment (per
 * 100 characters, scaled by positional priors); then a Viterbi pass chooses the sequence
 * of themes with the highest total score where every change of theme costs a penalty, so
 * a segment's decision depends on its neighbours and a theme forms a span instead of
 * flickering. Text inside a detected sponsor read counts as sponsor evidence (in
 * proportion to the covered time) and not as evidence for any other theme.
 */
final class ThemeClassifier {

	/** Score of "no theme": a theme must beat this to be chosen. */
	static final double NONE_SCORE = 0.9;

	/** Sponsor evidence of a segment fully covered by a detected read. */
	static final double SPONSOR_READ_SCORE = 6.0;

	private final ThemeCatalog catalog;

	private final double switchPenalty;

	ThemeClassifier(ThemeCatalog catalog, double switchPenalty) {
		this.catalog = catalog;
		this.switchPenalty = switchPenalty;
	}

	EpisodeThemes classify(List<StoredSegment> segments, List<SponsorRead> sponsorReads) {
		List<ThemeDefinition> themes = this.catalog.themes();
		int n = segments.size();
		if (n == 0) {
			return new EpisodeThemes(List.of(), List.of());
		}
		double[][] scores = cueScores(segments, sponsorReads, themes);
		boolean[] sponsorAllowed = sponsorAllowed(segments, sponsorReads);
		int sponsorState = sponsorState(themes);
		int[] path = viterbi(scores, themes.size(), sponsorState, sponsorAllowed);
		trimUnsupportedEdges(path, scores);
		List<SegmentTheme> result = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			StoredSegment segment = segments.get(i);
			double total = NONE_SCORE;
			for (double score : scores[i]) {
				total += score;
			}
			int state = path[i];
			String theme = (state == 0) ? null : themes.get(state - 1).id();
			// a segment without a theme has confidence 0: it is a statement about a theme
			double confidence = (state == 0) ? 0 : scores[i][state - 1] / total;
			result.add(new SegmentTheme(segment.index(), segment.startMs(), segment.endMs(), theme, confidence));
		}
		return new EpisodeThemes(result, spans(result));
	}

	/** Raw cue evidence per segment and theme. */
	double[][] cueScores(List<StoredSegment> segments, List<SponsorRead> sponsorReads, List<ThemeDefinition> themes) {
		int n = segments.size();
		long episodeStart = segments.get(0).startMs();
		long episodeEnd = segments.get(n - 1).endMs();
		double duration = Math.max(1, episodeEnd - episodeStart);
		double[][] scores = new double[n][themes.size()];
		for (int i = 0; i < n; i++) {
			StoredSegment segment = segments.get(i);
			String folded = Folding.fold(segment.text());
			double per100 = 100.0 / Math.max(100, folded.length());
			String text = outsideReads(segment, folded, sponsorReads);
			double position = ((segment.startMs() + segment.endMs()) / 2.0 - episodeStart) / duration;
			for (int t = 0; t < themes.size(); t++) {
				ThemeDefinition theme = themes.get(t);
				double score = 0;
				for (ThemeDefinition.Cue cue : theme.cues()) {
					score += cue.weight() * CueMatcher.count(text, cue.term());
				}
				score *= per100;
				if (theme.prior() != null) {
					score *= theme.prior().factorAt(position);
				}
				if (ThemeCatalog.SPONSOR.equals(theme.id())) {
					score += SPONSOR_READ_SCORE * coveredFraction(segment, sponsorReads);
				}
				scores[i][t] = score;
			}
		}
		return scores;
	}

	/** The text with the characters inside sponsor reads blanked out. */
	static String outsideReads(StoredSegment segment, String text, List<SponsorRead> reads) {
		long length = segment.endMs() - segment.startMs();
		if (length <= 0 || reads.isEmpty()) {
			return text;
		}
		char[] chars = text.toCharArray();
		for (SponsorRead read : reads) {
			long from = Math.max(segment.startMs(), read.startMs());
			long to = Math.min(segment.endMs(), read.endMs());
			if (to > from) {
				int a = (int) Math.round((double) (from - segment.startMs()) / length * chars.length);
				int b = (int) Math.round((double) (to - segment.startMs()) / length * chars.length);
				java.util.Arrays.fill(chars, Math.max(0, a), Math.min(chars.length, b), ' ');
			}
		}
		return new String(chars);
	}

	private static double coveredFraction(StoredSegment segment, List<SponsorRead> reads) {
		long length = segment.endMs() - segment.startMs();
		if (length <= 0) {
			return 0;
		}
		long covered = 0;
		for (SponsorRead read : reads) {
			covered += Math.max(0,
					Math.min(segment.endMs(), read.endMs()) - Math.max(segment.startMs(), read.startMs()));
		}
		return Math.min(1, (double) covered / length);
	}

	/**
	 * With detected reads, only segments that overlap a read may be sponsor: smoothing
	 * must not carry the sponsor past the read's closing cue.
	 */
	private static boolean[] sponsorAllowed(List<StoredSegment> segments, List<SponsorRead> reads) {
		boolean[] allowed = new boolean[segments.size()];
		for (int i = 0; i < allowed.length; i++) {
			allowed[i] = reads.isEmpty() || coveredFraction(segments.get(i), reads) > 0;
		}
		return allowed;
	}

	private static int sponsorState(List<ThemeDefinition> themes) {
		for (int t = 0; t < themes.size(); t++) {
			if (ThemeCatalog.SPONSOR.equals(themes.get(t).id())) {
				return t + 1;
			}
		}
		return -1;
	}

	/**
	 * Smoothing may bridge a weak segment inside a span, but a span must begin and end on
	 * a segment with cue evidence of its own.
	 */
	static void trimUnsupportedEdges(int[] path, double[][] scores) {
		int i = 0;
		while (i < path.length) {
			int state = path[i];
			int j = i;
			while (j + 1 < path.length && path[j + 1] == state) {
				j++;
			}
			if (state != 0) {
				int from = i;
				int to = j;
				while (from <= to && scores[from][state - 1] <= 0) {
					path[from++] = 0;
				}
				while (to >= from && scores[to][state - 1] <= 0) {
					path[to--] = 0;
				}
			}
			i = j + 1;
		}
	}

	/** Best state per segment; state 0 is "no theme", state t+1 is theme t. */
	private int[] viterbi(double[][] scores, int themeCount, int sponsorState, boolean[] sponsorAllowed) {
		int n = scores.length;
		int states = themeCount + 1;
		double[][] best = new double[n][states];
		int[][] from = new int[n][states];
		for (int s = 0; s < states; s++) {
			best[0][s] = emission(scores[0], s, sponsorState == s && !sponsorAllowed[0]);
		}
		for (int i = 1; i < n; i++) {
			for (int s = 0; s < states; s++) {
				double top = Double.NEGATIVE_INFINITY;
				int arg = 0;
				for (int p = 0; p < states; p++) {
					double value = best[i - 1][p] - ((p == s) ? 0 : this.switchPenalty);
					if (value > top) {
						top = value;
						arg = p;
					}
				}
				best[i][s] = top + emission(scores[i], s, sponsorState == s && !sponsorAllowed[i]);
				from[i][s] = arg;
			}
		}
		int[] path = new int[n];
		int last = 0;
		for (int s = 1; s < states; s++) {
			if (best[n - 1][s] > best[n - 1][last]) {
				last = s;
			}
		}
		path[n - 1] = last;
		for (int i = n - 1; i > 0; i--) {
			path[i - 1] = from[i][path[i]];
		}
		return path;
	}

	private static double emission(double[] scores, int state, boolean forbidden) {
		if (forbidden) {
			return Double.NEGATIVE_INFINITY;
		}
		return (state == 0) ? NONE_SCORE : scores[state - 1];
	}

	static List<ThemeSpan> spans(List<SegmentTheme> segments) {
		List<ThemeSpan> spans = new ArrayList<>();
		int i = 0;
		while (i < segments.size()) {
			SegmentTheme first = segments.get(i);
			int j = i;
			while (j + 1 < segments.size() && java.util.Objects.equals(segments.get(j + 1).theme(), first.theme())) {
				j++;
			}
			if (first.theme() != null) {
				SegmentTheme last = segments.get(j);
				spans.add(new ThemeSpan(first.theme(), first.startMs(), last.endMs(), first.segmentIndex(),
						last.segmentIndex()));
			}
			i = j + 1;
		}
		return spans;
	}

}
