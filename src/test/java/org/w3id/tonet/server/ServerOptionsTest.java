package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.source.SourceException;

/** Servers started with options: a public base IRI, a hostile seed, a short query timeout. */
class ServerOptionsTest {

  @Test
  void behindAProxyEveryIriLinkAndRedirectUsesTheBase() throws Exception {
    String base = "https://lod.example.jp/tonet/";
    TonetServer server =
        TonetServer.create().port(0).baseIri(base).council(TestSeeds.tone()).start();
    try {
      String local = server.localUrl();
      HttpResponse<byte[]> redirect =
          Http.get(local + "id/symposium/2012-03-17", "Accept", "text/html");
      assertEquals(base + "page/symposium/2012-03-17", Http.header(redirect, "Location"));
      HttpResponse<byte[]> data =
          Http.get(local + "id/symposium/2012-03-17", "Accept", "text/turtle");
      assertEquals(base + "data/symposium/2012-03-17.ttl", Http.header(data, "Location"));

      Model turtle =
          ServerTest.parse(Http.get(local + "data/symposium/2012-03-17.ttl").body(), Lang.TURTLE);
      assertTrue(turtle.containsResource(turtle.getResource(base + "id/symposium/2012-03-17")));
      turtle
          .listSubjects()
          .forEachRemaining(s -> assertFalse(s.getURI().contains("localhost"), s.getURI()));

      String page = Http.text(Http.get(local + "page/symposium/2012-03-17"));
      assertTrue(page.contains("href=\"" + base + "page/venue/pastoral-kazo\""));
      assertTrue(page.contains("href=\"" + base + "static/site.css\""));
      assertFalse(page.contains("localhost"), "no local address leaks into pages");

      String landing = Http.text(Http.get(local));
      assertFalse(landing.contains("localhost"));

      Model meta =
          ServerTest.parse(
              Http.get(local + ".well-known/void", "Accept", "text/turtle").body(), Lang.TURTLE);
      assertTrue(
          meta.contains(
              null,
              org.apache.jena.vocabulary.VOID.sparqlEndpoint,
              meta.getResource(base + "sparql")));
      assertTrue(
          Http.text(Http.get(local + "downloads/tonet.nt"))
              .contains("<" + base + "id/assembly/extraordinary/24>"));
    } finally {
      server.stop();
    }
  }

  @Test
  void markupInTheSourceIsEscapedEverywhere() throws Exception {
    var seed =
        TestSeeds.table(
            "平成22年度\t7月20日\t<script>alert('x')</script>住民説明会 a < b & \"c\"",
            "\t8月1日\t地域医療ネットワークシンポジウムの開催（パストラルかぞ） 約230人参加");
    TonetServer server =
        TonetServer.create().port(0).council(TestSeeds.tone().withTable(seed)).start();
    try {
      String local = server.localUrl();
      String row = Http.text(Http.get(local + "page/source/" + seed.shortHash() + "/line/2"));
      assertFalse(row.contains("<script>alert"), "the raw markup is never written as markup");
      assertTrue(row.contains("&lt;script&gt;alert"), row);
      String landing = Http.text(Http.get(local));
      assertFalse(landing.contains("<script>alert"));
      String eventPath = findEventPage(landing, local);
      String event = Http.text(Http.get(eventPath));
      assertTrue(event.contains("a &lt; b &amp; &quot;c&quot;"), event);
      int script = event.indexOf("<script type=\"application/ld+json\">");
      String json = event.substring(script, event.indexOf("</script>", script));
      assertFalse(json.substring(10).contains("<"), "no < inside the JSON-LD block: " + json);
      assertTrue(json.contains("\\u003c"), json);
    } finally {
      server.stop();
    }
  }

  private static String findEventPage(String landing, String local) {
    int at = landing.indexOf(local + "page/event/2010-07-20-");
    return landing.substring(at, landing.indexOf('"', at));
  }

  @Test
  void aRunawayQueryIsStoppedAndOthersAreStillAnswered() throws Exception {
    TonetServer server =
        TonetServer.create()
            .port(0)
            .council(TestSeeds.tone())
            .queryTimeout(Duration.ofSeconds(1))
            // Two clients behind a trusted proxy, as behind nginx: fair use tells them apart.
            .trustedProxies(java.util.List.of("127.0.0.1"))
            .start();
    try {
      String local = server.localUrl();
      String forever =
          "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
      long started = System.nanoTime();
      CompletableFuture<HttpResponse<byte[]>> slow =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Http.get(
                      local + "sparql?query=" + ServerTest.enc(forever),
                      "Accept",
                      "application/sparql-results+json",
                      "X-Forwarded-For",
                      "198.51.100.1");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      HttpResponse<byte[]> quick =
          Http.get(
              local + "sparql?query=" + ServerTest.enc("ASK { ?s ?p ?o }"),
              "Accept",
              "application/sparql-results+json",
              "X-Forwarded-For",
              "198.51.100.2");
      assertEquals(200, quick.statusCode(), "another client is answered meanwhile");
      HttpResponse<byte[]> r = slow.get(30, TimeUnit.SECONDS);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      assertTrue(r.statusCode() >= 400, "the runaway query fails: " + r.statusCode());
      assertTrue(
          Http.text(r).toLowerCase().contains("timeout")
              || Http.text(r).toLowerCase().contains("timed out"),
          Http.text(r));
      assertTrue(seconds < 25, "stopped near the timeout, took " + seconds + " s");
      assertEquals(200, Http.get(local + "page/org/council").statusCode(), "still serving");
    } finally {
      server.stop();
    }
  }

  @Test
  void aBadSeedStopsTheServerAndLeavesNothingRunning() throws Exception {
    // The seed is parsed while Fuseki starts: a seed that fails must stop it and free its port.
    int port;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
      port = probe.getLocalPort();
    }
    assertThrowsSource(
        () ->
            TonetServer.create()
                .port(port)
                .council(TestSeeds.tone().withTable(TestSeeds.table("\t2月30日\t何か")))
                .start());
    try (ServerSocket again = new ServerSocket(port, 1, loopback)) {
      assertEquals(port, again.getLocalPort(), "the port is free again");
    }
  }

  private static void assertThrowsSource(ThrowingRunnable r) {
    try {
      r.run();
    } catch (SourceException e) {
      assertTrue(e.getMessage().contains("[line 2, cell 2]"), e.getMessage());
      return;
    } catch (Exception e) {
      throw new AssertionError("expected a SourceException", e);
    }
    throw new AssertionError("the server started on a bad seed");
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
