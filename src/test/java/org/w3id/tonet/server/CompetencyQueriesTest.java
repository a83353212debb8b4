package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.validate.QueryFolder;

/**
 * Every competency query of queries/ runs on the server's dataset (built under the default base
 * http://localhost:3030/) and gives the result kept beside it in queries/expected/: SPARQL TSV for
 * SELECT ({@code NAME.tsv}), SPARQL JSON for ASK ({@code NAME.srj}: Jena reads no boolean TSV),
 * Turtle for CONSTRUCT ({@code NAME.ttl}). Rows are compared in order when the query orders them.
 *
 * <p>To see what a query gives now: {@code java -jar target/tonet-lod.jar query queries/NAME.rq
 * --format tsv} (or {@code --format json} for ASK).
 */
class CompetencyQueriesTest {

  private static final Path EXPECTED = Path.of("queries", "expected");

  private static Dataset dataset;

  @BeforeAll
  static void build() throws Exception {
    Build build =
        TestSeeds.build(TestSeeds.seed(), TimelineParser.Mode.STRICT, new Iris(Iris.DEFAULT_BASE));
    dataset = DatasetFactory.wrap(Site.of(build, null).dataset());
  }

  static Stream<QueryFolder.Query> queries() {
    return QueryFolder.list("/queries").stream();
  }

  static Stream<String> queryNames() {
    return queries().map(QueryFolder.Query::name);
  }

  @Test
  void thereAreAtLeastFifteenAndEachAsksItsQuestionInJapaneseAndEnglish() {
    List<QueryFolder.Query> all = queries().toList();
    assertTrue(all.size() >= 15, "competency queries: " + all.size());
    for (QueryFolder.Query q : all) {
      assertTrue(q.text().startsWith("# ja: "), q.name() + " begins with its question (# ja:)");
      assertTrue(q.text().contains("\n# en: "), q.name() + " asks it in English too (# en:)");
      assertTrue(!q.titleJa().isBlank() && !q.titleEn().isBlank(), q.name());
    }
  }

  @Test
  void everyQueryHasAnExpectedResultAndEveryExpectedResultAQuery() throws IOException {
    Set<String> queries = new TreeSet<>();
    queries().forEach(q -> queries.add(q.name()));
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files = Files.list(EXPECTED)) {
      files.forEach(f -> expected.add(f.getFileName().toString().replaceFirst("\\.[a-z]+$", "")));
    }
    assertEquals(queries, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryNames")
  void givesItsExpectedResult(String name) throws IOException {
    QueryFolder.Query q = queries().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    Query query = QueryFactory.create(q.text(), Syntax.syntaxARQ);
    Txn.executeRead(
        dataset,
        () -> {
          try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).build()) {
            if (query.isSelectType()) {
              compareSelect(q.name(), query.hasOrderBy(), exec.execSelect());
            } else if (query.isAskType()) {
              boolean expected =
                  ResultSetMgr.readBoolean(
                      new ByteArrayInputStream(bytes(q.name() + ".srj")), ResultSetLang.RS_JSON);
              assertEquals(expected, exec.execAsk(), q.name());
            } else {
              compareGraph(q.name(), exec.execConstruct());
            }
          }
        });
  }

  private static void compareSelect(String name, boolean ordered, ResultSet actual) {
    ResultSetRewindable got = actual.rewindable();
    ResultSetRewindable want =
        ResultSetMgr.read(new ByteArrayInputStream(bytes(name + ".tsv")), ResultSetLang.RS_TSV)
            .rewindable();
    boolean same =
        ordered
            ? ResultSetCompare.equalsByTermAndOrder(want, got)
            : ResultSetCompare.equalsByTerm(want, got);
    if (!same) {
      want.reset();
      got.reset();
      fail(
          name
              + (ordered ? " (rows in order)" : " (rows in any order)")
              + " differs from queries/expected/"
              + name
              + ".tsv\n--- expected\n"
              + tsv(want)
              + "--- actual\n"
              + tsv(got));
    }
  }

  private static void compareGraph(String name, Model actual) {
    Model expected = ModelFactory.createDefaultModel();
    RDFParser.fromString(text(name + ".ttl")).lang(Lang.TURTLE).parse(expected);
    if (!expected.isIsomorphicWith(actual)) {
      fail(
          name
              + " differs from queries/expected/"
              + name
              + ".ttl\n--- expected\n"
              + sortedTriples(expected)
              + "--- actual\n"
              + sortedTriples(actual));
    }
  }

  private static String tsv(ResultSet results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultSetMgr.write(out, results, ResultSetLang.RS_TSV);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** N-Triples, one per line in sorted order, so the two graphs can be read side by side. */
  private static String sortedTriples(Model model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model, RDFFormat.NTRIPLES);
    return String.join("\n", new TreeSet<>(out.toString(StandardCharsets.UTF_8).lines().toList()))
        + "\n";
  }

  private static byte[] bytes(String file) {
    try {
      return Files.readAllBytes(EXPECTED.resolve(file));
    } catch (IOException e) {
      throw new AssertionError("queries/expected/" + file + " is missing", e);
    }
  }

  private static String text(String file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }
}
