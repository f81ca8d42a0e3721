package io.podlens.text.lucene;

import java.util.List;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QueryCodecTests {

	@Test
	void everyQueryTypePodlensBuildsComesBackEqual() {
		// strings with the codec's own delimiters, digits and colons, and Han text
		Query phrase = new PhraseQuery.Builder().add(new Term("text", "多模"), 0)
			.add(new Term("text", "模态"), 1)
			.add(new Term("text", "a:b (c)"), 3)
			.setSlop(2)
			.build();
		Query multi = new MultiPhraseQuery.Builder()
			.add(new Term[] { new Term("sound", "xian"), new Term("sound", "xiang") }, 0)
			.add(new Term[] { new Term("sound", "lian") }, 1)
			.build();
		Query ranked = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2)
			.add(new DisjunctionMaxQuery(List.of(new TermQuery(new Term("text", "gpt")),
					new BoostQuery(new TermQuery(new Term("context", "gpt")), 0.5f)), 0.0f), Occur.SHOULD)
			.add(phrase, Occur.SHOULD)
			.add(new PrefixQuery(new Term("text", "latenc")), Occur.SHOULD)
			.add(new BoostQuery(multi, 1.0e-3f), Occur.SHOULD)
			.build();
		Query query = new BooleanQuery.Builder().add(ranked, Occur.MUST)
			.add(new WildcardQuery(new Term("text", "mo?el")), Occur.SHOULD)
			.add(new FuzzyQuery(new Term("text", "gemini"), 1, 2), Occur.SHOULD)
			.add(new SynonymQuery.Builder("text").addTerm(new Term("text", "龍")).addTerm(new Term("text", "龙")).build(),
					Occur.SHOULD)
			.add(new TermQuery(new Term("text", "ads")), Occur.MUST_NOT)
			.add(LongPoint.newExactQuery("episodeId", 42), Occur.FILTER)
			.add(LongPoint.newRangeQuery("startMs", Long.MIN_VALUE, 90_000), Occur.FILTER)
			.add(IntPoint.newRangeQuery("index", 3, 7), Occur.FILTER)
			.add(new ConstantScoreQuery(
					new TermInSetQuery("topic", List.of(new BytesRef("openai"), new BytesRef("x")))), Occur.FILTER)
			.add(new FieldExistsQuery("topicMentions"), Occur.FILTER)
			.add(new MatchAllDocsQuery(), Occur.SHOULD)
			.add(new MatchNoDocsQuery(), Occur.SHOULD)
			.build();
		String encoded = QueryCodec.encode(query);
		assertThat(QueryCodec.decode(encoded)).isEqualTo(query);
		assertThat(QueryCodec.encode(QueryCodec.decode(encoded))).isEqualTo(encoded);
	}

	@Test
	void unknownTypesAndMalformedTextAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> QueryCodec.encode(new KnnFloatVectorQuery("v", new float[] { 1, 0 }, 3)))
			.withMessageContaining("KnnFloatVectorQuery");
		assertThatIllegalArgumentException().isThrownBy(() -> QueryCodec.decode("(t 4:text 9:short)"))
			.withMessageContaining("not an encoded query");
		assertThatIllegalArgumentException().isThrownBy(() -> QueryCodec.decode("(q)"))
			.withMessageContaining("unknown query type");
		assertThatIllegalArgumentException().isThrownBy(() -> QueryCodec.decode("(all) x"))
			.withMessageContaining("trailing");
	}

}
