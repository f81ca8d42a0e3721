package io.podlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.podlens.episode.StoredSegment;

/**
 * Turns theme spans and sponsor reads into Podcasting 2.0 chapters: a detected sponsor
 * read becomes its own chapter with its own (sub-segment) times, spans shorter than a
 * minimum join the chapter before them, the first chapter starts at 0, and each title is
 * the theme's name in the episode's language.
 */
final class ChapterBuilder {

	/** Chapters shorter than this (or 2% of the episode, if longer) are merged away. */
	static final long MIN_CHAPTER_MS = 30_000;

	/**
	 * Generic parts (sponsor read, intro, outro) keep their own chapter down to this
	 * length.
	 */
	static final long MIN_GENERIC_CHAPTER_MS = 10_000;

	static final String INTRO = "intro";

	private static final Map<String, String> WHOLE_EPISODE = Map.of("zh-Hant", "節目內容", "zh-Hans", "节目内容", "en",
			"Episode");

	private final ThemeCatalog catalog;

	ChapterBuilder(ThemeCatalog catalog) {
		this.catalog = catalog;
	}

	ChaptersDocument build(List<StoredSegment> segments, EpisodeThemes themes, List<SponsorRead> reads) {
		StoredSegment first = segments.get(0);
		long episodeStart = 0;
		long episodeEnd = segments.get(segments.size() - 1).endMs();
		String language = Languages.displayTag(first.language(), first.text());
		List<Piece> pieces = pieces(themes, reads);
		if (!pieces.isEmpty() && ThemeCatalog.SPONSOR.equals(pieces.get(0).theme)
				&& pieces.get(0).startMs >= MIN_GENERIC_CHAPTER_MS && this.catalog.find(INTRO).isPresent()) {
			// what comes before a pre-roll read is the show's opening
			pieces.add(0, new Piece(episodeStart, pieces.get(0).startMs, INTRO));
		}
		pieces = mergeShort(pieces, Math.max(MIN_CHAPTER_MS, (episodeEnd - episodeStart) / 50));
		List<Chapter> chapters = new ArrayList<>();
		for (int i = 0; i < pieces.size(); i++) {
			Piece piece = pieces.get(i);
			long start = (i == 0) ? episodeStart : piece.startMs;
			long end = (i + 1 < pieces.size()) ? pieces.get(i + 1).startMs : episodeEnd;
			chapters.add(new Chapter(seconds(start), seconds(end), this.catalog.nameOf(piece.theme, language)));
		}
		if (chapters.isEmpty()) {
			String title = (first.episodeTitle() != null && !first.episodeTitle().isBlank()) ? first.episodeTitle()
					: WHOLE_EPISODE.getOrDefault(language, WHOLE_EPISODE.get("en"));
			chapters.add(new Chapter(0, seconds(episodeEnd), title));
		}
		return new ChaptersDocument(ChaptersDocument.VERSION, first.episodeTitle(), first.podcast(), chapters);
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

	private List<Piece> mergeShort(List<Piece> pieces, long minMs) {
		List<Piece> merged = new ArrayList<>();
		for (Piece piece : pieces) {
			boolean tiny = piece.length() < minimum(piece, minMs);
			Piece last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && (tiny || Objects.equals(last.theme, piece.theme))) {
				merged.set(merged.size() - 1, new Piece(last.startMs, Math.max(last.endMs, piece.endMs), last.theme));
			}
			else {
				merged.add(piece);
			}
		}
		// a tiny first piece has nothing before it: it joins the one after
		if (merged.size() > 1 && merged.get(0).length() < minimum(merged.get(0), minMs)) {
			Piece second = merged.remove(1);
			merged.set(0, new Piece(merged.get(0).startMs, second.endMs, second.theme));
		}
		return merged;
	}

	private long minimum(Piece piece, long minMs) {
		boolean generic = this.catalog.find(piece.theme).map(ThemeDefinition::isGeneric).orElse(false);
		return generic ? MIN_GENERIC_CHAPTER_MS : minMs;
	}

	private static double seconds(long ms) {
		return ms / 1000.0;
	}

	private record Piece(long startMs, long endMs, String theme) {

		long length() {
			return this.endMs - this.startMs;
		}

	}

}
