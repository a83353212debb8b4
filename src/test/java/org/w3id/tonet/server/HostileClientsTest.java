package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.sparql.QueryLimits;

/**
 * What a public endpoint meets: oversized results, URLs and bodies, probing paths, and pages that
 * must not be turned against their readers. (Updates, graph-store writes, CORS, traversal of
 * /downloads and timeouts are in ServerTest and ServerOptionsTest.)
 */
class HostileClientsTest {

  private static final int CAP = 50;

  @RegisterExtension
  static final ServerOnTestSeed SERVER = new ServerOnTestSeed(b -> b.maxResults(CAP));

  private static int rows(HttpResponse<byte[]> r) {
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
    int n = 0;
    while (rs.hasNext()) {
      rs.next();
      n++;
    }
    return n;
  }

  @Test
  void aQueryWithoutLimitIsCappedAndSaysSo() throws Exception {
    // Twice: the second answer comes from the filter's remembered decision.
    for (int round = 1; round <= 2; round++) {
      HttpResponse<byte[]> r =
          Http.get(
              SERVER.url() + "sparql?query=" + ServerTest.enc("SELECT * WHERE { ?s ?p ?o }"),
              "Accept",
              "application/sparql-results+json");
      assertEquals(200, r.statusCode(), "round " + round);
      assertEquals(CAP, rows(r), "round " + round);
      assertEquals(Integer.toString(CAP), Http.header(r, SparqlHandler.RESULT_LIMIT_HEADER));
    }
  }

  @Test
  void aLargerLimitIsLoweredAndASmallerOneKept() throws Exception {
    HttpResponse<byte[]> big =
        Http.post(
            SERVER.url() + "sparql",
            "application/sparql-query",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 100000",
            "Accept",
            "application/sparql-results+json");
    assertEquals(CAP, rows(big));
    assertEquals(Integer.toString(CAP), Http.header(big, SparqlHandler.RESULT_LIMIT_HEADER));
    for (int round = 1; round <= 2; round++) {
      HttpResponse<byte[]> small =
          Http.post(
              SERVER.url() + "sparql",
              "application/x-www-form-urlencoded",
              "query=" + ServerTest.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 7"),
              "Accept",
              "application/sparql-results+json");
      assertEquals(7, rows(small), "round " + round);
      assertNull(Http.header(small, SparqlHandler.RESULT_LIMIT_HEADER), "round " + round);
    }
  }

  @Test
  void constructResultsAreCappedToo() throws Exception {
    HttpResponse<byte[]> r =
        Http.get(
            SERVER.url() + "sparql?query=" + ServerTest.enc("CONSTRUCT WHERE { ?s ?p ?o }"),
            "Accept",
            "application/n-triples");
    assertEquals(200, r.statusCode());
    assertTrue(ServerTest.parse(r.body(), Lang.NTRIPLES).size() <= CAP);
  }

  /** {@code n} numbers as a VALUES block: a pattern with exactly n solutions. */
  private static String values(int n) {
    StringBuilder s = new StringBuilder("VALUES ?x {");
    for (int i = 1; i <= n; i++) {
      s.append(' ').append(i);
    }
    return s.append(" }").toString();
  }

  /** A query form whose pattern has {@code n} solutions, and what its answer holds. */
  private static HttpResponse<byte[]> ask(String query) throws Exception {
    return Http.get(
        SERVER.url() + "sparql?query=" + ServerTest.enc(query),
        "Accept",
        "application/sparql-results+json, application/n-triples;q=0.9");
  }

  @ParameterizedTest(name = "{0} solutions")
  @ValueSource(ints = {CAP - 1, CAP, CAP + 1, 3 * CAP})
  void theLimitHeaderIsSentOnlyWhenSomethingWasCutForEveryQueryForm(int n) throws Exception {
    boolean cut = n > CAP;
    String limit = cut ? Integer.toString(CAP) : null;
    HttpResponse<byte[]> select = ask("SELECT ?x WHERE { " + values(n) + " }");
    assertEquals(Math.min(n, CAP), rows(select), "SELECT");
    assertEquals(limit, Http.header(select, SparqlHandler.RESULT_LIMIT_HEADER), "SELECT");
    HttpResponse<byte[]> construct =
        ask("CONSTRUCT { <urn:x:s> <urn:x:p> ?x } WHERE { " + values(n) + " }");
    assertEquals(Math.min(n, CAP), ServerTest.parse(construct.body(), Lang.NTRIPLES).size());
    assertEquals(limit, Http.header(construct, SparqlHandler.RESULT_LIMIT_HEADER), "CONSTRUCT");
    HttpResponse<byte[]> described =
        ask(
            "DESCRIBE ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY ?s LIMIT "
                + n
                + " } }");
    assertEquals(200, described.statusCode(), Http.text(described));
    assertEquals(limit, Http.header(described, SparqlHandler.RESULT_LIMIT_HEADER), "DESCRIBE");
    HttpResponse<byte[]> ask = ask("ASK { " + values(n) + " }");
    assertNull(Http.header(ask, SparqlHandler.RESULT_LIMIT_HEADER), "ASK");
  }

  @Test
  void aDescribeOfOneResourceIsNotCut() throws Exception {
    HttpResponse<byte[]> r = ask("DESCRIBE <" + SERVER.server().site().base() + "id/org/council>");
    assertEquals(200, r.statusCode());
    assertTrue(ServerTest.parse(r.body(), Lang.NTRIPLES).size() > 0);
    assertNull(Http.header(r, SparqlHandler.RESULT_LIMIT_HEADER));
  }

  @Test
  void aSyntaxErrorStillGetsFusekisMessage() throws Exception {
    HttpResponse<byte[]> r =
        Http.get(SERVER.url() + "sparql?query=" + ServerTest.enc("SELEC * WHERE { ?s ?p ?o }"));
    assertEquals(400, r.statusCode());
    assertTrue(Http.text(r).toLowerCase().contains("parse"), Http.text(r));
  }

  @Test
  void anOverlongUrlIsRefusedAndTheServerGoesOn() throws Exception {
    String padding = "#".repeat(20_000);
    HttpResponse<byte[]> r =
        Http.get(SERVER.url() + "sparql?query=" + ServerTest.enc("ASK {}" + padding));
    assertTrue(r.statusCode() == 414 || r.statusCode() == 431, "status " + r.statusCode());
    assertEquals(200, Http.get(SERVER.url() + "page/org/council").statusCode());
  }

  @Test
  void anOverlongBodyIsRefused() throws Exception {
    String query = "ASK {}\n#" + "x".repeat(QueryLimits.DEFAULT_MAX_QUERY_BYTES + 10);
    HttpResponse<byte[]> r = Http.post(SERVER.url() + "sparql", "application/sparql-query", query);
    assertEquals(413, r.statusCode());
  }

  @ParameterizedTest(name = "{0} carries the security headers")
  @ValueSource(
      strings = {"", "page/org/council", "ontology", "query/symposia", "sparql", "page/nothing"})
  void htmlCarriesSecurityHeaders(String path) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path, "Accept", "text/html");
    assertEquals(SecurityHeaders.CSP, Http.header(r, "Content-Security-Policy"));
    assertEquals("nosniff", Http.header(r, "X-Content-Type-Options"));
    assertEquals("strict-origin-when-cross-origin", Http.header(r, "Referrer-Policy"));
    String html = Http.text(r);
    assertTrue(
        !html.contains("onclick=") && !html.contains("onload=") && !html.contains("javascript:"),
        "no inline handler or javascript: link in our pages");
    java.util.regex.Matcher scripts =
        java.util.regex.Pattern.compile("<script([^>]*)>").matcher(html);
    while (scripts.find()) {
      String attributes = scripts.group(1);
      assertTrue(
          attributes.contains("type=\"application/ld+json\"")
              || attributes.matches(
                  " src=\"" + java.util.regex.Pattern.quote(SERVER.url()) + "static/[^\"]+\""),
          "a script that is neither data nor a file of ours: <script" + attributes + ">");
    }
  }

  @ParameterizedTest(name = "probe {0} finds nothing")
  @ValueSource(
      strings = {
        "page/../../etc/passwd",
        "data/%2e%2e/%2e%2e/pom.xml",
        "id/..%2F..%2Fpom.xml",
        "query/../../pom",
        "static/%2e%2e/log4j2.xml",
        "downloads/%00tonet.ttl",
        "WEB-INF/web.xml",
        "META-INF/MANIFEST.MF"
      })
  void probingPathsFindNothing(String path) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path);
    assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " → " + r.statusCode());
    String body = Http.text(r);
    assertTrue(
        !body.contains("root:") && !body.contains("<Configuration") && !body.contains("Main-Class"),
        body);
  }
}
