package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.w3id.tonet.server.http.SecurityHeaders;
import org.w3id.tonet.sparql.QueryScheduler;

/**
 * What a hostile client sends, case by case, for {@link HostileCorpusTest} (the cases answered or
 * refused at once) and {@link HostileCorpusIT} (those a limit ends, and attacks of many requests):
 * each is a request, the statuses it may get, the limit of the server's that ends it (none for a
 * request refused before it runs), and a normal page fetched while it runs. The server runs with
 * short limits (queries 2 s, requests 2 s, idle 3 s, 32 MB per query, two query threads) so that
 * every case that runs into a limit does so quickly. Every answer is ours: no 500, no Java class
 * names, the security headers.
 *
 * <p>Times are the server's limits, not this machine's speed: an attack must end within the limit
 * that ends it and {@link #SLACK} (what a machine busy with other work adds), and a page fetched
 * meanwhile within {@link #PAGE_LIMIT}. Waits poll for what they wait for.
 *
 * <p>The cases cover the findings of the hostile-client audit of d2ef222 (issue 9: a property path
 * past the timeout, slow bodies, a chunked form past the limit, queries starving pages, java:
 * functions, a 1 KB query filling the heap, stylesheet= and callback=, SERVICE inside EXISTS in
 * ORDER BY and aggregates, Accept: ;, Java names in errors, TRACE, Jetty's bare error pages) and
 * more: backtracking regular expressions, ORDER BY and GROUP BY over cross products, a huge
 * GROUP_CONCAT, deep OPTIONAL nesting, huge numbers, clients that never read their answer, hundreds
 * of idle connections, header slowloris.
 */
final class HostileCorpus {

  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);

  /**
   * What a machine busy with other work (two shared cores, other builds) may add to any of the
   * server's limits before the test sees the outcome. Generous: the attacks it bounds would run for
   * minutes or for ever if the limit did not end them.
   */
  static final Duration SLACK = Duration.ofSeconds(10);

  /**
   * The longest a normal page may take while an attack runs: less than the query time limit, which
   * a page that waited for a query thread, or for a connection an attack holds, would wait out.
   */
  static final Duration PAGE_LIMIT = QUERY_TIMEOUT;

  /**
   * The server's options: the limits above, two query threads, 32 MB per query. The attackers and
   * the normal client are told apart by X-Forwarded-For, as behind a reverse proxy; raw-socket
   * attackers come from 127.0.0.1, the proxy's own address.
   */
  static TonetServer.Builder options(TonetServer.Builder b) {
    return b.queryTimeout(QUERY_TIMEOUT)
        .requestTimeout(REQUEST_TIMEOUT)
        .idleTimeout(IDLE_TIMEOUT)
        .queryMemory(32L << 20)
        .fairUse(new QueryScheduler.Settings(2, 4, 5, Duration.ofSeconds(60)))
        .trustedProxies(List.of("127.0.0.1"));
  }

  private static final AtomicInteger ATTACKERS = new AtomicInteger(1);

  /** What an attack got: a status (null when the server closed without one) and the body. */
  record Outcome(Integer status, String body, String csp, String nosniff) {
    static Outcome of(HttpResponse<byte[]> r) {
      return new Outcome(
          r.statusCode(),
          Http.text(r),
          Http.header(r, "Content-Security-Policy"),
          Http.header(r, "X-Content-Type-Options"));
    }

    static Outcome of(RawHttp.Reply r) {
      return new Outcome(
          r.status(),
          r.body(),
          r.header("Content-Security-Policy"),
          r.header("X-Content-Type-Options"));
    }
  }

  /** One attack, run against the server's base URL and port. */
  @FunctionalInterface
  interface Attack {
    Outcome run(String url, int port, String attacker) throws Exception;
  }

  /** A case of the corpus, and the limit of the server's that ends it ({@link #AT_ONCE}: none). */
  record Case(String name, Attack attack, Set<Integer> statuses, Duration limit) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What the attacking client accepts: results for SELECT and ASK, N-Triples for graphs. */
  static final String ANSWERS = "application/sparql-results+json, application/n-triples;q=0.9";

  static Case query(String name, String sparql, Duration limit, Integer... statuses) {
    return new Case(
        name,
        (u, port, attacker) ->
            Outcome.of(
                sparql.length() < 4_000
                    ? Http.get(
                        u + "sparql?query=" + ServerTest.enc(sparql),
                        "Accept",
                        ANSWERS,
                        "X-Forwarded-For",
                        attacker)
                    : Http.post(
                        u + "sparql",
                        "application/sparql-query",
                        sparql,
                        "Accept",
                        ANSWERS,
                        "X-Forwarded-For",
                        attacker)),
        Set.of(statuses),
        limit);
  }

  static Case raw(String name, String request, Integer... statuses) {
    return new Case(
        name,
        (u, port, attacker) -> Outcome.of(RawHttp.exchange(port, request, millis(SLACK))),
        Set.of(statuses),
        Duration.ZERO);
  }

  /** A query that may run into the time limit. */
  static Duration timedOut() {
    return QUERY_TIMEOUT;
  }

  /** A request answered or refused at once: no limit of the server's ends it. */
  static final Duration AT_ONCE = Duration.ZERO;

  static int millis(Duration d) {
    return Math.toIntExact(d.toMillis());
  }

  /** Every case, in the order of the audit's findings. */
  static List<Case> cases() {
    String bigSeparator = "x".repeat(2_000);
    StringBuilder concat = new StringBuilder("SELECT (STRLEN(?s27) AS ?n) { BIND(\"aaaa\" AS ?s0)");
    StringBuilder multiply = new StringBuilder("SELECT ?x20 { BIND(99999999999 AS ?x0)");
    for (int i = 1; i <= 27; i++) {
      concat
          .append(" BIND(CONCAT(?s")
          .append(i - 1)
          .append(",?s")
          .append(i - 1)
          .append(") AS ?s")
          .append(i)
          .append(")");
    }
    for (int i = 1; i <= 20; i++) {
      multiply
          .append(" BIND(?x")
          .append(i - 1)
          .append(" * ?x")
          .append(i - 1)
          .append(" AS ?x")
          .append(i)
          .append(")");
    }
    String optionals =
        "SELECT * { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(300) + "}".repeat(300) + " }";
    StringBuilder template = new StringBuilder("CONSTRUCT {");
    for (int i = 0; i < 2_000; i++) {
      template.append(" ?s <urn:p").append(i).append("> ?o .");
    }
    template.append(" } WHERE { ?s ?p ?o }");
    List<Case> cases =
        List.of(
            // 1. Property paths
            query(
                "a repetition inside a repetition (the audit's path)",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ((!<urn:p>)*/(!<urn:p>)*/(^!<urn:p>)*)* ?o }",
                AT_ONCE,
                400),
            query(
                "two repetitions in one sequence",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s (!<urn:p>)*/(^!<urn:p>)* ?o }",
                AT_ONCE,
                400),
            query(
                "a repetition count above the limit",
                "SELECT * WHERE { ?s (!<urn:p>){0,1000} ?o }",
                AT_ONCE,
                400),
            query(
                "one closure over every node stops with the query",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s (!<urn:p>|^!<urn:p>)* ?o }",
                timedOut(),
                200,
                400,
                503),
            // 5. Functions that would load a class or sleep
            query(
                "a java: function IRI",
                "SELECT (<java:org.apache.jena.sparql.function.library.wait>(30000) AS ?x) {}",
                AT_ONCE,
                400),
            query(
                "ARQ's function namespace, mapped to a Java package",
                "SELECT (<http://jena.apache.org/ARQ/function#wait>(30000) AS ?x) {}",
                AT_ONCE,
                400),
            query(
                "a java: property function is only a predicate",
                "SELECT * { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> ?o }",
                AT_ONCE,
                200),
            query(
                "CALL by a computed IRI",
                "SELECT (CALL(IRI(\"java:org.apache.jena.sparql.function.library.wait\"), 9)"
                    + " AS ?x) {}",
                AT_ONCE,
                400),
            // 6. Building without bound
            query("CONCAT doubling a string 27 times (1 KB of query)", concat + " }", AT_ONCE, 400),
            query("multiplying a number by itself 20 times", multiply + " }", AT_ONCE, 400),
            query(
                "math:pow to a huge power",
                "SELECT (<http://www.w3.org/2005/xpath-functions/math#pow>(10, 100000000) AS ?x) {}",
                AT_ONCE,
                400),
            query(
                "a number parsed from 5,000 digits",
                "SELECT (<http://www.w3.org/2001/XMLSchema#integer>(\""
                    + "9".repeat(5_000)
                    + "\") + 1 AS ?x) {}",
                AT_ONCE,
                200),
            query(
                "GROUP_CONCAT with a 2,000-character separator over a cross product",
                "SELECT (GROUP_CONCAT(?o; separator=\""
                    + bigSeparator
                    + "\") AS ?g) { ?s ?p ?o . ?a ?b ?c }",
                timedOut(),
                400,
                503),
            query(
                "ORDER BY over a cross product",
                "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
                timedOut(),
                400,
                503),
            query(
                "GROUP BY over a cross product",
                "SELECT ?c ?f (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ?f",
                timedOut(),
                400,
                503),
            query(
                "COUNT(DISTINCT) of a random number per row of a cross product",
                "SELECT (COUNT(DISTINCT ?r) AS ?n) { ?a ?b ?c . ?d ?e ?f BIND(RAND() AS ?r) }",
                timedOut(),
                400,
                503),
            query(
                "a CONSTRUCT template of 2,000 triples", template.toString(), timedOut(), 400, 503),
            query(
                "COUNT(*) of a three-way cross product runs to the time limit",
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                timedOut(),
                503),
            // Regular expressions that backtrack
            query(
                "REGEX that backtracks for ever",
                "SELECT * { BIND(CONCAT(\""
                    + "a".repeat(40)
                    + "\", \"!\") AS ?s)"
                    + " FILTER(REGEX(?s, \"^(a+)+\\\\1$\")) }",
                timedOut(),
                503),
            query(
                "REPLACE that backtracks for ever",
                "SELECT (REPLACE(CONCAT(\""
                    + "a".repeat(40)
                    + "\", \"!\"), \"^(a+)+\\\\1$\", \"x\")"
                    + " AS ?r) {}",
                timedOut(),
                503),
            query(
                "fn:matches that backtracks for ever",
                "SELECT * { BIND(CONCAT(\""
                    + "a".repeat(40)
                    + "\", \"!\") AS ?s)"
                    + " FILTER(<http://www.w3.org/2005/xpath-functions#matches>(?s,"
                    + " \"^(a+)+\\\\1$\"))"
                    + " }",
                timedOut(),
                503),
            // Nesting
            query("300 nested OPTIONALs", optionals, AT_ONCE, 400),
            query(
                "5,000 nested groups",
                "SELECT * WHERE " + "{".repeat(5_000) + "}".repeat(5_000),
                AT_ONCE,
                200,
                400),
            query(
                "an expression 3,000 levels deep",
                "SELECT (" + "(".repeat(3_000) + "1" + ")".repeat(3_000) + " AS ?x) {}",
                AT_ONCE,
                200,
                400),
            // 8. SERVICE in every expression position
            query(
                "SERVICE inside EXISTS in ORDER BY",
                "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <http://10.0.0.1/> { ?a ?b ?c } })",
                AT_ONCE,
                403),
            query(
                "SERVICE inside EXISTS in an aggregate's argument",
                "SELECT (COUNT(EXISTS { SERVICE <http://10.0.0.1/> { ?a ?b ?c } }) AS ?n)"
                    + " { ?s ?p ?o }",
                AT_ONCE,
                403),
            query(
                "SERVICE inside NOT EXISTS in HAVING",
                "SELECT ?s { ?s ?p ?o } GROUP BY ?s"
                    + " HAVING (NOT EXISTS { SERVICE <http://169.254.169.254/> { ?a ?b ?c } })",
                AT_ONCE,
                403),
            query(
                "SERVICE inside EXISTS in BIND in a sub-query",
                "SELECT * { { SELECT ?x { BIND(EXISTS { SERVICE SILENT <http://10.0.0.1/> { ?a ?b"
                    + " ?c } } AS ?x) } } }",
                AT_ONCE,
                403),
            query(
                "SERVICE to a variable",
                "SELECT * { BIND(<http://10.0.0.1/> AS ?e) SERVICE ?e { ?a ?b ?c } }",
                AT_ONCE,
                403),
            // 7. Parameters copied into answers
            new Case(
                "stylesheet= and callback= are never echoed",
                (u, port, attacker) -> {
                  HttpResponse<byte[]> xml =
                      Http.get(
                          u
                              + "sparql?query="
                              + ServerTest.enc("ASK {}")
                              + "&stylesheet="
                              + ServerTest.enc("\"><script>evil()</script>")
                              + "&callback=evil",
                          "Accept",
                          "application/sparql-results+xml");
                  assertFalse(Http.text(xml).contains("evil"), Http.text(xml));
                  HttpResponse<byte[]> json =
                      Http.get(
                          u + "sparql?query=" + ServerTest.enc("ASK {}") + "&callback=evil",
                          "Accept",
                          "application/sparql-results+json");
                  assertTrue(Http.text(json).strip().startsWith("{"), Http.text(json));
                  return Outcome.of(json);
                },
                Set.of(200),
                AT_ONCE),
            // Writes and malformed protocol
            raw(
                "SPARQL Update by POST",
                "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\n"
                    + "Content-Length: 27\r\nConnection: close\r\n\r\nDROP ALL ; CLEAR DEFAULT ;;",
                403),
            raw(
                "a graph-store PUT",
                "PUT /sparql?default HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n",
                405),
            raw(
                "two queries in one request",
                "GET /sparql?query=ASK%7B%7D&query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n",
                400),
            // 10. Java names in errors
            raw(
                "a form in charset x-nope",
                "POST /sparql HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/x-www-form-urlencoded; charset=x-nope\r\n"
                    + "Content-Length: 13\r\nConnection: close\r\n\r\nquery=ASK%7B%7D",
                415),
            raw(
                "a malformed %-escape in the query string",
                "GET /sparql?query=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400),
            raw(
                "If-Modified-Since: garbage on a download is ignored",
                "GET /downloads/tonet.ttl.gz HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: garbage\r\n"
                    + "Connection: close\r\n\r\n",
                200),
            // 11. TRACE; 12. Jetty's own errors
            raw("TRACE", "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
            raw("a malformed request line", "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400),
            raw(
                "a path with a bad escape",
                "GET /page/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                400),
            raw(
                "100 KB of headers",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(100_000) + "\r\n\r\n",
                431),
            raw(
                "a 20 KB URL",
                "GET /sparql?query=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                414,
                431),
            // 3. A chunked form past the limit
            new Case(
                "a chunked form body of 200 KB",
                (u, port, attacker) -> {
                  StringBuilder request =
                      new StringBuilder(
                          "POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                              + "Content-Type: application/x-www-form-urlencoded\r\n\r\n");
                  for (int i = 0; i < 200; i++) {
                    String chunk = (i == 0 ? "query=" : "") + "x".repeat(1_000);
                    request.append(Integer.toHexString(chunk.length())).append("\r\n");
                    request.append(chunk).append("\r\n");
                  }
                  request.append("0\r\n\r\n");
                  return Outcome.of(RawHttp.exchange(port, request.toString(), millis(SLACK)));
                },
                Set.of(413),
                AT_ONCE),
            // 2. A slow body
            new Case(
                "20 POST bodies that never arrive",
                (u, port, attacker) -> {
                  List<Socket> sockets = new ArrayList<>();
                  try {
                    for (int i = 0; i < 20; i++) {
                      Socket s = RawHttp.open(port);
                      sockets.add(s);
                      s.getOutputStream()
                          .write(
                              ("POST /sparql HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: "
                                      + attacker
                                      + "\r\nContent-Type: application/sparql-query\r\n"
                                      + "Content-Length: 60000\r\n\r\nSELECT")
                                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    return Outcome.of(
                        RawHttp.read(sockets.get(0), millis(REQUEST_TIMEOUT.plus(SLACK))));
                  } finally {
                    for (Socket s : sockets) {
                      s.close();
                    }
                  }
                },
                Set.of(408),
                REQUEST_TIMEOUT));
    return cases;
  }

  /** The cases answered or refused at once: no limit of the server's ends them. */
  static Stream<Arguments> atOnce() {
    return cases().stream().filter(c -> c.limit().isZero()).map(Arguments::of);
  }

  /** The cases a limit of the server's ends (the query time, the request time). */
  static Stream<Arguments> endedByALimit() {
    return cases().stream().filter(c -> !c.limit().isZero()).map(Arguments::of);
  }

  private final ServerOnTestSeed server;

  /** The corpus against {@code server}, started with {@link #options}. */
  HostileCorpus(ServerOnTestSeed server) {
    this.server = server;
  }

  /**
   * Runs one attack and checks it: it ends within its limit and {@link #SLACK} with one of its
   * statuses and an answer of ours, while a normal page is served within {@link #PAGE_LIMIT}, and
   * the endpoint answers normally afterwards.
   */
  void assertEndsInTimeWithAnAnswerOfOursWhilePagesAreServed(Case c) throws Exception {
    String attacker = "203.0.113." + ATTACKERS.getAndIncrement();
    int connectionsBefore = server.server().openConnections();
    long started = System.nanoTime();
    CompletableFuture<Outcome> attack =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return c.attack().run(server.url(), server.server().port(), attacker);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    // The attack is under way once the server runs its query or holds its connection (or it has
    // been answered already).
    awaitUntil(
        () ->
            attack.isDone()
                || server.server().queriesRunning() > 0
                || server.server().openConnections() > connectionsBefore,
        SLACK);
    List<Long> pageMillis = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pageMillis.add(pageMillis());
    }
    Duration allowed = c.limit().plus(SLACK);
    Outcome outcome = attack.get(allowed.toSeconds() + 1, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertNotNull(outcome.status(), c.name() + ": the server closed without an answer");
    assertTrue(
        c.statuses().contains(outcome.status()),
        c.name() + ": status " + outcome.status() + ", expected " + c.statuses() + "\n" + outcome);
    assertTrue(
        seconds <= allowed.toMillis() / 1e3,
        c.name() + ": took " + String.format("%.2f", seconds) + " s, at most " + allowed);
    assertOurs(c.name(), outcome);
    List<Long> sorted = pageMillis.stream().sorted().collect(Collectors.toList());
    assertTrue(
        sorted.get(1) <= PAGE_LIMIT.toMillis(),
        c.name() + ": a page took " + sorted + " ms while the attack ran");
    assertEquals(200, normalQuery(), c.name() + ": the endpoint answers normally afterwards");
  }

  /**
   * Polls {@code state} until it holds or {@code limit} has passed; returns whether it holds. The
   * caller asserts what it needs: some waits only let an attack get under way.
   */
  static boolean awaitUntil(java.util.function.BooleanSupplier state, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!state.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** A Java class name of an exception or error, or a stack frame. */
  private static final java.util.regex.Pattern JAVA =
      java.util.regex.Pattern.compile(
          "\\b(?:java|javax|jakarta|org|com)\\.[a-z0-9_.]+\\.[A-Z]\\w*(?:Exception|Error)\\b"
              + "|\\bat (?:java|org|com)\\.[\\w.$]+\\(");

  private static void assertOurs(String name, Outcome outcome) {
    String body = outcome.body();
    assertFalse(JAVA.matcher(body).find(), name + ": the answer names Java: " + body);
    assertEquals(SecurityHeaders.CSP, outcome.csp(), name + ": Content-Security-Policy");
    assertEquals("nosniff", outcome.nosniff(), name + ": X-Content-Type-Options");
  }

  /** The median of three fetches of a normal page, in milliseconds. */
  long medianPageMillis() throws Exception {
    long[] ms = {pageMillis(), pageMillis(), pageMillis()};
    Arrays.sort(ms);
    return ms[1];
  }

  /** Whether the median of three fetches of a normal page is within {@link #PAGE_LIMIT}. */
  boolean pagesServed() throws Exception {
    return medianPageMillis() <= PAGE_LIMIT.toMillis();
  }

  /** Milliseconds a normal page takes to fetch. */
  long pageMillis() throws Exception {
    long t = System.nanoTime();
    HttpResponse<byte[]> r = Http.get(server.url() + "page/org/council", "Accept", "text/html");
    assertEquals(200, r.statusCode());
    return (System.nanoTime() - t) / 1_000_000;
  }

  int normalQuery() throws Exception {
    return Http.get(
            server.url() + "sparql?query=" + ServerTest.enc("ASK { ?s ?p ?o }"),
            "Accept",
            "application/sparql-results+json",
            "X-Forwarded-For",
            "198.51.100.99")
        .statusCode();
  }
}
