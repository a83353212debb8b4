package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.validate.QueryFolder;

/**
 * SPARQL answers are kept for the life of the publication: a kept answer is the same bytes as one
 * made afresh, costs its client no query time, serves GET, HEAD and both POSTs, and is never a
 * failure; the same query asked by many at once runs once.
 */
class AnswerCacheTest {

  /**
   * The cached server's time limit: no query here comes near it, even on a machine busy with other
   * work (the slowest takes about 1 s on an idle one); the queries meant to run out of time ask for
   * {@link #HELD} with {@code timeout=}.
   */
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** How long the query that holds a client's only slot runs before it is stopped. */
  private static final Duration HELD = Duration.ofSeconds(10);

  private static TonetServer cached;
  private static TonetServer uncached;

  @BeforeAll
  static void start() throws Exception {
    cached =
        TonetServer.create()
            .port(0)
            .council(TestSeeds.tone())
            .baseIri("http://localhost:3030/")
            .queryTimeout(LIMIT)
            // One query at a time and little query time per client: what is answered beyond that
            // comes from the kept answers.
            .fairUse(new QueryScheduler.Settings(2, 4, 1, Duration.ofSeconds(60)))
            .trustedProxies(List.of("127.0.0.1"))
            .start();
    uncached =
        TonetServer.create()
            .port(0)
            .council(TestSeeds.tone())
            .baseIri("http://localhost:3030/")
            .queryTimeout(LIMIT)
            .cacheSize(0)
            .start();
  }

  @AfterAll
  static void stop() {
    try {
      if (cached != null) {
        cached.stop();
      }
    } finally {
      if (uncached != null) {
        uncached.stop();
      }
    }
  }

  static List<String> queries() {
    return QueryFolder.list("/queries").stream().map(QueryFolder.Query::name).toList();
  }

  private static String text(String name) {
    return QueryFolder.list("/queries").stream()
        .filter(q -> q.name().equals(name))
        .findFirst()
        .orElseThrow()
        .text();
  }

  private static HttpResponse<byte[]> get(TonetServer s, String query, String accept, String client)
      throws Exception {
    return Http.get(
        s.localUrl() + "sparql?query=" + ServerTest.enc(query),
        "Accept",
        accept,
        "X-Forwarded-For",
        client);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void aKeptAnswerIsTheSameBytesAsOneMadeAfresh(String name) throws Exception {
    for (String accept :
        List.of(
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
            "text/turtle",
            "application/n-triples")) {
      HttpResponse<byte[]> fresh = get(uncached, text(name), accept, "198.51.100.1");
      HttpResponse<byte[]> first = get(cached, text(name), accept, "198.51.100.1");
      HttpResponse<byte[]> kept = get(cached, text(name), accept, "198.51.100.1");
      assertEquals(fresh.statusCode(), kept.statusCode(), name + " " + accept);
      if (fresh.statusCode() == 200) {
        assertArrayEquals(fresh.body(), first.body(), name + " " + accept + ": first answer");
        assertArrayEquals(fresh.body(), kept.body(), name + " " + accept + ": kept answer");
        assertEquals(Http.header(first, "ETag"), Http.header(kept, "ETag"));
      }
    }
  }

  @Test
  void aKeptAnswerCostsNoQueryTimeAndServesEveryWayOfAsking() throws Exception {
    String query = "SELECT ?s WHERE { ?s a <https://w3id.org/tonet/ontology#Venue> } ORDER BY ?s";
    String client = "198.51.100.2";
    HttpResponse<byte[]> first = get(cached, query, "text/csv", client);
    assertEquals(200, first.statusCode());
    // The client now runs a query to its time limit: it has no query slot left (one at a time).
    CompletableFuture<Integer> busy =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Http.get(
                        cached.localUrl()
                            + "sparql?timeout="
                            + HELD.toSeconds()
                            + "&query="
                            + ServerTest.enc(
                                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
                        "Accept",
                        "text/csv",
                        "X-Forwarded-For",
                        client)
                    .statusCode();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    awaitRunning(busy);
    assertEquals(
        429,
        get(cached, "ASK { ?s ?p ?o }", "text/csv", client).statusCode(),
        "a new query waits for the client's slot");
    HttpResponse<byte[]> again = get(cached, query, "text/csv", client);
    assertEquals(200, again.statusCode(), "a kept answer does not");
    assertArrayEquals(first.body(), again.body());
    HttpResponse<byte[]> head =
        Http.head(
            cached.localUrl() + "sparql?query=" + ServerTest.enc(query),
            "Accept",
            "text/csv",
            "X-Forwarded-For",
            client);
    assertEquals(200, head.statusCode(), "HEAD");
    assertEquals(Http.header(first, "ETag"), Http.header(head, "ETag"));
    HttpResponse<byte[]> form =
        Http.post(
            cached.localUrl() + "sparql",
            "application/x-www-form-urlencoded",
            "query=" + ServerTest.enc(query),
            "Accept",
            "text/csv",
            "X-Forwarded-For",
            client);
    assertEquals(200, form.statusCode(), "POST as a form");
    assertArrayEquals(first.body(), form.body());
    HttpResponse<byte[]> direct =
        Http.post(
            cached.localUrl() + "sparql",
            "application/sparql-query",
            query,
            "Accept",
            "text/csv",
            "X-Forwarded-For",
            client);
    assertEquals(200, direct.statusCode(), "POST as application/sparql-query");
    assertArrayEquals(first.body(), direct.body());
    assertEquals(
        503,
        busy.get(HELD.toSeconds() + LIMIT.toSeconds(), TimeUnit.SECONDS),
        "the long query timed out meanwhile");
  }

  /**
   * Waits until the query {@code busy} sends is running (no other query runs here meanwhile), for
   * as long as it may run.
   */
  private static void awaitRunning(CompletableFuture<Integer> busy) throws InterruptedException {
    long deadline = System.nanoTime() + HELD.toNanos();
    while (cached.queriesRunning() == 0 && !busy.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(
        cached.queriesRunning() > 0 && !busy.isDone(),
        "the long query runs" + (busy.isDone() ? ": it was answered " + busy.join() : ""));
  }

  @Test
  void failuresAreNeverKept() throws Exception {
    String query = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) LIMIT 3";
    HttpResponse<byte[]> timedOut =
        Http.get(
            cached.localUrl() + "sparql?timeout=0.001&query=" + ServerTest.enc(query),
            "Accept",
            "text/csv",
            "X-Forwarded-For",
            "198.51.100.3");
    assertEquals(503, timedOut.statusCode(), Http.text(timedOut));
    assertEquals("no-store", Http.header(timedOut, "Cache-Control"));
    HttpResponse<byte[]> answered = get(cached, query, "text/csv", "198.51.100.4");
    assertEquals(200, answered.statusCode(), "the time-out was not kept as the answer");
    assertTrue(Http.text(answered).startsWith("o"), Http.text(answered));
  }

  @Test
  void manyAskingForTheSameQueryAtOnceRunItOnce() throws Exception {
    // Each client may run one query at a time: twelve asking at once from one client would get
    // 429, but they wait for the one running instead.
    String query = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?b ?f }";
    List<CompletableFuture<HttpResponse<byte[]>>> asks =
        IntStream.range(0, 12)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            return get(cached, query, "text/csv", "198.51.100.5");
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        }))
            .toList();
    byte[] first = null;
    for (CompletableFuture<HttpResponse<byte[]>> f : asks) {
      HttpResponse<byte[]> r = f.get(2 * LIMIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), Http.text(r));
      if (first == null) {
        first = r.body();
      }
      assertArrayEquals(first, r.body());
    }
  }

  @Test
  void aRepeatedGetWithItsETagGets304WithoutAnAnswer() throws Exception {
    String query = "ASK { ?s a <https://w3id.org/tonet/ontology#Symposium> }";
    HttpResponse<byte[]> r = get(cached, query, "application/sparql-results+json", "198.51.100.6");
    String etag = Http.header(r, "ETag");
    assertTrue(etag != null && etag.startsWith("\"" + cached.site().tag()), etag);
    assertTrue(Http.header(r, "Cache-Control").startsWith("public, max-age="));
    HttpResponse<byte[]> again =
        Http.get(
            cached.localUrl() + "sparql?query=" + ServerTest.enc(query),
            "Accept",
            "application/sparql-results+json",
            "If-None-Match",
            etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, Http.header(again, "ETag"));
  }

  private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

  /** The count a COUNT query answers, as CSV. */
  private static long count(HttpResponse<byte[]> r) {
    assertEquals(200, r.statusCode(), Http.text(r));
    return Long.parseLong(Http.text(r).lines().toList().get(1).strip());
  }

  private static HttpResponse<byte[]> getWith(TonetServer s, String parameters) throws Exception {
    return Http.get(
        s.localUrl() + "sparql?query=" + ServerTest.enc(COUNT) + parameters,
        "Accept",
        "text/csv",
        "X-Forwarded-For",
        "198.51.100.7");
  }

  @Test
  void anEmptyGraphParameterIsNotTheSameRequestAsNone() throws Exception {
    long all = count(getWith(uncached, ""));
    assertTrue(all > 1000, "the whole dataset: " + all);
    for (String empty : List.of("&default-graph-uri=", "&named-graph-uri=")) {
      // The empty dataset first: before, its answer was kept under the key of no parameter.
      long none = count(getWith(cached, empty));
      assertEquals(count(getWith(uncached, empty)), none, empty);
      assertEquals(all, count(getWith(cached, "")), "no parameter after " + empty);
      assertEquals(none, count(getWith(cached, empty)), empty + " again");
      HttpResponse<byte[]> form =
          Http.post(
              cached.localUrl() + "sparql",
              "application/x-www-form-urlencoded",
              "query=" + ServerTest.enc(COUNT) + empty,
              "Accept",
              "text/csv",
              "X-Forwarded-For",
              "198.51.100.7");
      assertEquals(none, count(form), "POST " + empty);
    }
  }

  @Test
  void twoGraphParametersAreNotOneHoldingBoth() throws Exception {
    String data = ServerTest.enc(cached.site().iris().graph("data"));
    String meta = ServerTest.enc(cached.site().iris().graph("meta"));
    String two = "&default-graph-uri=" + data + "&default-graph-uri=" + meta;
    String oneWithBoth = "&default-graph-uri=" + data + "%01" + meta;
    long both = count(getWith(cached, two));
    assertEquals(count(getWith(uncached, two)), both);
    assertEquals(
        count(getWith(uncached, oneWithBoth)), count(getWith(cached, oneWithBoth)), oneWithBoth);
    assertEquals(both, count(getWith(cached, two)), "the two again");
  }

  @Test
  void anAnswerThatReadsTheClockIsNeverKept() throws Exception {
    String query = "SELECT (STR(NOW()) AS ?t) (STRUUID() AS ?u) WHERE {}";
    HttpResponse<byte[]> first = get(cached, query, "text/csv", "198.51.100.8");
    assertEquals(200, first.statusCode());
    assertEquals(
        null, Http.header(first, "ETag"), "no validator for an answer another run changes");
    assertEquals("no-store", Http.header(first, "Cache-Control"));
    HttpResponse<byte[]> second = get(cached, query, "text/csv", "198.51.100.8");
    assertEquals(200, second.statusCode());
    assertTrue(
        !java.util.Arrays.equals(first.body(), second.body()),
        "a second run gives another UUID: " + Http.text(second));
  }

  @Test
  void anAnswerThatMintsBlankNodesIsNeverKept() throws Exception {
    // Each run mints other blank nodes, so which one ORDER BY puts first is chance.
    String query =
        "SELECT ?b WHERE { VALUES ?x { 1 2 3 4 5 6 7 8 } BIND(BNODE() AS ?b) } ORDER BY ?b LIMIT 1";
    HttpResponse<byte[]> r = get(cached, query, "text/csv", "198.51.100.9");
    assertEquals(200, r.statusCode(), Http.text(r));
    assertEquals(null, Http.header(r, "ETag"), "no validator for an answer another run changes");
    assertEquals("no-store", Http.header(r, "Cache-Control"));
  }

  @Test
  void anAnswerThatReadsTheClockIsCompressedForItsRequestAlone() throws Exception {
    // Over a kilobyte, so it is compressed: a copy made for one such answer must not be kept
    // (it has no ETag to keep it under) nor served for the next.
    String query = "SELECT (STRUUID() AS ?u) ?s WHERE { ?s ?p ?o } LIMIT 100";
    String url = cached.localUrl() + "sparql?query=" + ServerTest.enc(query);
    List<String> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> r =
          Http.get(
              url,
              "Accept",
              "text/csv",
              "Accept-Encoding",
              "gzip",
              "X-Forwarded-For",
              "198.51.100.11");
      assertEquals(200, r.statusCode(), Http.text(r));
      assertEquals("gzip", Http.header(r, "Content-Encoding"));
      assertEquals("no-store", Http.header(r, "Cache-Control"));
      assertEquals(null, Http.header(r, "ETag"));
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
        answers.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    assertTrue(answers.get(0).startsWith("u,s"), answers.get(0));
    assertTrue(!answers.get(0).equals(answers.get(1)), "each run its own UUIDs, sent as made");
  }

  @Test
  void aRunStoppedByAnotherClientsShorterLimitIsNotShared() throws Exception {
    // Alone, this query takes about 1 s on an idle machine here, ten times the tenth of a second
    // one client allows it (a lighter one, 0.16 s warm, sometimes made it in time on an idle
    // machine), and several times that on a busy one, far within the endpoint's limit, which the
    // other client allows it; both at once. Three rounds, each its own query.
    for (int round = 1; round <= 3; round++) {
      String query = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?c . ?d ?f ?g } # round " + round;
      String url = cached.localUrl() + "sparql?query=" + ServerTest.enc(query);
      CompletableFuture<HttpResponse<byte[]>> quick =
          CompletableFuture.supplyAsync(() -> send(url + "&timeout=0.1", "198.51.100.9"));
      CompletableFuture<HttpResponse<byte[]>> patient =
          CompletableFuture.supplyAsync(() -> send(url, "198.51.100.10"));
      HttpResponse<byte[]> q = quick.get(2 * LIMIT.toSeconds(), TimeUnit.SECONDS);
      HttpResponse<byte[]> p = patient.get(2 * LIMIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(503, q.statusCode(), "round " + round + ": " + Http.text(q));
      assertTrue(Http.text(q).contains("0.1 s"), "its own limit: " + Http.text(q));
      assertEquals(200, p.statusCode(), "round " + round + ": " + Http.text(p));
    }
  }

  private static HttpResponse<byte[]> send(String url, String client) {
    try {
      return Http.get(url, "Accept", "text/csv", "X-Forwarded-For", client);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
