package io.podlens.search;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;

/** The search contract on the embedded Lucene index. */
class LuceneSegmentSearchContractTests extends SegmentSearchContract {

	@TempDir
	Path dataDir;

	private LuceneIndex index;

	@Override
	Backend open(FakeSegmentSource source, TopicMatches topics) throws Exception {
		PodlensProperties properties = TestPodlensProperties.withDataDir(this.dataDir);
		this.index = new LuceneIndex(properties, SearchSettings.defaults());
		LuceneSegmentSearch search = new LuceneSegmentSearch(this.index,
				new QueryTranslator(properties, SearchSettings.defaults()), source, topics, SearchSettings.defaults(),
				Optional.of(this.embeddings), SemanticSearchProperties.defaults());
		return new Backend(search, search, new IndexTopicCounts(this.index));
	}

	@Override
	void close() throws Exception {
		this.index.destroy();
	}

}
