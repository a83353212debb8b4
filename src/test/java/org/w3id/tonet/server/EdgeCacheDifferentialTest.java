package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.tonet.server.cache.HttpCaching;

/**
 * The edge cache as a property: a server that keeps pages, documents and redirects, and one that
 * keeps nothing ({@code --cache-size 0}), are sent the same paths with generated Accept and
 * Accept-Encoding headers (media ranges with and without q, older names, wildcards, upper case,
 * junk, cache-busting ranges, several at once), the cached one each request twice, all of them
 * shuffled together and several at once; every request must get the same status, Content-Type,
 * Content-Encoding, Vary, ETag, Cache-Control, Location, Content-Location, Link and bytes from
 * both: a kept answer is never sent for an Accept header that selects another representation, nor
 * under another name (text/plain for N-Triples stays text/plain). And a path is kept once per
 * representation: as many answers are kept as distinct answers (path, status, type, location, gzip
 * or not) were given, however many Accept headers asked for them.
 *
 * <p>Reproducible: the seed is printed ({@code -Dtonet.differential.seed=N} to choose it), and a
 * failing request is printed as a curl command line.
 */
class EdgeCacheDifferentialTest {

  /** Accept headers generated, each asked for every path. */
  private static final int ACCEPTS = 40;

  /** Requests in flight at once, both servers together. */
  private static final int AT_ONCE = 4;

  /** The whole run stops sending after this long; what was answered is compared. */
  private static final Duration BUDGET = Duration.ofSeconds(180);

  /** Every kind of path the edge cache keeps: pages, redirects, documents, files. */
  private static final List<String> PATHS =
      List.of(
          "",
          "id/org/council",
          "page/org/council",
          "data/org/council",
          "data/org/council.nt",
          "data/org/council.ttl",
          "ontology",
          "void",
          ".well-known/void",
          "graph/data",
          "graph/meta.nt",
          "query/assemblies-in-order",
          "static/site.css");

  private static final List<String> TYPES =
      List.of(
          "text/html",
          "application/xhtml+xml",
          "text/turtle",
          "text/n3",
          "application/x-turtle",
          "text/rdf+n3",
          "application/ld+json",
          "application/json",
          "application/rdf+xml",
          "application/xml",
          "text/xml",
          "application/n-triples",
          "text/plain",
          "application/trig",
          "application/n-quads",
          "*/*",
          "text/*",
          "application/*",
          "image/png");

  private static final List<String> ENCODINGS =
      Arrays.asList(null, "gzip", "gzip, deflate, br", "br", "gzip;q=0", "identity", "*");

  /**
   * Both publish under one base, so that their answers can be equal, and compress whatever they are
   * asked to: whether a client's share of compression is spent is not the cache's doing.
   */
  private static TonetServer.Builder twin(TonetServer.Builder b) {
    return b.baseIri("http://localhost:3030/").compressionShare(Duration.ofHours(1));
  }

  @RegisterExtension
  static final ServerOnTestSeed CACHED = new ServerOnTestSeed(EdgeCacheDifferentialTest::twin);

  @RegisterExtension
  static final ServerOnTestSeed UNCACHED = new ServerOnTestSeed(b -> twin(b).cacheSize(0));

  /** One request: a path with its Accept and Accept-Encoding (null: not sent). */
  record Asked(String path, String accept, String encoding) {

    /** The headers sent, as name, value, name, value … */
    String[] headers() {
      List<String> h = new ArrayList<>();
      if (accept != null) {
        h.addAll(List.of("Accept", accept));
      }
      if (encoding != null) {
        h.addAll(List.of("Accept-Encoding", encoding));
      }
      return h.toArray(String[]::new);
    }

    String curl() {
      return "curl -si"
          + (accept == null ? "" : " -H 'Accept: " + accept + "'")
          + (encoding == null ? "" : " -H 'Accept-Encoding: " + encoding + "'")
          + " 'http://127.0.0.1:PORT/"
          + path
          + "'";
    }
  }

  /** What is compared of an answer (the body decoded when it is gzipped). */
  record Seen(
      int status,
      String contentType,
      String contentEncoding,
      String vary,
      String etag,
      String cacheControl,
      String location,
      String contentLocation,
      String link,
      String body) {

    static Seen of(HttpResponse<byte[]> r) throws IOException {
      byte[] body = r.body();
      String encoding = r.headers().firstValue("Content-Encoding").orElse(null);
      if ("gzip".equals(encoding)) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      return new Seen(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(null),
          encoding,
          String.join(", ", r.headers().allValues("Vary")),
          r.headers().firstValue("ETag").orElse(null),
          r.headers().firstValue("Cache-Control").orElse(null),
          r.headers().firstValue("Location").orElse(null),
          r.headers().firstValue("Content-Location").orElse(null),
          r.headers().firstValue("Link").orElse(null),
          new String(body, StandardCharsets.UTF_8));
    }

    /**
     * The answer to {@code asked} as a cache tells answers apart: a redirect or a small answer is
     * one answer to a client that takes gzip, another to one that does not (a cache cannot know
     * that it will not be compressed before it is made).
     */
    String representation(Asked asked) {
      return asked.path()
          + " "
          + status
          + " "
          + contentType
          + " "
          + location
          + (HttpCaching.acceptsGzip(asked.encoding()) ? " gzip" : " -");
    }
  }

  /** A made-up Accept header: a few media ranges, some with q, written in several ways. */
  static String accept(Random random) {
    int n = random.nextInt(7);
    if (n == 0) {
      return random.nextBoolean() ? null : "";
    }
    List<String> ranges = new ArrayList<>();
    for (int i = 0; i < Math.min(n, 4); i++) {
      String type = TYPES.get(random.nextInt(TYPES.size()));
      if (random.nextInt(5) == 0) {
        type = type.toUpperCase(Locale.ROOT);
      }
      String range =
          switch (random.nextInt(8)) {
            case 0 -> type + ";q=0." + random.nextInt(10);
            case 1 -> type + "; q=" + (random.nextBoolean() ? "1" : "0");
            case 2 -> type + ";q=0.00" + (1 + random.nextInt(9));
            case 3 -> type + ";level=1;q=0.5";
            case 4 -> "x-bust/v" + random.nextInt(1_000_000) + ";q=0.0" + random.nextInt(10);
            case 5 -> type + ";q=junk";
            default -> type;
          };
      ranges.add(range);
    }
    if (random.nextInt(6) == 0) {
      ranges.add(random.nextBoolean() ? ";" : " ");
    }
    return String.join(random.nextBoolean() ? "," : ", ", ranges);
  }

  @Test
  void theEdgeCacheNeverSendsAnotherRepresentationAndKeepsEachOnce() throws Exception {
    long seed = Long.getLong("tonet.differential.seed", 17L);
    System.out.println("EdgeCacheDifferentialTest: seed " + seed);
    Random random = new Random(seed);
    Set<String> accepts = new LinkedHashSet<>();
    // The headers of the clients the tests run, and the older names, besides the made-up ones.
    accepts.addAll(
        List.of(
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "text/plain, */*;q=0.1",
            "text/plain",
            "application/n-triples",
            "text/n3",
            "text/turtle;q=0.5, text/n3",
            "application/json",
            "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
                + "application/n-triples;q=0.8,text/turtle;q=0.6,*/*;q=0.1"));
    while (accepts.size() < ACCEPTS) {
      accepts.add(String.valueOf(accept(random)));
    }
    List<Asked> distinct = new ArrayList<>();
    for (String path : PATHS) {
      for (String a : accepts) {
        distinct.add(
            new Asked(
                path,
                a.equals("null") ? null : a,
                ENCODINGS.get(random.nextInt(ENCODINGS.size()))));
      }
    }
    // Every request once to the server without the cache and twice to the one with it (the later
    // from what it kept, unless both arrive at once), all shuffled together: each server sees them
    // in an order of its own, and the same request may reach both at once.
    List<Map.Entry<Asked, Boolean>> sends = new ArrayList<>();
    for (Asked a : distinct) {
      sends.add(Map.entry(a, false));
      sends.add(Map.entry(a, true));
      sends.add(Map.entry(a, true));
    }
    Collections.shuffle(sends, random);
    long start = System.nanoTime();
    long end = start + BUDGET.toNanos();
    Map<Asked, Seen> truth = new ConcurrentHashMap<>();
    Map<Asked, List<Seen>> cached = new ConcurrentHashMap<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (Map.Entry<Asked, Boolean> send : sends) {
      tasks.add(
          () -> {
            Asked a = send.getKey();
            boolean withCache = send.getValue();
            Seen seen = send(a, withCache ? CACHED.server() : UNCACHED.server(), end);
            if (seen != null && withCache) {
              cached.computeIfAbsent(a, k -> new CopyOnWriteArrayList<>()).add(seen);
            } else if (seen != null) {
              truth.put(a, seen);
            }
            return null;
          });
    }
    Concurrently.run(AT_ONCE, BUDGET.plusMinutes(2), tasks);
    long millis = (System.nanoTime() - start) / 1_000_000;
    int compared = 0;
    int complete = 0;
    int answered = 0;
    Set<String> representations = new HashSet<>();
    for (Asked a : distinct) {
      Seen expected = truth.get(a);
      List<Seen> answers = cached.getOrDefault(a, List.of());
      if (expected == null) {
        continue; // past the budget
      }
      for (Seen s : answers) {
        compared++;
        if (!s.equals(expected)) {
          fail(
              "seed "
                  + seed
                  + ": "
                  + a.curl()
                  + "\nwithout the edge cache: "
                  + brief(expected)
                  + "\nwith it:                "
                  + brief(s));
        }
      }
      if (answers.size() == 2) {
        complete++;
      }
      if (expected.status() == 200 || expected.status() == 303) {
        answered++;
        representations.add(expected.representation(a));
      }
    }
    int kept = CACHED.server().edgeCache().size();
    System.out.printf(
        "EdgeCacheDifferentialTest: seed %d, %d distinct requests (%d paths x %d Accept headers)"
            + " in %d ms (%d answered 200 or 303), %d answers with the cache compared,"
            + " %d distinct answers, %d kept%n",
        seed,
        distinct.size(),
        PATHS.size(),
        accepts.size(),
        millis,
        answered,
        compared,
        representations.size(),
        kept);
    assertTrue(
        compared >= distinct.size(),
        "at least half the requests answered within " + BUDGET.toSeconds() + " s: " + compared);
    if (complete == distinct.size()) {
      assertEquals(
          representations.size(),
          kept,
          "one kept answer per distinct answer of a path: " + new TreeSet<>(representations));
    }
  }

  private static String brief(Seen s) {
    String body = s.body().length() > 200 ? s.body().substring(0, 200) + "…" : s.body();
    return s.status()
        + " "
        + s.contentType()
        + " Content-Encoding "
        + s.contentEncoding()
        + " Vary "
        + s.vary()
        + " ETag "
        + s.etag()
        + " Cache-Control "
        + s.cacheControl()
        + " Location "
        + s.location()
        + " Content-Location "
        + s.contentLocation()
        + " Link "
        + s.link()
        + "\n  "
        + body.replace("\n", "\n  ");
  }

  private static Seen send(Asked a, TonetServer server, long end) throws Exception {
    if (System.nanoTime() > end) {
      return null;
    }
    return Seen.of(Http.get(server.localUrl() + a.path(), a.headers()));
  }
}
