package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.tonet.server.sparql.SparqlHandler;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.validate.QueryFolder;

/**
 * The answer cache as a property: a server that keeps answers and shares running queries, and one
 * that keeps nothing ({@code --cache-size 0}), are sent the same generated requests — parameters
 * present, empty and repeated, GET and both POSTs, percent-encodings, Accept, {@code timeout=},
 * graph parameters — each server in its own random order, many at once; every request must get the
 * same status and the same answer (equal result sets, isomorphic graphs) from both.
 *
 * <p>One difference is allowed, in one direction only: a request whose own {@code timeout=} is too
 * short for its query times out without the cache, and may get the kept answer with it (a kept
 * answer costs no query time). The generator pairs such short limits only with a query that takes
 * far longer than them, so that the outcome does not depend on the machine's speed.
 *
 * <p>Reproducible: the seed is printed ({@code -Dtonet.differential.seed=N} to choose it), and a
 * failing request is printed whole, as a curl command line.
 */
class AnswerCacheDifferentialTest {

  /** Requests generated; each is sent to both servers. */
  private static final int REQUESTS = 2000;

  /** Distinct requests drawn again (so that answers are kept, and shared while running). */
  private static final int REPEATED = 300;

  /** Requests in flight at once, both servers together. */
  private static final int AT_ONCE = 8;

  /** The whole run stops sending after this long; what was answered is compared. */
  private static final Duration BUDGET = Duration.ofSeconds(240);

  /**
   * The twins' time limit: no generated query comes near it, even waiting for a thread on a machine
   * busy with other work (the slowest takes about 0.4 s alone on an idle one). A time-out on one
   * twin and not on the other would be the machine, not the cache.
   */
  private static final Duration LIMIT = Duration.ofMinutes(2);

  /** The result cap: some answers are cut, and say so. */
  private static final long CAP = 300;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Room for every request at once: a 429, a full queue or a query stopped to make room for another
   * client on one server and not the other is fair use at work, not the cache. A query thread for
   * each request in flight, so that none waits, and none is stopped for one that waits (on a busy
   * machine the slow query runs past the 1 s slice, and the server without the cache, which runs it
   * each time, stopped it: 503 where the other sent what it kept). Both publish under one base, so
   * that their answers can be equal.
   */
  private static TonetServer.Builder twin(TonetServer.Builder b) {
    return b.baseIri("http://localhost:3030/")
        .queryTimeout(LIMIT)
        .maxResults(CAP)
        .fairUse(new QueryScheduler.Settings(AT_ONCE, 256, 64, Duration.ofHours(1)))
        .trustedProxies(List.of("127.0.0.1"));
  }

  @RegisterExtension
  static final ServerOnTestSeed CACHED = new ServerOnTestSeed(AnswerCacheDifferentialTest::twin);

  @RegisterExtension
  static final ServerOnTestSeed UNCACHED = new ServerOnTestSeed(b -> twin(b).cacheSize(0));

  /** One generated request: enough to send it again, by hand too. */
  record Generated(
      int index,
      String method,
      String queryString,
      String contentType,
      String body,
      String accept,
      boolean gzip,
      String client,
      boolean shortLimit) {

    HttpRequest to(TonetServer server) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(
                  URI.create(
                      server.localUrl()
                          + "sparql"
                          + (queryString.isEmpty() ? "" : "?" + queryString)))
              .timeout(LIMIT.plusMinutes(1))
              .header("X-Forwarded-For", client);
      if (accept != null) {
        b.header("Accept", accept);
      }
      if (gzip) {
        b.header("Accept-Encoding", "gzip");
      }
      if (method.equals("POST")) {
        b.header("Content-Type", contentType);
        b.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      } else {
        b.GET();
      }
      return b.build();
    }

    /** The request as a curl command line, against the cached server's address. */
    String curl() {
      StringBuilder s = new StringBuilder("curl -i");
      if (method.equals("POST")) {
        s.append(" -H 'Content-Type: ").append(contentType).append("' --data-binary ");
        s.append(quoted(body));
      }
      if (accept != null) {
        s.append(" -H 'Accept: ").append(accept).append('\'');
      }
      if (gzip) {
        s.append(" -H 'Accept-Encoding: gzip'");
      }
      s.append(" -H 'X-Forwarded-For: ").append(client).append('\'');
      s.append(" 'http://127.0.0.1:PORT/sparql")
          .append(queryString.isEmpty() ? "" : "?" + queryString)
          .append('\'');
      return s.toString();
    }

    private static String quoted(String text) {
      return "'" + text.replace("'", "'\\''") + "'";
    }
  }

  /** What a server answered. */
  record Outcome(int status, String contentType, byte[] body, String resultLimit) {
    String text() {
      String t = new String(body, StandardCharsets.UTF_8);
      return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }
  }

  // ---- The generator

  /** A query of the pool, and whether it runs far longer than a short time limit. */
  private record Pooled(String text, boolean slow) {}

  private static List<Pooled> pool(String base) {
    String tonet = "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n";
    String rdfs = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    List<Pooled> pool = new ArrayList<>();
    for (String q :
        List.of(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            tonet + "ASK { ?s a tonet:Symposium }",
            tonet + "ASK { GRAPH ?g { ?s a tonet:Symposium } }",
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?s) && !isBlank(?o)) }"
                + " ORDER BY ?s ?p ?o",
            "SELECT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) } ORDER BY ?s LIMIT 5000",
            tonet + "CONSTRUCT WHERE { ?s a tonet:Venue ; ?p ?o }",
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o FILTER(isIRI(?s)) } }",
            "DESCRIBE <" + base + "id/org/council>",
            tonet + "DESCRIBE ?s WHERE { ?s a tonet:Symposium }",
            tonet + "SELECT * FROM <" + base + "graph/data> WHERE { ?s a tonet:Symposium }",
            "SELECT ?g ?s WHERE { GRAPH ?g { ?s a ?t } } ORDER BY ?g ?s LIMIT 20",
            "SELECT ?g ?s FROM NAMED <"
                + base
                + "graph/meta> WHERE { GRAPH ?g { ?s a ?t } } ORDER BY ?g ?s LIMIT 20",
            rdfs + "SELECT ?s WHERE { ?s rdfs:label \"パストラルかぞ\"@ja }",
            rdfs + "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, \"総会\")) }",
            "SELEC * WHERE { ?s ?p ?o }",
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "")) {
      pool.add(new Pooled(q, false));
    }
    for (QueryFolder.Query q : QueryFolder.list("/queries")) {
      pool.add(new Pooled(q.text(), false));
    }
    // Far longer than 0.01 s on any machine (about 0.4 s here on the whole dataset).
    pool.add(new Pooled("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?c }", true));
    return pool;
  }

  private static final List<String> ACCEPTS =
      Collections.unmodifiableList(
          java.util.Arrays.asList(
              null,
              "*/*",
              "application/sparql-results+json",
              "application/sparql-results+xml",
              "text/csv",
              "text/tab-separated-values",
              "application/sparql-results+thrift",
              "application/json",
              "text/turtle",
              "application/n-triples",
              "application/ld+json",
              "application/rdf+xml",
              "application/rdf+thrift",
              "application/trig",
              "application/n-quads",
              "text/rdf+n3",
              "application/sparql-results+json, text/turtle;q=0.9",
              "text/csv;q=0.5, application/n-triples",
              "text/html",
              "image/png"));

  private static final List<String> TABLE_ACCEPTS =
      java.util.Arrays.asList(null, "*/*", "application/sparql-results+json", "text/csv");

  private static final List<String> OUTPUTS =
      List.of("json", "xml", "csv", "tsv", "ttl", "nt", "json-ld", "rdf+xml", "nonsense");

  private static final class Generator {
    private final Random random;
    private final List<Pooled> pool;
    private final List<String> graphs;

    Generator(long seed, String base) {
      this.random = new Random(seed);
      this.pool = pool(base);
      this.graphs =
          List.of(
              "",
              base + "graph/data",
              base + "graph/ontology",
              base + "graph/meta",
              "http://example.org/no-such-graph");
    }

    private <T> T any(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    Generated next(int index) {
      Pooled query = any(pool);
      List<String[]> params = new ArrayList<>();
      String method = any(List.of("GET", "GET", "POST-form", "POST-query"));
      boolean inBody = method.equals("POST-query");
      if (!inBody || random.nextInt(10) == 0) {
        params.add(new String[] {"query", query.text()});
      }
      // A short limit goes only with the slow query on the whole dataset: on a smaller one it may
      // finish in time, and whether it does would be a race on either server.
      boolean shortLimit = query.slow() && random.nextBoolean();
      if (shortLimit) {
        params.add(new String[] {"timeout", "0.01"});
      } else {
        for (String name : List.of("default-graph-uri", "named-graph-uri")) {
          if (random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
              params.add(new String[] {name, any(graphs)});
            }
          }
        }
        if (random.nextInt(4) == 0) {
          params.add(new String[] {"timeout", any(List.of("30", "25.5", "", "soon", "0", "-1"))});
        }
      }
      if (!shortLimit && random.nextInt(6) == 0) {
        params.add(new String[] {any(List.of("output", "format", "results")), any(OUTPUTS)});
      }
      if (random.nextInt(8) == 0) {
        params.add(new String[] {"stylesheet", "/x.xsl"});
      }
      Collections.shuffle(params, random);
      String encoded = encode(params);
      String queryString = encoded;
      String body = "";
      String contentType = null;
      switch (method) {
        case "POST-form" -> {
          // Some parameters in the address, the rest in the form.
          List<String[]> inAddress = new ArrayList<>();
          List<String[]> inForm = new ArrayList<>();
          for (String[] p : params) {
            (p[0].equals("query") || random.nextInt(3) > 0 ? inForm : inAddress).add(p);
          }
          queryString = encode(inAddress);
          body = encode(inForm);
          contentType =
              any(
                  List.of(
                      "application/x-www-form-urlencoded",
                      "application/x-www-form-urlencoded; charset=UTF-8"));
        }
        case "POST-query" -> {
          body = query.text();
          contentType =
              any(List.of("application/sparql-query", "application/sparql-query; charset=utf-8"));
        }
        default -> {}
      }
      // A short limit goes with an Accept its query is answered in: whether a 406 or the time-out
      // comes first would otherwise be a race on either server.
      String accept = shortLimit ? any(TABLE_ACCEPTS) : any(ACCEPTS);
      return new Generated(
          index,
          method.startsWith("POST") ? "POST" : "GET",
          queryString,
          contentType,
          body,
          accept,
          random.nextInt(3) == 0,
          "198.51.100." + (1 + random.nextInt(20)),
          shortLimit);
    }

    /** Form encoding, spelled in one of the ways clients spell it. */
    private String encode(List<String[]> params) {
      List<String> pairs = new ArrayList<>();
      for (String[] p : params) {
        pairs.add(escape(p[0]) + "=" + escape(p[1]));
      }
      return String.join("&", pairs);
    }

    private String escape(String text) {
      int style = random.nextInt(3);
      StringBuilder s = new StringBuilder();
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        boolean plain =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
        if (c == ' ' && style == 0) {
          s.append('+');
        } else if (plain && style != 2) {
          s.append((char) c);
        } else {
          // Style 2 escapes everything; hex digits in either case, as clients write them.
          String hex = HexFormat.of().toHexDigits((byte) c);
          s.append('%').append(random.nextBoolean() ? hex.toUpperCase(Locale.ROOT) : hex);
        }
      }
      return s.toString();
    }
  }

  // ---- The run

  @Test
  void theCacheNeverChangesAnAnswer() throws Exception {
    long seed = Long.getLong("tonet.differential.seed", 16L);
    System.out.println("AnswerCacheDifferentialTest: seed " + seed);
    Generator generator = new Generator(seed, CACHED.server().site().base());
    List<Generated> distinct = new ArrayList<>();
    List<Generated> requests = new ArrayList<>();
    Random order = new Random(seed + 1);
    for (int i = 0; i < REQUESTS; i++) {
      Generated g;
      if (distinct.size() >= REPEATED || (!distinct.isEmpty() && order.nextInt(3) == 0)) {
        Generated again = distinct.get(order.nextInt(distinct.size()));
        g =
            new Generated(
                i,
                again.method(),
                again.queryString(),
                again.contentType(),
                again.body(),
                again.accept(),
                again.gzip(),
                again.client(),
                again.shortLimit());
      } else {
        g = generator.next(i);
        distinct.add(g);
      }
      requests.add(g);
    }
    // Every (request, server) pair once, all shuffled together: each server sees the requests in
    // an order of its own, and the same request may reach both at once.
    List<int[]> sends = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      sends.add(new int[] {i, 0});
      sends.add(new int[] {i, 1});
    }
    Collections.shuffle(sends, order);
    Outcome[][] outcomes = new Outcome[REQUESTS][2];
    long start = System.nanoTime();
    long deadline = start + BUDGET.toNanos();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int[] send : sends) {
      tasks.add(
          () -> {
            if (System.nanoTime() < deadline) {
              TonetServer server = send[1] == 0 ? CACHED.server() : UNCACHED.server();
              outcomes[send[0]][send[1]] = send(requests.get(send[0]), server);
            }
            return null;
          });
    }
    Concurrently.run(AT_ONCE, BUDGET.plusMinutes(2), tasks);
    long millis = (System.nanoTime() - start) / 1_000_000;
    int compared = 0;
    int allowed = 0;
    int answered = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Outcome withCache = outcomes[i][0];
      Outcome without = outcomes[i][1];
      if (withCache == null || without == null) {
        continue;
      }
      compared++;
      Generated g = requests.get(i);
      if (withCache.status() != without.status()) {
        if (g.shortLimit() && without.status() == 503 && withCache.status() == 200) {
          allowed++;
          continue;
        }
        failures.add(report(seed, g, withCache, without, "different statuses"));
        continue;
      }
      if (withCache.status() == 200) {
        answered++;
        String why = difference(withCache, without);
        if (why != null) {
          failures.add(report(seed, g, withCache, without, why));
        }
      }
    }
    System.out.printf(
        "AnswerCacheDifferentialTest: seed %d, %d requests (%d distinct) sent to each server in"
            + " %d ms, %d compared, %d answered 200, %d kept answers given where the client's own"
            + " limit was too short, %d differences%n",
        seed, REQUESTS, distinct.size(), millis, compared, answered, allowed, failures.size());
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " requests answered differently with and without the cache (seed "
              + seed
              + "):\n"
              + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
    assertTrue(
        compared >= REQUESTS / 4,
        "only " + compared + " of " + REQUESTS + " requests were answered within " + BUDGET);
  }

  private static Outcome send(Generated g, TonetServer server) {
    try {
      HttpResponse<byte[]> r = CLIENT.send(g.to(server), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = r.body();
      if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(null))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      return new Outcome(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          body,
          r.headers().firstValue(SparqlHandler.RESULT_LIMIT_HEADER).orElse(null));
    } catch (IOException e) {
      return new Outcome(-1, "", e.toString().getBytes(StandardCharsets.UTF_8), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Why two answers of status 200 differ, or null when they are the same answer. */
  static String difference(Outcome a, Outcome b) {
    String type = mediaType(a.contentType());
    if (!type.equals(mediaType(b.contentType()))) {
      return "different types: " + a.contentType() + " and " + b.contentType();
    }
    if (!java.util.Objects.equals(a.resultLimit(), b.resultLimit())) {
      return "X-Result-Limit " + a.resultLimit() + " and " + b.resultLimit();
    }
    Lang results = resultsLang(type);
    if (results != null) {
      SPARQLResult x =
          ResultsReader.create().lang(results).build().readAny(new ByteArrayInputStream(a.body()));
      SPARQLResult y =
          ResultsReader.create().lang(results).build().readAny(new ByteArrayInputStream(b.body()));
      if (x.isBoolean() || y.isBoolean()) {
        return x.isBoolean() && y.isBoolean() && x.getBooleanResult() == y.getBooleanResult()
            ? null
            : "different booleans";
      }
      ResultSetRewindable rx = x.getResultSet().rewindable();
      ResultSetRewindable ry = y.getResultSet().rewindable();
      return ResultSetCompare.isomorphic(rx, ry) ? null : "different result sets";
    }
    Lang rdf = RDFLanguages.contentTypeToLang(type);
    if (rdf != null) {
      DatasetGraph x = DatasetGraphFactory.create();
      DatasetGraph y = DatasetGraphFactory.create();
      RDFParser.source(new ByteArrayInputStream(a.body())).lang(rdf).parse(x);
      RDFParser.source(new ByteArrayInputStream(b.body())).lang(rdf).parse(y);
      return IsoMatcher.isomorphic(x, y) ? null : "graphs that are not isomorphic";
    }
    // Plain-text tables and HTML pages (which show how long the query took): same type and cap.
    return null;
  }

  private static String mediaType(String contentType) {
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static Lang resultsLang(String type) {
    for (Lang l :
        List.of(
            ResultSetLang.RS_JSON,
            ResultSetLang.RS_XML,
            ResultSetLang.RS_CSV,
            ResultSetLang.RS_TSV,
            ResultSetLang.RS_Thrift)) {
      if (l.getContentType().getContentTypeStr().equals(type)) {
        return l;
      }
    }
    return null;
  }

  private static String report(
      long seed, Generated g, Outcome withCache, Outcome without, String why) {
    return "request #"
        + g.index()
        + " (seed "
        + seed
        + "): "
        + why
        + "\n  "
        + g.curl()
        + "\n  with the cache:    "
        + withCache.status()
        + " "
        + withCache.contentType()
        + " "
        + withCache.text()
        + "\n  without the cache: "
        + without.status()
        + " "
        + without.contentType()
        + " "
        + without.text();
  }
}
