package io.podlens.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

import io.podlens.topic.Mention;

/**
 * The hits of documents one keyword tier matched, with the tier's snippets and
 * {@code matchedBy}: shared by the embedded index and the in-memory index of one episode
 * ({@link EpisodeQueries}), so both describe a match the same way.
 */
final class TierHits {

	private TierHits() {
	}

	/**
	 * @param pageDocs the documents, in the order of the hits
	 * @param scores their scores, in the same order
	 */
	static List<SearchHit> of(IndexSearcher searcher, Tier tier, ScoreDoc[] pageDocs, float[] scores,
			TopicMatches topics) throws IOException {
		TopDocs page = new TopDocs(new TotalHits(pageDocs.length, TotalHits.Relation.EQUAL_TO), pageDocs);
		StoredFields stored = searcher.storedFields();
		Document[] docs = new Document[pageDocs.length];
		for (int i = 0; i < pageDocs.length; i++) {
			docs[i] = stored.document(pageDocs[i].doc);
		}
		String[] snippets = switch (tier.kind()) {
			// A ranked query marks its words and phrase, not the span of its proximity
			// boost.
			case EXACT ->
				Snippets.of(searcher, (tier.highlight() != null) ? tier.highlight() : tier.query(), page, docs);
			case SOUND -> Snippets.soundsLike(tier.soundPart(), page, docs);
			case MENTIONS -> null;
		};
		String[] matchedBy = new String[pageDocs.length];
		if (tier.kind() == Tier.Kind.EXACT) {
			for (int i = 0; i < pageDocs.length; i++) {
				matchedBy[i] = SearchHit.EXACT;
				if (snippets[i] == null) {
					// Nothing in the segment's own text: the words are in its context.
					String passage = (tier.highlight() != null) ? Snippets.passage(searcher, docs[i], tier.highlight())
							: null;
					snippets[i] = (passage != null) ? passage : Snippets.plain(docs[i]);
					matchedBy[i] = (passage != null) ? SearchHit.PASSAGE : SearchHit.EXACT;
				}
			}
		}
		// Only the hits of this page need their stored spans.
		Map<Long, List<Mention>> mentionsOnPage = (tier.kind() == Tier.Kind.MENTIONS) ? topics.mentionsIn(
				Arrays.stream(docs).map((doc) -> Long.parseLong(doc.get(SegmentDocuments.SEGMENT_ID))).toList(),
				tier.topicIds()) : Map.of();
		List<SearchHit> hits = new ArrayList<>(pageDocs.length);
		for (int i = 0; i < pageDocs.length; i++) {
			Document doc = docs[i];
			if (tier.kind() == Tier.Kind.MENTIONS) {
				List<Mention> mentions = mentionsOnPage
					.getOrDefault(Long.parseLong(doc.get(SegmentDocuments.SEGMENT_ID)), List.of());
				String text = doc.get(SegmentDocuments.TEXT);
				String snippet = Snippets.marked((text != null) ? text : "",
						mentions.stream().map((m) -> new int[] { m.start(), m.end() }).toList());
				hits.add(SegmentDocuments.toHit(doc, snippet, scores[i], tier.matchedBy(mentions)));
			}
			else {
				hits.add(SegmentDocuments.toHit(doc, snippets[i], scores[i],
						(tier.kind() == Tier.Kind.EXACT) ? matchedBy[i] : SearchHit.SOUNDS_LIKE));
			}
		}
		return hits;
	}

}
