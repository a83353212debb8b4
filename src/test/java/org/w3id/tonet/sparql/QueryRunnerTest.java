package org.w3id.tonet.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the query runner answers, query by query: each refusal and each stop says what did it, in
 * words a client can act on, with the status that fits.
 */
class QueryRunnerTest {

  private static QueryRunner runner;

  @BeforeAll
  static void data() {
    Model m = ModelFactory.createDefaultModel();
    for (int i = 0; i < 300; i++) {
      m.add(
          m.createResource("urn:s" + i),
          m.createProperty("urn:p" + (i % 7)),
          m.createLiteral("value " + i));
      m.add(
          m.createResource("urn:s" + i),
          m.createProperty("urn:next"),
          m.createResource("urn:s" + (i + 1)));
    }
    DatasetGraph dsg = DatasetFactory.createTxnMem().asDatasetGraph();
    dsg.getDefaultGraph().getPrefixMapping();
    DatasetFactory.wrap(dsg).getDefaultModel().add(m);
    runner = new QueryRunner(dsg, ServiceAllowList.none(), "http://example.org/");
  }

  private static final QueryRunner.Formats CSV =
      new QueryRunner.Formats() {
        @Override
        public AnswerFormat choose(boolean table) {
          return table ? StandardFormat.CSV : StandardFormat.NTRIPLES;
        }

        @Override
        public String notAcceptable(boolean table) {
          return "none";
        }
      };

  private static Answer run(String query, QueryLimits limits) {
    QueryBudget budget = new QueryBudget(limits, System.nanoTime() + limits.timeout().toNanos());
    return runner.run(QueryRunner.Request.of(query), CSV, budget);
  }

  /**
   * Limits whose time limit no query here comes near, even on a machine busy with other work: what
   * is tested is the memory (4 MiB) and the refusals, and a query stopped by its time instead would
   * say "timed out" and fail the case for the wrong reason.
   */
  private static QueryLimits limits() {
    return QueryLimits.defaults(2).withTimeout(Duration.ofMinutes(2)).withMemoryBytes(4L << 20);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELEC * {}|400|the query does not parse at line 1",
        "SELECT (<java:x.Y>(1) AS ?x) {}|400|the function <java:x.Y> is not offered",
        "SELECT * { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }|403|SERVICE <http://10.0.0.1/> is refused",
        "SELECT * { ?s (<urn:next>*)* ?o }|400|repeats (* or +) a path that itself repeats",
        "SELECT * { ?s <urn:next>*/<urn:next>* ?o }|400|more than one repetition",
        "SELECT (CALL(<urn:f>) AS ?x) {}|400|CALL is not offered",
        "JSON { \"a\": ?s } WHERE { ?s ?p ?o }|400|JSON queries are not offered",
        "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c|400|ORDER BY needed more than 4 MiB",
        "SELECT ?a (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a ?f|400|GROUP BY needed more than 4 MiB",
        "SELECT DISTINCT ?c { ?a ?b ?c . ?d ?e ?f }|400|DISTINCT needed more than 4 MiB",
        "SELECT (STRLEN(CONCAT(?x,?x)) AS ?n) { BIND(STRLEN(\"x\") AS ?len) BIND(<http://www.w3.org/2005/xpath-functions#concat>(\"a\", \"b\") AS ?x) }|200|n",
      })
  void eachRefusalAndStopSaysWhatDidIt(String query, int status, String says) {
    Answer a = run(query, limits());
    assertEquals(status, a.status(), a.message());
    String text = a.ok() ? new String(a.body(), StandardCharsets.UTF_8) : a.message();
    assertTrue(text.contains(says), text);
  }

  @Test
  void aStringPastTheLimitStopsTheQueryNamingTheFunction() {
    StringBuilder q =
        new StringBuilder("SELECT (STRLEN(?s12) AS ?n) { BIND(\"aaaaaaaaaa\" AS ?s0)");
    for (int i = 1; i <= 12; i++) {
      q.append(" BIND(CONCAT(?s")
          .append(i - 1)
          .append(", ?s")
          .append(i - 1)
          .append(") AS ?s")
          .append(i)
          .append(")");
    }
    Answer a = run(q + " }", limits().withMaxStringLength(10_000));
    assertEquals(400, a.status());
    assertTrue(
        a.message().contains("CONCAT would make a string of 10,240 characters"), a.message());
  }

  @Test
  void aQueryPastItsTimeIsStoppedWithin503() {
    Duration limit = Duration.ofMillis(300);
    QueryLimits quick = limits().withTimeout(limit).withMemoryBytes(512L << 20);
    long t = System.nanoTime();
    // 600 triples to the fourth power: some 10^11 rows, hours of counting unless it is stopped.
    Answer a = run("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", quick);
    long ms = (System.nanoTime() - t) / 1_000_000;
    assertEquals(503, a.status());
    assertTrue(a.message().contains("timed out"), a.message());
    // Generous for a busy machine (a hundred times the limit), and still far short of the count.
    assertTrue(ms < 100 * limit.toMillis(), "it stopped (took " + ms + " ms)");
  }

  /**
   * ARQ skips an OFFSET while it builds the plan, holding the lock its own time-out waits for: the
   * query ran until the cross product was exhausted and answered 200 with no rows (or, past the
   * idle timeout, "the client went away"). It must end by its deadline, saying it timed out.
   */
  @Test
  void aHugeOffsetOverACrossProductStopsAtItsDeadline() {
    QueryLimits quick = limits().withTimeout(Duration.ofMillis(500));
    long t = System.nanoTime();
    Answer a = run("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 9223372036854775000", quick);
    long ms = (System.nanoTime() - t) / 1_000_000;
    assertEquals(503, a.status(), a.message());
    assertTrue(a.message().contains("timed out"), a.message());
    assertTrue(ms < quick.timeout().toMillis() + 1_000, "it ended by its deadline: " + ms + " ms");
  }

  @Test
  void theCapLowersTheLimitAndSaysSo() {
    Answer capped = run("SELECT ?s { ?s ?p ?o }", limits().withMaxResults(10));
    assertEquals(200, capped.status());
    assertTrue(capped.capped());
    assertEquals(
        11, new String(capped.body(), StandardCharsets.UTF_8).strip().split("\r?\n").length);
    Answer small = run("SELECT ?s { ?s ?p ?o } LIMIT 5", limits().withMaxResults(10));
    assertTrue(!small.capped(), "a smaller LIMIT is kept, and nothing was cut");
  }

  @Test
  void theServersFileSystemNeverShowsInAnAnswer() {
    Answer a = run("SELECT (<relative> AS ?iri) {}", limits());
    String text = a.ok() ? new String(a.body(), StandardCharsets.UTF_8) : a.message();
    assertTrue(text.contains("http://example.org/relative"), text);
    assertTrue(!text.contains("file:"), text);
  }

  @Test
  void theHeapGuardStopsTheHeaviestQueryAndPausesNewOnes() {
    QueryBudget light = new QueryBudget(limits(), System.nanoTime() + 10_000_000_000L);
    QueryBudget heavy = new QueryBudget(limits(), System.nanoTime() + 10_000_000_000L);
    light.charge(1_000, "a little");
    heavy.charge(1_000_000, "a lot");
    HeapGuard guard = HeapGuard.get();
    guard.running(light);
    guard.running(heavy);
    try {
      guard.shortOfMemory();
      assertEquals(QueryStop.Kind.SHORT_OF_MEMORY, heavy.stopped().kind());
      assertEquals(null, light.stopped(), "only the heaviest");
      Answer refused = run("ASK {}", limits());
      assertEquals(503, refused.status());
      assertEquals(5, refused.retryAfterSeconds());
    } finally {
      guard.done(light);
      guard.done(heavy);
    }
    // The pause ends on its own (and other tests here need the runner again); polled for, with
    // room for a busy machine: ten times the pause.
    long deadline = System.nanoTime() + 10 * HeapGuard.PAUSE_MILLIS * 1_000_000;
    while (guard.refusing() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    assertTrue(!guard.refusing(), "the pause ends");
  }

  @Test
  void everyAllowedFunctionIsDocumentedAsOneOfTheseKinds() {
    for (String iri : AllowedFunctions.iris()) {
      assertTrue(
          List.of(
                  AllowedFunctions.XSD,
                  AllowedFunctions.FN,
                  AllowedFunctions.MATH,
                  AllowedFunctions.AFN)
              .stream()
              .anyMatch(iri::startsWith),
          iri);
    }
    assertTrue(!AllowedFunctions.isAllowed("http://jena.apache.org/ARQ/function#wait"));
    assertTrue(!AllowedFunctions.isAllowed("http://jena.apache.org/ARQ/function#sprintf"));
    assertTrue(AllowedFunctions.isAllowed("http://www.w3.org/2005/xpath-functions#concat"));
  }
}
