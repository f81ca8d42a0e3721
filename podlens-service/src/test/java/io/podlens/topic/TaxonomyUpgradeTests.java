package io.podlens.topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.podlens.common.InvalidInputException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new release of the default taxonomy reaching an existing database: new topics are
 * added, untouched default topics updated, a client's edits and deletions kept, and a
 * second start changes nothing. Each test starts from a fresh schema (Flyway clean), one
 * from a database seeded before V7. Runs on H2 and, in the PostgreSQL run, on PostgreSQL.
 */
@Tag("integration")
@DataJpaTest
@Import({ TaxonomyUpgrade.class, TopicCatalog.class })
@TestPropertySource(properties = "spring.flyway.clean-disabled=false")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TaxonomyUpgradeTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant T1 = Instant.parse("2026-06-01T00:00:00Z");

	@Autowired
	private TaxonomyUpgrade upgrade;

	@Autowired
	private TopicCatalog catalog;

	@Autowired
	private TopicRepository topics;

	@Autowired
	private Flyway flyway;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private JdbcClient jdbc;

	private TransactionTemplate transactions;

	@BeforeEach
	void freshSchema() {
		this.jdbc = JdbcClient.create(this.dataSource);
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.flyway.clean();
		this.flyway.migrate();
	}

	@Test
	void anOlderTaxonomyIsUpgradedWithoutTouchingEditsAndDeletions() {
		Topic openai = topic("openai", TopicCategory.ORGANIZATION, null, List.of());
		Topic gpt = topic("gpt", TopicCategory.MODEL, "openai", List.of());
		Topic gpt4o = topic("gpt-4o", TopicCategory.MODEL, "gpt", List.of("GPT4o"));
		Topic claude = topic("claude", TopicCategory.MODEL, null, List.of("Claude 3"));
		Topic bard = topic("bard", TopicCategory.PRODUCT, null, List.of());
		TaxonomyFiles.Shipped old = shipped(openai, gpt, gpt4o, claude, bard);
		assertThat(this.upgrade.apply(old, T0)).hasValueSatisfying((r) -> {
			assertThat(r.previous()).isNull();
			assertThat(r.added()).isEqualTo(5);
		});

		// A client edits Claude and deletes Bard.
		Topic edited = topic("claude", TopicCategory.MODEL, null, List.of("Claude Sonnet", "my spelling"));
		this.transactions.executeWithoutResult(
				(s) -> this.topics.findById("claude").orElseThrow().update(edited, TopicRow.SOURCE_USER, T0));
		this.catalog.delete("bard");

		Topic openaiNew = topic("openai", TopicCategory.ORGANIZATION, null, List.of("Open AI"));
		Topic gpt4oNew = new Topic("gpt-4o", "gpt-4o", TopicCategory.MODEL, List.of("GPT4o"), List.of(),
				TopicKind.MODEL, "gpt", List.of("GPT-4o"), List.of("GPT-4o"), false);
		Topic mini = topic("gpt-4o-mini", TopicCategory.MODEL, "gpt-4o", List.of());
		Topic claudeNew = topic("claude", TopicCategory.MODEL, "anthropic", List.of("Claude 3", "Claude 3.5"));
		Topic bardNew = topic("bard", TopicCategory.PRODUCT, "google", List.of("Google Bard"));
		Topic anthropic = topic("anthropic", TopicCategory.ORGANIZATION, null, List.of());
		Topic google = topic("google", TopicCategory.ORGANIZATION, null, List.of());
		TaxonomyFiles.Shipped release = shipped(openaiNew, gpt, gpt4oNew, mini, claudeNew, bardNew, anthropic, google);

		Optional<TaxonomyUpgrade.Result> result = this.upgrade.apply(release, T1);

		assertThat(result).hasValueSatisfying((r) -> {
			assertThat(r.previous()).isEqualTo(old.version());
			assertThat(r.added()).as("gpt-4o-mini, anthropic, google").isEqualTo(3);
			assertThat(r.updated()).as("openai, gpt-4o").isEqualTo(2);
			assertThat(r.keptEdited()).as("claude").isEqualTo(1);
			assertThat(r.keptDeleted()).as("bard").isEqualTo(1);
			assertThat(r.changed()).isTrue();
		});
		Map<String, TopicRow> rows = rows();
		assertThat(rows.keySet()).containsExactlyInAnyOrder("openai", "gpt", "gpt-4o", "gpt-4o-mini", "claude",
				"anthropic", "google");
		assertThat(rows.get("openai").toTopic()).isEqualTo(openaiNew);
		assertThat(rows.get("gpt-4o").toTopic()).isEqualTo(gpt4oNew);
		assertThat(rows.get("gpt-4o-mini").toTopic().parent()).isEqualTo("gpt-4o");
		assertThat(rows.get("claude").toTopic()).isEqualTo(edited);
		assertThat(rows.get("claude").getSource()).isEqualTo(TopicRow.SOURCE_USER);
		assertThat(rows.get("claude").getDefaultVersion()).isEqualTo(old.version());
		assertThat(rows.get("gpt").getDefaultVersion()).isEqualTo(release.version());
		assertThat(rows.get("gpt").getUpdatedAt()).isEqualTo(T0);
		assertThat(rows.get("openai").getDefaultVersion()).isEqualTo(release.version());
		assertThat(rows.get("openai").getUpdatedAt()).isEqualTo(T1);
		assertThat(state()).isEqualTo(release.version());

		// The next start finds the version recorded and changes nothing.
		Map<String, Topic> before = topicsById();
		assertThat(this.upgrade.apply(release, Instant.parse("2026-07-01T00:00:00Z"))).isEmpty();
		assertThat(topicsById()).isEqualTo(before);
		assertThat(rows().get("openai").getUpdatedAt()).isEqualTo(T1);
	}

	@Test
	void aDeletedParentHandsItsChildrenToTheNextAncestor() {
		Topic openai = topic("openai", TopicCategory.ORGANIZATION, null, List.of());
		Topic gpt = topic("gpt", TopicCategory.MODEL, "openai", List.of());
		Topic gpt4o = topic("gpt-4o", TopicCategory.MODEL, "gpt", List.of());
		this.upgrade.apply(shipped(openai, gpt, gpt4o), T0);
		this.catalog.delete("gpt");
		assertThat(rows().get("gpt-4o").toTopic().parent()).isEqualTo("openai");

		Topic gpt4oNew = topic("gpt-4o", TopicCategory.MODEL, "gpt", List.of("GPT4o"));
		Topic mini = topic("gpt-4o-mini", TopicCategory.MODEL, "gpt", List.of());
		assertThat(this.upgrade.apply(shipped(openai, gpt, gpt4oNew, mini), T1)).hasValueSatisfying((r) -> {
			assertThat(r.added()).isEqualTo(1);
			assertThat(r.updated()).isEqualTo(1);
			assertThat(r.keptDeleted()).isEqualTo(1);
		});
		assertThat(rows().get("gpt-4o").toTopic()).isEqualTo(gpt4oNew.withParent("openai"));
		assertThat(rows().get("gpt-4o-mini").toTopic().parent()).isEqualTo("openai");
		assertThat(rows()).doesNotContainKey("gpt");
	}

	@Test
	void aParentMustBeATopicThatDoesNotLeadBack() {
		this.upgrade.apply(shipped(topic("openai", TopicCategory.ORGANIZATION, null, List.of()),
				topic("gpt", TopicCategory.MODEL, "openai", List.of())), T0);
		this.catalog.reload();
		assertThatThrownBy(() -> this.catalog.create(topic("o1", TopicCategory.MODEL, "nope", List.of())))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("parent: 'nope' is no topic");
		assertThatThrownBy(() -> this.catalog.replace(topic("openai", TopicCategory.ORGANIZATION, "gpt", List.of())))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("parent: 'gpt' leads back to 'openai': gpt -> openai");
		this.catalog.create(topic("o1", TopicCategory.MODEL, "openai", List.of()));
		assertThat(this.catalog.current().taxonomy().children("openai")).containsExactly("gpt", "o1");
		assertThat(rows().get("o1").getSource()).isEqualTo(TopicRow.SOURCE_USER);
		assertThat(rows().get("o1").getDefaultVersion()).isNull();
	}

	@Test
	void aDatabaseSeededBeforeTheTaxonomyFilesIsUpgraded() {
		// The schema before V7, seeded with the 146 topics of that time, as the service
		// did: one of them since deleted by a client, one edited, one added by a client.
		this.flyway.clean();
		Flyway.configure().configuration(this.flyway.getConfiguration()).target("5").load().migrate();
		Taxonomy shipped = Taxonomy.defaultTaxonomy();
		List<String> legacy = legacyIds();
		assertThat(legacy).hasSize(146);
		for (String id : legacy) {
			if (id.equals("bard")) {
				continue;
			}
			Topic topic = shipped.topic(id).orElseThrow();
			boolean edited = id.equals("claude");
			insertLegacy(id, topic.name(), topic.category(),
					edited ? "[\"Claude Sonnet\",\"my spelling\"]" : "[\"" + topic.name() + " alias\"]",
					edited ? TopicRow.SOURCE_USER : TopicRow.SOURCE_DEFAULT);
		}
		insertLegacy("my-topic", "My topic", TopicCategory.CONCEPT, "[]", TopicRow.SOURCE_USER);
		this.flyway.migrate();

		assertThat(this.jdbc.sql("select topic_id from deleted_default_topic").query(String.class).list())
			.containsExactly("bard");
		assertThat(rows().get("openai").toTopic().kind()).isEqualTo(TopicKind.ORGANIZATION);
		assertThat(rows().get("openai").getDefaultVersion()).isEqualTo("legacy");
		assertThat(rows().get("my-topic").getDefaultVersion()).isNull();
		assertThat(state()).isNull();

		TaxonomyFiles.Shipped release = TaxonomyFiles.shipped();
		assertThat(this.upgrade.apply(release, T1)).hasValueSatisfying((r) -> {
			assertThat(r.previous()).isNull();
			assertThat(r.keptDeleted()).isEqualTo(1);
			assertThat(r.keptEdited()).isEqualTo(1);
			assertThat(r.added()).isEqualTo(release.taxonomy().topics().size() - 146);
			assertThat(r.updated()).isEqualTo(144);
		});
		Map<String, TopicRow> rows = rows();
		assertThat(rows).doesNotContainKey("bard").containsKey("my-topic");
		assertThat(rows.get("claude").toTopic().aliases()).containsExactly("Claude Sonnet", "my spelling");
		assertThat(rows.get("gpt-4o").toTopic()).isEqualTo(shipped.topic("gpt-4o").orElseThrow());
		assertThat(rows.get("gpt-4o").getDefaultVersion()).isEqualTo(release.version());
		assertThat(this.upgrade.apply(release, T1)).isEmpty();
	}

	private void insertLegacy(String id, String name, TopicCategory category, String aliases, String source) {
		this.jdbc
			.sql("insert into topic (id, name, category, aliases, context_cues, source, updated_at)"
					+ " values (:id, :name, :category, :aliases, '[]', :source, :at)")
			.param("id", id)
			.param("name", name)
			.param("category", category.json())
			.param("aliases", aliases)
			.param("source", source)
			.param("at", java.sql.Timestamp.from(T0))
			.update();
	}

	/** The ids V7 knows as the taxonomy seeded before it, read from the migration. */
	private static List<String> legacyIds() {
		try (var in = TaxonomyUpgradeTests.class.getClassLoader()
			.getResourceAsStream("db/migration/V7__taxonomy_files.sql")) {
			String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			String values = sql.substring(sql.indexOf("from (values"), sql.indexOf(") as v (id)"));
			List<String> ids = new ArrayList<>();
			var matcher = java.util.regex.Pattern.compile("\\('([^']+)'\\)").matcher(values);
			while (matcher.find()) {
				ids.add(matcher.group(1));
			}
			return ids;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String state() {
		List<String> versions = new ArrayList<>();
		this.jdbc.sql("select version from taxonomy_state").query((rs) -> {
			versions.add(rs.getString(1));
		});
		return versions.get(0);
	}

	private Map<String, TopicRow> rows() {
		return this.transactions
			.execute((s) -> this.topics.findAll().stream().collect(Collectors.toMap(TopicRow::getId, (row) -> row)));
	}

	private Map<String, Topic> topicsById() {
		return this.transactions.execute(
				(s) -> this.topics.findAll().stream().collect(Collectors.toMap(TopicRow::getId, TopicRow::toTopic)));
	}

	private static Topic topic(String id, TopicCategory category, String parent, List<String> aliases) {
		return new Topic(id, id, category, aliases, List.of(), null, parent, List.of(), List.of(), false);
	}

	private static TaxonomyFiles.Shipped shipped(Topic... topics) {
		Taxonomy taxonomy = new Taxonomy(List.of(topics));
		return new TaxonomyFiles.Shipped(taxonomy, TaxonomyFiles.version(taxonomy));
	}

}
