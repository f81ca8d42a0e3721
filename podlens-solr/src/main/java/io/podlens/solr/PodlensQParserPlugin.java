package io.podlens.solr;

import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

import io.podlens.text.lucene.QueryCodec;

/**
 * The {@code podlens} query parser: decodes a query Podlens built and encoded with
 * {@link QueryCodec} (already analysed with the kernel's analyzers, ranking rules
 * applied), so that Solr runs exactly the Lucene query the embedded backend runs. Use as
 * {@code defType=podlens} or {@code {!podlens v=$param}}; registered in the configset's
 * solrconfig.xml.
 */
public class PodlensQParserPlugin extends QParserPlugin {

	public static final String NAME = "podlens";

	@Override
	public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
		return new QParser(qstr, localParams, params, req) {
			@Override
			public Query parse() throws SyntaxError {
				if (this.qstr == null || this.qstr.isBlank()) {
					throw new SyntaxError("the podlens query parser needs an encoded query");
				}
				try {
					return QueryCodec.decode(this.qstr);
				}
				catch (IllegalArgumentException ex) {
					throw new SyntaxError(ex.getMessage(), ex);
				}
			}
		};
	}

}
