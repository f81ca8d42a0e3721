package io.podlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.podlens.episode.StoredSegment;

/**
 * Turns theme spans and sponsor reads into Podcasting 2.0 chapters. A detected sponsor
 * read becomes its own chapter with its own (sub-segment) times; stretches without a
 * theme become chapters of their own (long ones split near every {@link #TARGET_PART_MS}
 * where the vocabulary shifts or the talk pauses), titled by the topics and key phrases
 * that dominate them ({@link ChapterTitles}); themed chapters are titled with the theme's
 * name in the episode's language. No two chapters share a title.
 */
final class ChapterBuilder {

	/** Chapters shorter than this (or 2% of the episode, if longer) are merged away. */
	static final long MIN_CHAPTER_MS = 30_000;

	/**
	 * Generic parts (sponsor read, intro, outro) keep their own chapter down to this
	 * length.
	 */
	static final long MIN_GENERIC_CHAPTER_MS = 10_000;

	/** Unthemed stretches longer than this are split. */
	static final long MAX_PART_MS = 15 * 60_000;

	/** Aimed length of the parts a long unthemed stretch is split into. */
	static final long TARGET_PART_MS = 12 * 60_000;

	static final String INTRO = "intro";

	private final ThemeCatalog catalog;

	ChapterBuilder(ThemeCatalog catalog) {
		this.catalog = catalog;
	}

	ChaptersDocument build(List<StoredSegment> segments, EpisodeThemes themes, List<SponsorRead> reads) {
		return build(segments, themes, reads, List.of());
	}

	/**
	 * @param topics the episode's stored topic mentions (none while its topics are
	 * pending: titles then come from key phrases alone)
	 */
	ChaptersDocument build(List<StoredSegment> segments, EpisodeThemes themes, List<SponsorRead> reads,
			List<ChapterTopic> topics) {
		StoredSegment first = segments.get(0);
		long episodeEnd = segments.get(segments.size() - 1).endMs();
		String language = Languages.displayTag(first.language(), first.text());
		List<Piece> pieces = pieces(themes, reads);
		if (!pieces.isEmpty() && ThemeCatalog.SPONSOR.equals(pieces.get(0).theme)
				&& pieces.get(0).startMs >= MIN_GENERIC_CHAPTER_MS && this.catalog.find(INTRO).isPresent()) {
			// what comes before a pre-roll read is the show's opening
			pieces.add(0, new Piece(0, pieces.get(0).startMs, INTRO));
		}
		pieces = fillGaps(pieces, episodeEnd);
		pieces = mergeShort(pieces, Math.max(MIN_CHAPTER_MS, episodeEnd / 50));
		EpisodeWords words = new EpisodeWords(segments);
		pieces = new StretchSplitter(segments, words).split(pieces);
		ChapterTitles titles = new ChapterTitles(segments, words, topics, language);
		return new ChaptersDocument(ChaptersDocument.VERSION, first.episodeTitle(), first.podcast(),
				titled(pieces, titles, language, first.episodeTitle()));
	}

	private List<Chapter> titled(List<Piece> pieces, ChapterTitles titles, String language, String episodeTitle) {
		boolean chinese = language.startsWith("zh");
		List<Chapter> chapters = new ArrayList<>();
		int part = 0;
		for (Piece piece : pieces) {
			String title;
			if (piece.theme != null) {
				title = this.catalog.nameOf(piece.theme, language);
			}
			else if (pieces.size() == 1 && episodeTitle != null && !episodeTitle.isBlank()) {
				title = episodeTitle;
			}
			else {
				part++;
				title = titles.title(part, piece.startMs, piece.endMs);
			}
			chapters.add(new Chapter(seconds(piece.startMs), seconds(piece.endMs), title));
		}
		return distinctTitles(chapters, chinese);
	}

	/** A repeated title gets its number: "Introduction (2)". */
	static List<Chapter> distinctTitles(List<Chapter> chapters, boolean chinese) {
		Map<String, Integer> seen = new HashMap<>();
		List<Chapter> result = new ArrayList<>();
		for (Chapter chapter : chapters) {
			int n = seen.merge(chapter.title(), 1, Integer::sum);
			String title = chapter.title();
			while (n > 1 && seen.containsKey(title)) {
				title = chapter.title() + (chinese ? "（" + n + "）" : " (" + n + ")");
				n++;
			}
			seen.putIfAbsent(title, 1);
			result.add(new Chapter(chapter.startTime(), chapter.endTime(), title));
		}
		return result;
	}

	/** Theme spans with sponsor reads cut in at their exact times. */
	private static List<Piece> pieces(EpisodeThemes themes, List<SponsorRead> reads) {
		List<Piece> pieces = new ArrayList<>();
		for (ThemeSpan span : themes.spans()) {
			if (!reads.isEmpty() && ThemeCatalog.SPONSOR.equals(span.theme())) {
				continue;
			}
			List<Piece> parts = List.of(new Piece(span.startMs(), span.endMs(), span.theme()));
			for (SponsorRead read : reads) {
				List<Piece> cut = new ArrayList<>();
				for (Piece part : parts) {
					if (part.startMs < read.startMs()) {
						cut.add(new Piece(part.startMs, Math.min(part.endMs, read.startMs()), part.theme));
					}
					if (part.endMs > read.endMs()) {
						cut.add(new Piece(Math.max(part.startMs, read.endMs()), part.endMs, part.theme));
					}
				}
				parts = cut;
			}
			pieces.addAll(parts);
		}
		for (SponsorRead read : reads) {
			pieces.add(new Piece(read.startMs(), read.endMs(), ThemeCatalog.SPONSOR));
		}
		pieces.removeIf((piece) -> piece.endMs <= piece.startMs);
		pieces.sort(Comparator.comparingLong(Piece::startMs));
		return pieces;
	}

	/** Time no theme covers becomes an unthemed piece of its own, from 0 to the end. */
	private static List<Piece> fillGaps(List<Piece> pieces, long episodeEnd) {
		List<Piece> filled = new ArrayList<>();
		long at = 0;
		for (Piece piece : pieces) {
			if (piece.startMs > at) {
				filled.add(new Piece(at, piece.startMs, null));
			}
			long start = Math.max(at, piece.startMs);
			if (piece.endMs > start) {
				filled.add(new Piece(start, piece.endMs, piece.theme));
				at = piece.endMs;
			}
		}
		if (episodeEnd > at) {
			filled.add(new Piece(at, episodeEnd, null));
		}
		return filled;
	}

	/**
	 * Pieces too short for a chapter join a neighbour (one of the same theme first, then
	 * the one before), never a sponsor read; neighbours of the same theme join.
	 */
	private List<Piece> mergeShort(List<Piece> pieces, long minMs) {
		List<Piece> list = new ArrayList<>(pieces);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int i = 0; i + 1 < list.size(); i++) {
				if (Objects.equals(list.get(i).theme, list.get(i + 1).theme)) {
					list.set(i, list.get(i).through(list.remove(i + 1)));
					changed = true;
				}
			}
			int shortest = -1;
			for (int i = 0; i < list.size(); i++) {
				Piece piece = list.get(i);
				if (piece.length() < minimum(piece, minMs) && hasHost(list, i)
						&& (shortest < 0 || piece.length() < list.get(shortest).length())) {
					shortest = i;
				}
			}
			if (shortest >= 0) {
				int host = host(list, shortest);
				Piece merged = (host < shortest) ? list.get(host).through(list.get(shortest))
						: list.get(shortest).through(list.get(host)).withTheme(list.get(host).theme);
				list.set(Math.min(host, shortest), merged);
				list.remove(Math.max(host, shortest));
				changed = true;
			}
		}
		return list;
	}

	private static boolean hasHost(List<Piece> list, int i) {
		return host(list, i) >= 0;
	}

	private static int host(List<Piece> list, int i) {
		Piece piece = list.get(i);
		Piece before = (i > 0) ? list.get(i - 1) : null;
		Piece after = (i + 1 < list.size()) ? list.get(i + 1) : null;
		if (before != null && !before.isSponsor() && Objects.equals(before.theme, piece.theme)) {
			return i - 1;
		}
		if (after != null && !after.isSponsor() && Objects.equals(after.theme, piece.theme)) {
			return i + 1;
		}
		if (before != null && !before.isSponsor()) {
			return i - 1;
		}
		if (after != null && !after.isSponsor()) {
			return i + 1;
		}
		return -1;
	}

	private long minimum(Piece piece, long minMs) {
		if (piece.theme == null) {
			return minMs;
		}
		boolean generic = this.catalog.find(piece.theme).map(ThemeDefinition::isGeneric).orElse(false);
		return generic ? MIN_GENERIC_CHAPTER_MS : minMs;
	}

	private static double seconds(long ms) {
		return ms / 1000.0;
	}

	/** A stretch of the episode and its theme ({@code null}: none). */
	record Piece(long startMs, long endMs, String theme) {

		long length() {
			return this.endMs - this.startMs;
		}

		boolean isSponsor() {
			return ThemeCatalog.SPONSOR.equals(this.theme);
		}

		Piece through(Piece later) {
			return new Piece(this.startMs, Math.max(this.endMs, later.endMs), this.theme);
		}

		Piece withTheme(String theme) {
			return new Piece(this.startMs, this.endMs, theme);
		}

	}

}
