package org.w3id.tonet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.AnswerFormat;
import org.w3id.tonet.sparql.QueryBudget;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.ServiceAllowList;
import org.w3id.tonet.sparql.StandardFormat;

/**
 * The unfinished site a cold start answers its first queries from (issue 22) gives only answers the
 * finished site gives too. Two oracles: the finished build itself (what the unfinished site lacks
 * is exactly what {@link UnfinishedGraph.ToCome} says may still come, for every test council and
 * set of options), and the finished site's answers (every query of queries/ and of a list that
 * reaches for each part of the description is either answered as the finished site answers it, or
 * stopped as not final — never answered otherwise).
 */
class UnfinishedSiteTest {

  private static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

  static Stream<Arguments> builds() {
    Publisher named = new Publisher("https://example.org/us", "Us", "mailto:us@example.org");
    List<Arguments> all = new ArrayList<>();
    for (String folder : List.of("seeds", "examples/mizunagi")) {
      for (String license : new String[] {null, LICENSE}) {
        for (Publisher publisher : List.of(Publisher.UNNAMED, named)) {
          all.add(Arguments.of(folder, license, publisher));
        }
      }
    }
    return all.stream();
  }

  /**
   * Everything the finished site holds and the unfinished one does not is matched by {@link
   * UnfinishedGraph.ToCome#mayMatch} — which asks of each of subject, predicate and object alone
   * whether it may be one to come, so a pattern with wildcards that matches such a triple is
   * matched too — and the unfinished site holds nothing the finished one does not.
   */
  @ParameterizedTest(name = "{0}, licence {1}, {2}")
  @MethodSource("builds")
  void allItLacksIsWhatMayStillCome(String folder, String license, Publisher publisher)
      throws Exception {
    Build build = TestSeeds.folderBuild(folder);
    Site finished = Site.over(build, license, publisher, null);
    Site unfinished = Site.unfinished(build, license, publisher, QueryRunner.NotFinal::raise);
    UnfinishedGraph.ToCome toCome = new UnfinishedGraph.ToCome(build.iris(), license);
    Graph known = unfinished.union().getGraph();
    Graph all = finished.union().getGraph();
    List<Triple> extra = known.find().filterDrop(all::contains).toList();
    assertEquals(List.of(), extra, "the unfinished site holds only what the finished one holds");
    List<Triple> toComeTriples = all.find().filterDrop(known::contains).toList();
    assertTrue(
        toComeTriples.size() > 100,
        "the distributions and measurements are still to come: " + toComeTriples.size());
    for (Triple t : toComeTriples) {
      assertTrue(
          toCome.mayMatch(t.getSubject(), t.getPredicate(), t.getObject()),
          "a triple of the finished description that UnfinishedGraph.ToCome does not expect: " + t);
    }
    assertEquals(finished.data(), unfinished.data());
    assertEquals(finished.ontology(), unfinished.ontology());
  }

  private static List<String> queries(Site site) throws IOException {
    List<String> texts = new ArrayList<>(TestSeeds.competencyQueries());
    String data = "<" + site.iris().graph("data") + ">";
    String meta = "<" + site.iris().graph("meta") + ">";
    String dataset = "<" + site.iris().dataset() + ">";
    String prefixes =
        "PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dqv: <http://www.w3.org/ns/dqv#>"
            + " PREFIX void: <http://rdfs.org/ns/void#> PREFIX dct: <http://purl.org/dc/terms/>"
            + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
            + " PREFIX schema: <http://schema.org/>"
            + " PREFIX tonet: <https://w3id.org/tonet/ontology#> ";
    for (String q :
        List.of(
            "ASK {}",
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            "SELECT (COUNT(*) AS ?n) FROM " + data + " { ?s ?p ?o }",
            "SELECT (COUNT(*) AS ?n) FROM " + meta + " { ?s ?p ?o }",
            "SELECT (COUNT(*) AS ?n) { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } }",
            "SELECT ?d ?size { ?d dcat:byteSize ?size }",
            "SELECT ?m ?v { " + dataset + " dqv:hasQualityMeasurement ?m . ?m dqv:value ?v }",
            "SELECT ?d { " + dataset + " dcat:distribution ?d }",
            "SELECT ?p ?o { " + dataset + " ?p ?o }",
            "SELECT ?n { " + dataset + " void:triples ?n }",
            "SELECT ?t { " + dataset + " dct:title ?t }",
            "SELECT ?x ?l { ?x rdfs:label ?l }",
            "SELECT ?x { ?x a dcat:Distribution }",
            "SELECT ?x ?t { ?x a ?t }",
            "SELECT ?e ?d { ?e a tonet:Symposium ; schema:startDate ?d } ORDER BY ?d",
            "SELECT ?e ?l { ?e a tonet:Symposium ; rdfs:label ?l }",
            "SELECT ?e { ?e a tonet:Symposium FILTER NOT EXISTS { ?e rdfs:label ?l } }",
            "SELECT ?e { ?e a tonet:Symposium FILTER NOT EXISTS { ?x dcat:distribution ?e } }",
            "SELECT ?e { ?e a tonet:Symposium OPTIONAL { ?x dcat:downloadURL ?e } }",
            "SELECT ?s { ?s dct:license ?l }",
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH " + meta + " { ?s ?p ?o } }",
            "CONSTRUCT WHERE { ?e a tonet:GeneralAssembly ; schema:startDate ?d }",
            "DESCRIBE " + dataset,
            "SELECT ?x { ?x <http://spdx.org/rdf/terms#checksumValue> ?v }",
            "SELECT ?o { ?s ?p ?o FILTER(isLiteral(?o) && STRSTARTS(STR(?o), \"tonet\")) }",
            // What the description already holds, but in another order than the finished site's
            // graphs give it: an answer that depends on that order is not the finished one.
            "SELECT ?s ?k { ?s dcat:keyword ?k }",
            "SELECT ?s ?k { ?s dcat:keyword ?k } LIMIT 2",
            "SELECT ?k { ?s dcat:keyword ?k } OFFSET 7",
            "SELECT (GROUP_CONCAT(?k) AS ?ks) { ?s dcat:keyword ?k }",
            "SELECT (SAMPLE(?k) AS ?one) { ?s dcat:keyword ?k }",
            "SELECT (SUM(STRLEN(?k) * 0.1e0) AS ?x) { ?s dcat:keyword ?k }",
            "CONSTRUCT WHERE { ?s dcat:keyword ?k } LIMIT 1",
            "DESCRIBE ?o WHERE { ?d dct:source ?o } LIMIT 1",
            "ASK { { SELECT ?k { ?s dcat:keyword ?k } LIMIT 1 } FILTER(LANG(?k) = \"en\") }",
            // Paths: a negated property set and a repetition with both ends open read every
            // triple; one from the dataset through properties of its own is answered.
            "SELECT ?o { " + dataset + " !(rdfs:label) ?o }",
            "SELECT ?x ?y { ?x dct:source* ?y }",
            "SELECT ?x { " + dataset + " (dct:source|dct:publisher)* ?x }",
            "DESCRIBE tonet:ChecksPassed",
            "SELECT ?s ?d { ?s a tonet:Symposium OPTIONAL { ?s dcat:distribution ?d } }",
            // ARQ's ORDER BY is total (ties are ordered by every variable): a slice of it is final.
            "SELECT ?s ?k { ?s dcat:keyword ?k } ORDER BY ?s LIMIT 2",
            "SELECT ?d ?o { ?d dct:source ?o } ORDER BY DESC(?d)")) {
      texts.add(prefixes + q);
    }
    return texts;
  }

  /**
   * Every query is answered as the finished site answers it, or waits for it; also when the result
   * cap cuts an answer (which rows it keeps depends on the order they come in).
   */
  @ParameterizedTest(name = "licence {0}, cap {1}")
  @CsvSource({"'', 10000", LICENSE + ", 10000", "'', 3"})
  void everyAnswerItGivesIsTheFinishedSitesAnswer(String licenseOrEmpty, long cap)
      throws Exception {
    String license = licenseOrEmpty.isEmpty() ? null : licenseOrEmpty;
    Build build = TestSeeds.seedBuild();
    Site finished = Site.over(build, license, Publisher.UNNAMED, null);
    Site unfinished =
        Site.unfinished(build, license, Publisher.UNNAMED, QueryRunner.NotFinal::raise);
    QueryRunner early = QueryRunner.unfinished(unfinished.dataset(), ServiceAllowList.none(), "x:");
    QueryRunner late = new QueryRunner(finished.dataset(), ServiceAllowList.none(), "x:");
    int answered = 0;
    int waited = 0;
    int cut = 0;
    List<String> otherwise = new ArrayList<>();
    List<String> texts = queries(finished);
    for (String text : texts) {
      Answer now = run(early, text, cap);
      Answer then = run(late, text, cap);
      assertEquals(200, then.status(), text + ": " + then.message());
      if (now.unfinished()) {
        assertEquals(503, now.status(), text);
        waited++;
        continue;
      }
      answered++;
      assertEquals(200, now.status(), text + ": " + now.message());
      if (now.capped()) {
        cut++;
      }
      if (!sameAnswer(QueryFactory.create(text), now, then)) {
        otherwise.add(text.replaceAll("PREFIX \\S+ <[^>]*> ", ""));
      }
    }
    assertEquals(List.of(), otherwise, "answered otherwise than the finished site answers them");
    // Both kinds occur, so neither check above is idle; at the small cap, so do answers it cut.
    assertTrue(
        answered >= texts.size() / (cap < 10 ? 3 : 2),
        "most queries are answered early: " + answered);
    assertTrue(waited >= 12, "the queries that reach the description wait: " + waited);
    assertTrue(cap >= 10 || cut > 0, "answers in order are cut at the cap, and given early");
  }

  /** The same answer: the same bytes for ASK, an isomorphic graph, or the same rows. */
  private static boolean sameAnswer(Query query, Answer now, Answer then) {
    if (query.isAskType()) {
      return Arrays.equals(then.body(), now.body());
    }
    if (query.isConstructType() || query.isDescribeType()) {
      return graph(now).isIsomorphicWith(graph(then));
    }
    ResultSetRewindable a = rows(now);
    ResultSetRewindable b = rows(then);
    return a.size() == b.size()
        && (query.isOrdered()
            ? ResultSetCompare.equalsByTermAndOrder(a, b)
            : ResultSetCompare.equalsByTerm(a, b));
  }

  /** The queries of the list that must wait, and some that need not. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
        "SELECT ?d ?size { ?d <http://www.w3.org/ns/dcat#byteSize> ?size }",
        "SELECT ?x ?l { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
        // Stopped inside a FILTER, which takes other exceptions for a false condition.
        "SELECT ?e { ?e a <https://w3id.org/tonet/ontology#Symposium>"
            + " FILTER NOT EXISTS { ?x <http://www.w3.org/ns/dcat#byteSize> ?size } }",
        "SELECT ?s ?o { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?o } }",
      })
  void aQueryThatReachesWhatIsToComeWaits(String text) throws Exception {
    Site unfinished =
        Site.unfinished(
            TestSeeds.seedBuild(), null, Publisher.UNNAMED, QueryRunner.NotFinal::raise);
    Answer a =
        run(QueryRunner.unfinished(unfinished.dataset(), ServiceAllowList.none(), "x:"), text);
    assertTrue(a.unfinished(), text);
    assertFalse(a.ok());
  }

  private static Answer run(QueryRunner runner, String text) {
    return run(runner, text, QueryLimits.defaults(2).maxResults());
  }

  private static Answer run(QueryRunner runner, String text, long cap) {
    QueryLimits limits =
        QueryLimits.defaults(2).withTimeout(Duration.ofMinutes(2)).withMaxResults(cap);
    QueryBudget budget = new QueryBudget(limits, System.nanoTime() + limits.timeout().toNanos());
    return runner.run(QueryRunner.Request.of(text), FORMATS, budget);
  }

  private static final QueryRunner.Formats FORMATS =
      new QueryRunner.Formats() {
        @Override
        public AnswerFormat choose(boolean table) {
          return table ? StandardFormat.JSON : StandardFormat.NTRIPLES;
        }

        @Override
        public String notAcceptable(boolean table) {
          return "none";
        }
      };

  private static ResultSetRewindable rows(Answer a) {
    return ResultSetFactory.makeRewindable(
        ResultSetMgr.read(new ByteArrayInputStream(a.body()), ResultSetLang.RS_JSON));
  }

  private static Graph graph(Answer a) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.source(new ByteArrayInputStream(a.body())).lang(Lang.NTRIPLES).parse(g);
    return g;
  }
}
