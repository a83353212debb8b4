package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;

/**
 * Federation over loopback only: a separate regional SPARQL server (plain Fuseki, holding sample
 * data shaped like the statistical LOD standard area codes) joins its data with ours through
 * SERVICE to our /sparql; and our own endpoint calls out only to endpoints it was started with
 * (--allow-service), refusing every other SERVICE, variable ones included.
 */
class FederationTest {

  /**
   * A small sample of standard-area-code data as a regional portal would hold it (labels, codes,
   * the city/town class, the prefecture the code is part of). The dated codes are those of the
   * gazetteer; the sample says nothing we do not.
   */
  private static final String REGIONAL_SAMPLE =
      """
      @prefix sac:     <http://data.e-stat.go.jp/lod/sac/> .
      @prefix sacs:    <http://data.e-stat.go.jp/lod/terms/sacs#> .
      @prefix dcterms: <http://purl.org/dc/terms/> .
      @prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .

      sac:C11000-19700401 a sacs:StandardAreaCode ; dcterms:identifier "11000" ;
          rdfs:label "埼玉県"@ja , "Saitama-ken"@en ; sacs:administrativeClass sacs:Prefecture .
      sac:C11206-20060101 a sacs:StandardAreaCode ; dcterms:identifier "11206" ;
          rdfs:label "行田市"@ja , "Gyoda-shi"@en ; sacs:administrativeClass sacs:City ;
          dcterms:isPartOf sac:C11000-19700401 .
      sac:C11210-20100323 a sacs:StandardAreaCode ; dcterms:identifier "11210" ;
          rdfs:label "加須市"@ja , "Kazo-shi"@en ; sacs:administrativeClass sacs:City ;
          dcterms:isPartOf sac:C11000-19700401 .
      sac:C11216-19990601 a sacs:StandardAreaCode ; dcterms:identifier "11216" ;
          rdfs:label "羽生市"@ja , "Hanyu-shi"@en ; sacs:administrativeClass sacs:City ;
          dcterms:isPartOf sac:C11000-19700401 .
      sac:C11232-20100323 a sacs:StandardAreaCode ; dcterms:identifier "11232" ;
          rdfs:label "久喜市"@ja , "Kuki-shi"@en ; sacs:administrativeClass sacs:City ;
          dcterms:isPartOf sac:C11000-19700401 .
      sac:C11238-20110104 a sacs:StandardAreaCode ; dcterms:identifier "11238" ;
          rdfs:label "蓮田市"@ja , "Hasuda-shi"@en ; sacs:administrativeClass sacs:City ;
          dcterms:isPartOf sac:C11000-19700401 .
      sac:C11240-19971201 a sacs:StandardAreaCode ; dcterms:identifier "11240" ;
          rdfs:label "幸手市"@ja , "Satte-shi"@en ; sacs:administrativeClass sacs:City ;
          dcterms:isPartOf sac:C11000-19700401 .
      sac:C11442-19990901 a sacs:StandardAreaCode ; dcterms:identifier "11442" ;
          rdfs:label "宮代町"@ja , "Miyashiro-machi"@en ; sacs:administrativeClass sacs:Town ;
          dcterms:isPartOf sac:C11000-19700401 .
      sac:C11464-19971201 a sacs:StandardAreaCode ; dcterms:identifier "11464" ;
          rdfs:label "杉戸町"@ja , "Sugito-machi"@en ; sacs:administrativeClass sacs:Town ;
          dcterms:isPartOf sac:C11000-19700401 .
      """;

  private static final String PREFIXES =
      """
      PREFIX tonet:   <https://w3id.org/tonet/ontology#>
      PREFIX schema:  <http://schema.org/>
      PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
      PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX sacs:    <http://data.e-stat.go.jp/lod/terms/sacs#>
      """;

  private static FusekiServer regional;
  private static TonetServer closed;
  private static TonetServer federating;
  private static String regionalSparql;

  @BeforeAll
  static void start() throws Exception {
    DatasetGraph sample = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(
        sample,
        () ->
            RDFParser.fromString(REGIONAL_SAMPLE)
                .lang(Lang.TURTLE)
                .parse(sample.getDefaultGraph()));
    regional = FusekiServer.create().port(0).loopback(true).add("/regional", sample, false).build();
    regional.start();
    regionalSparql = "http://127.0.0.1:" + regional.getHttpPort() + "/regional/sparql";
    closed = TonetServer.create().port(0).council(TestSeeds.tone()).start();
    federating =
        TonetServer.create()
            .port(0)
            .council(TestSeeds.tone())
            .allowService(List.of(regionalSparql))
            .start();
  }

  @AfterAll
  static void stop() {
    try {
      if (federating != null) {
        federating.stop();
      }
    } finally {
      try {
        if (closed != null) {
          closed.stop();
        }
      } finally {
        if (regional != null) {
          regional.stop();
        }
      }
    }
  }

  private static String ourSparql(TonetServer server) {
    return "http://127.0.0.1:" + server.port() + "/sparql";
  }

  // ---- a regional endpoint joins its data with ours ---------------------------------------------

  @Test
  void aRegionalEndpointJoinsItsCodesWithOurSymposia() {
    // Run on the regional server: its names for the codes, our symposia held in those places.
    String query =
        PREFIXES
            + """
            SELECT ?date ?name ?attendance WHERE {
              ?code a sacs:StandardAreaCode ; rdfs:label ?name .
              FILTER (lang(?name) = "ja")
              SERVICE <OURS> {
                ?place a tonet:Municipality ; tonet:municipalStatus/tonet:areaCode ?code .
                ?symposium a tonet:Symposium ;
                           schema:location/schema:containedInPlace ?place ;
                           schema:startDate ?date ;
                           tonet:attendance ?attendance .
              }
            }
            ORDER BY ?date
            """
                .replace("OURS", ourSparql(closed));
    List<String> rows = new ArrayList<>();
    try (QueryExecution exec = QueryExecution.service(regionalSparql).query(query).build()) {
      ResultSet results = exec.execSelect();
      results.forEachRemaining(
          (QuerySolution s) ->
              rows.add(
                  s.getLiteral("date").getLexicalForm()
                      + " "
                      + s.getLiteral("name").getString()
                      + " "
                      + s.getLiteral("attendance").getInt()));
    }
    assertEquals(
        List.of(
            "2012-03-17 加須市 230",
            "2013-03-23 久喜市 280",
            "2014-03-08 幸手市 180",
            "2015-03-07 羽生市 200",
            "2016-03-05 行田市 225",
            "2017-02-25 蓮田市 167",
            "2018-02-24 杉戸町 264",
            "2019-03-02 宮代町 131"),
        rows);
  }

  // ---- our endpoint does not call out unless told to ------------------------------------------

  private static HttpResponse<byte[]> ask(TonetServer server, String query) throws Exception {
    return Http.get(
        server.localUrl() + "sparql?query=" + ServerTest.enc(PREFIXES + query),
        "Accept",
        "application/sparql-results+json");
  }

  @Test
  void byDefaultEveryServiceIsRefused() throws Exception {
    HttpResponse<byte[]> r =
        ask(closed, "SELECT * WHERE { SERVICE <" + regionalSparql + "> { ?s ?p ?o } }");
    assertEquals(403, r.statusCode(), Http.text(r));
    assertTrue(Http.text(r).contains("SERVICE <" + regionalSparql + "> is refused"), Http.text(r));
    assertTrue(Http.text(r).contains("--allow-service"), Http.text(r));
  }

  @ParameterizedTest(name = "refused: {0}")
  @ValueSource(
      strings = {
        "SELECT * WHERE { VALUES ?e { <REGIONAL> } SERVICE ?e { ?s ?p ?o } }",
        "SELECT * WHERE { ?s a tonet:Symposium FILTER NOT EXISTS { SERVICE <UNLISTED> { ?s ?p ?o } } }",
        "SELECT * WHERE { ?s a tonet:Symposium OPTIONAL { ?s ?p ?o FILTER EXISTS { SERVICE <UNLISTED> { ?s ?p ?o } } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <UNLISTED> { ?s ?p ?o } } LIMIT 1 } }",
        "SELECT * WHERE { SERVICE <REGIONAL> { SERVICE <UNLISTED> { ?s ?p ?o } } }",
        "SELECT * WHERE { SERVICE SILENT <UNLISTED> { ?s ?p ?o } }",
        "ASK { GRAPH ?g { SERVICE <UNLISTED> { ?s ?p ?o } } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <UNLISTED> { ?s ?p ?o } }",
        "DESCRIBE ?s WHERE { SERVICE <UNLISTED> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE <http://169.254.169.254/latest/meta-data/> { ?s ?p ?o } }"
      })
  void serviceToAnUnlistedOrVariableEndpointIsRefused(String query) throws Exception {
    String q =
        query.replace("REGIONAL", regionalSparql).replace("UNLISTED", "http://127.0.0.1:1/sparql");
    HttpResponse<byte[]> r = ask(federating, q);
    assertEquals(403, r.statusCode(), Http.text(r));
    assertTrue(Http.text(r).contains("is refused"), Http.text(r));
  }

  @Test
  void aVariableServiceIsRefusedEvenWhenItCouldOnlyBeAListedEndpoint() throws Exception {
    HttpResponse<byte[]> r =
        ask(
            federating,
            "SELECT * WHERE { VALUES ?e { <" + regionalSparql + "> } SERVICE ?e { ?s ?p ?o } }");
    assertEquals(403, r.statusCode());
    assertTrue(Http.text(r).contains("variable"), Http.text(r));
  }

  @Test
  void serviceInAPostedQueryIsRefusedToo() throws Exception {
    String q = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }";
    HttpResponse<byte[]> direct =
        Http.post(closed.localUrl() + "sparql", "application/sparql-query", q);
    assertEquals(403, direct.statusCode(), Http.text(direct));
    HttpResponse<byte[]> form =
        Http.post(
            closed.localUrl() + "sparql",
            "application/x-www-form-urlencoded",
            "query=" + ServerTest.enc(q));
    assertEquals(403, form.statusCode(), Http.text(form));
  }

  @Test
  void aPostedQueryWithoutServiceStillReachesFuseki() throws Exception {
    HttpResponse<byte[]> r =
        Http.post(
            closed.localUrl() + "sparql",
            "application/sparql-query",
            PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?s a tonet:Municipality }",
            "Accept",
            "application/sparql-results+json");
    assertEquals(200, r.statusCode(), Http.text(r));
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
    assertEquals(9, rs.next().getLiteral("n").getInt());
  }

  @Test
  void aListedEndpointIsCalledAndJoinedWithOurData() throws Exception {
    String q =
        """
        SELECT ?date ?name WHERE {
          ?symposium a tonet:Symposium ; schema:startDate ?date ;
                     schema:location/schema:containedInPlace/tonet:municipalStatus/tonet:areaCode ?code .
          SERVICE <REGIONAL> { ?code rdfs:label ?name FILTER (lang(?name) = "en") }
        }
        ORDER BY ?date
        """
            .replace("REGIONAL", regionalSparql);
    HttpResponse<byte[]> r = ask(federating, q);
    assertEquals(200, r.statusCode(), Http.text(r));
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
    List<String> names = new ArrayList<>();
    rs.forEachRemaining(s -> names.add(s.getLiteral("name").getString()));
    assertEquals(
        List.of(
            "Kazo-shi",
            "Kuki-shi",
            "Satte-shi",
            "Hanyu-shi",
            "Gyoda-shi",
            "Hasuda-shi",
            "Sugito-machi",
            "Miyashiro-machi"),
        names);
    HttpResponse<byte[]> refused = ask(closed, q);
    assertEquals(403, refused.statusCode(), "the same query on a server without the option");
  }

  @Test
  void anUnlistedEndpointIsRefusedNamingTheListedOnes() throws Exception {
    HttpResponse<byte[]> r =
        ask(federating, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }");
    assertEquals(403, r.statusCode());
    assertTrue(Http.text(r).contains("calls out only to " + regionalSparql), Http.text(r));
  }

  // ---- defence in depth: the query engine enforces the list as well ------------------------

  @Test
  void theQueryEngineRefusesAnUnlistedServiceEvenPastTheFilter() {
    Dataset dataset = DatasetFactory.wrap(federating.site().dataset());
    String unlisted = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }";
    QueryExecException e =
        assertThrows(
            QueryExecException.class,
            () ->
                Txn.executeRead(
                    dataset,
                    () -> {
                      try (QueryExecution exec =
                          QueryExecution.dataset(dataset).query(unlisted).build()) {
                        exec.execSelect().forEachRemaining(s -> {});
                      }
                    }));
    assertTrue(e.getMessage().contains("is refused"), e.getMessage());
    String variable =
        "SELECT * WHERE { VALUES ?e { <" + regionalSparql + "> } SERVICE ?e { ?s ?p ?o } }";
    assertThrows(
        QueryExecException.class,
        () ->
            Txn.executeRead(
                dataset,
                () -> {
                  try (QueryExecution exec =
                      QueryExecution.dataset(dataset).query(variable).build()) {
                    exec.execSelect().forEachRemaining(s -> {});
                  }
                }));
    String listed =
        "SELECT (COUNT(*) AS ?n) WHERE { SERVICE <" + regionalSparql + "> { ?s ?p ?o } }";
    Txn.executeRead(
        dataset,
        () -> {
          try (QueryExecution exec = QueryExecution.dataset(dataset).query(listed).build()) {
            assertTrue(exec.execSelect().next().getLiteral("n").getInt() > 0, "listed: called");
          }
        });
  }

  @Test
  void withNothingListedTheEngineCallsNoOne() {
    Dataset dataset = DatasetFactory.wrap(closed.site().dataset());
    String q = "SELECT * WHERE { SERVICE <" + regionalSparql + "> { ?s ?p ?o } }";
    assertThrows(
        QueryExecException.class,
        () ->
            Txn.executeRead(
                dataset,
                () -> {
                  try (QueryExecution exec = QueryExecution.dataset(dataset).query(q).build()) {
                    exec.execSelect().forEachRemaining(s -> {});
                  }
                }));
  }

  @ParameterizedTest(name = "--allow-service {0} is a usage error")
  @ValueSource(
      strings = {"regional.example/sparql", "ftp://regional.example/", "file:///etc/passwd"})
  void anAllowedServiceMustBeAnHttpUrl(String url) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TonetServer.create().allowService(List.of(url)));
    assertTrue(e.getMessage().contains("--allow-service"), e.getMessage());
  }
}
