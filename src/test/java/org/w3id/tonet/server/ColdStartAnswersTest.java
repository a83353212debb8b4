package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.tonet.TestSeeds;

/**
 * A cold start answers SPARQL before its publication is finished (issue 22), and only with the
 * finished publication's answers: the server is held at the moment the unfinished site answers (its
 * progress step), and a data query is answered then, neither tagged nor to be kept; a query that
 * reaches the description's distributions waits and gets the finished answer, with its tag, once
 * the start ends (or 503 when its own time limit comes first); the pages, the description and a
 * page of results wait for the site. The early answer is read by a real client too (Jena's
 * RDFConnection). Both ways a start builds — on the preparing thread (base known before binding)
 * and after binding — and with the answer cache off (--cache-size 0), which answers the same.
 */
class ColdStartAnswersTest {

  private static final String EARLY_STEP = "SPARQL queries answered from the data";
  private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");

  private static final String SYMPOSIA =
      "PREFIX tonet: <https://w3id.org/tonet/ontology#> PREFIX schema: <http://schema.org/>"
          + " SELECT ?e ?d { ?e a tonet:Symposium ; schema:startDate ?d } ORDER BY ?d ?e";
  private static final String DISTRIBUTIONS =
      "SELECT (COUNT(?d) AS ?n) { ?x <" + DCAT.distribution.getURI() + "> ?d }";

  /**
   * Two of the dataset's keywords, whichever come first: the unfinished site holds them all, but
   * gives them in another order than the finished site's graphs.
   */
  private static final String TWO_KEYWORDS =
      "SELECT ?k { ?s <" + DCAT.keyword.getURI() + "> ?k } LIMIT 2";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ParameterizedTest(name = "base known before binding: {0}, --cache-size {1} MB")
  @CsvSource({"true, 64", "false, 64", "true, 0"})
  void firstAnswersAreTheFinishedOnes(boolean baseKnown, int cacheMb) throws Exception {
    CountDownLatch early = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger port = new AtomicInteger();
    TonetServer.Builder builder =
        TonetServer.create()
            .port(0)
            .council(TestSeeds.tone())
            .cacheSize(cacheMb * 1024L * 1024)
            .progress(
                (what, millis) -> {
                  Matcher m = PORT.matcher(what);
                  if (m.find()) {
                    port.set(Integer.parseInt(m.group(1)));
                  }
                  if (what.startsWith(EARLY_STEP)) {
                    early.countDown();
                    try {
                      release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                });
    if (baseKnown) {
      builder.baseIri(TestSeeds.BASE);
    }
    CompletableFuture<TonetServer> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return builder.start();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    TonetServer server = null;
    try {
      assertTrue(early.await(60, TimeUnit.SECONDS), "the unfinished site answers");
      // With the base known, the unfinished site may come before the port is bound.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (port.get() == 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      String url = "http://127.0.0.1:" + port.get() + "/";

      HttpResponse<byte[]> first =
          get(url + "sparql?query=" + encode(SYMPOSIA), "application/sparql-results+json");
      assertEquals(200, first.statusCode(), Http.text(first));
      assertNull(Http.header(first, "ETag"), "no publication's answer yet: no tag");
      assertEquals("no-store", Http.header(first, "Cache-Control"));
      // A real client reads it: Jena's RDFConnection, as a harvesting portal's would.
      ResultSetRewindable viaJena;
      try (RDFConnection conn = RDFConnectionRemote.service(url + "sparql").build();
          QueryExecution exec = conn.query(SYMPOSIA)) {
        viaJena = ResultSetFactory.copyResults(exec.execSelect());
      }
      assertEquals(503, get(url + "void", "text/turtle").statusCode());
      assertEquals(503, get(url + "sparql", "text/turtle").statusCode(), "service description");

      // Its own time limit (2 s: the query itself is stopped at its first look-up, well within it
      // even on a busy machine) comes before the publication is finished, which is held.
      HttpResponse<byte[]> impatient =
          get(
              url + "sparql?timeout=2&query=" + encode(DISTRIBUTIONS),
              "application/sparql-results+json");
      assertEquals(503, impatient.statusCode(), Http.text(impatient));
      assertEquals("1", Http.header(impatient, "Retry-After"));

      // A slice of rows in no order depends on the order the graphs give them in: it waits too.
      HttpResponse<byte[]> sliced =
          get(
              url + "sparql?timeout=2&query=" + encode(TWO_KEYWORDS),
              "application/sparql-results+json");
      assertEquals(503, sliced.statusCode(), Http.text(sliced));
      assertEquals("1", Http.header(sliced, "Retry-After"), "it waited, and was not answered");

      CompletableFuture<HttpResponse<byte[]>> waiting =
          getAsync(
              url + "sparql?query=" + encode(DISTRIBUTIONS), "application/sparql-results+json");
      CompletableFuture<HttpResponse<byte[]>> page =
          getAsync(url + "sparql?query=" + encode(SYMPOSIA), "text/html");
      // Not answered while the server is held (were either answered now, it would be before the
      // publication it must come from).
      Thread.sleep(300);
      assertFalse(waiting.isDone(), "a query on the distributions waits for them");
      assertFalse(page.isDone(), "a page of results waits for the site's pages");

      release.countDown();
      server = starting.get(60, TimeUnit.SECONDS);

      HttpResponse<byte[]> distributions = waiting.get(30, TimeUnit.SECONDS);
      assertEquals(200, distributions.statusCode(), Http.text(distributions));
      assertNotNull(Http.header(distributions, "ETag"), "the finished publication's answer");
      long expected =
          server
              .site()
              .meta()
              .listStatements(null, DCAT.distribution, (RDFNode) null)
              .toList()
              .size();
      assertTrue(expected > 20, "distributions: " + expected);
      assertTrue(
          Http.text(distributions).contains("\"value\": \"" + expected + "\""),
          Http.text(distributions));
      HttpResponse<byte[]> shown = page.get(30, TimeUnit.SECONDS);
      assertEquals(200, shown.statusCode());
      assertTrue(Http.header(shown, "Content-Type").startsWith("text/html"));

      HttpResponse<byte[]> later =
          get(url + "sparql?query=" + encode(SYMPOSIA), "application/sparql-results+json");
      assertEquals(200, later.statusCode());
      assertNotNull(Http.header(later, "ETag"));
      ResultSetRewindable a = rows(first.body());
      ResultSetRewindable b = rows(later.body());
      assertTrue(a.size() >= 5, "symposia: " + a.size());
      assertTrue(
          ResultSetCompare.equalsByTermAndOrder(a, b), "the early answer is the finished one");
      b.reset();
      assertTrue(
          ResultSetCompare.equalsByTermAndOrder(viaJena, b), "as RDFConnection read it early");
    } finally {
      release.countDown();
      if (server == null) {
        server = starting.get(60, TimeUnit.SECONDS);
      }
      server.stop();
    }
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static HttpResponse<byte[]> get(String url, String accept) throws Exception {
    return getAsync(url, accept).get(60, TimeUnit.SECONDS);
  }

  private static CompletableFuture<HttpResponse<byte[]>> getAsync(String url, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static ResultSetRewindable rows(byte[] json) {
    return ResultSetFactory.makeRewindable(
        ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON));
  }
}
