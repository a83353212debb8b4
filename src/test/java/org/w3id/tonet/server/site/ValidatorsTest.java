package org.w3id.tonet.server.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.tonet.server.Http;
import org.w3id.tonet.server.ServerOnTestSeed;
import org.w3id.tonet.validate.QueryFolder;

/**
 * Every cacheable path answers 304 to its own ETag: the test walks all of them — every resource's
 * page and RDF (negotiated and by extension), the graphs, the ontology, the description, the
 * example queries, the downloads, the static files, the SPARQL form, service description and
 * answers — and checks the ETag, 304 without a body, Cache-Control, and the gzip copy.
 */
class ValidatorsTest {

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  /** A GET to walk: a path and the Accept it is asked with. */
  private record Get(String path, String accept) {}

  private static List<Get> everyCacheablePath() {
    List<Get> gets = new ArrayList<>();
    for (String path :
        List.of(
            "",
            "ontology",
            "robots.txt",
            "favicon.ico",
            "graph/data",
            "graph/ontology",
            "graph/meta",
            "sparql")) {
      gets.add(new Get(path, "text/html"));
      gets.add(new Get(path, "text/turtle"));
    }
    gets.add(new Get("void", "text/turtle"));
    gets.add(new Get(".well-known/void", "application/ld+json"));
    gets.add(new Get("sparql?query=ASK%20%7B%7D", "text/html"));
    gets.add(new Get("sparql?query=ASK%20%7B%7D", "*/*"));
    gets.add(new Get("sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%2050", "*/*"));
    for (String file : StaticServlet.names()) {
      gets.add(new Get("static/" + file, "*/*"));
    }
    for (String file : SERVER.server().site().files().keySet()) {
      gets.add(new Get("downloads/" + file, "*/*"));
    }
    for (QueryFolder.Query q : QueryFolder.list("/queries")) {
      gets.add(new Get("query/" + q.name(), "text/html"));
    }
    Set<String> local = new TreeSet<>();
    String ids = SERVER.url() + "id/";
    for (Statement s : SERVER.server().site().data().listStatements().toList()) {
      for (RDFNode n : List.of(s.getSubject(), s.getObject())) {
        if (n.isURIResource() && n.asResource().getURI().startsWith(ids)) {
          local.add(n.asResource().getURI().substring(ids.length()));
        }
      }
    }
    assertTrue(local.size() > 300, "every resource of the data: " + local.size());
    for (String path : local) {
      gets.add(new Get("page/" + path, "text/html"));
      gets.add(new Get("data/" + path, "text/turtle"));
      gets.add(new Get("data/" + path + ".jsonld", "*/*"));
    }
    return new ArrayList<>(new LinkedHashSet<>(gets));
  }

  @Test
  void everyCacheablePathAnswers304ToItsOwnETag() throws Exception {
    List<String> failures = new ArrayList<>();
    int walked = 0;
    for (Get g : everyCacheablePath()) {
      HttpResponse<byte[]> r = Http.get(SERVER.url() + g.path(), "Accept", g.accept());
      if (r.statusCode() != 200) {
        failures.add(g + ": " + r.statusCode());
        continue;
      }
      walked++;
      String etag = Http.header(r, "ETag");
      String cache = Http.header(r, "Cache-Control");
      if (etag == null || !etag.startsWith("\"") || etag.startsWith("W/")) {
        failures.add(g + ": no strong ETag (" + etag + ")");
        continue;
      }
      if (cache == null || !cache.contains("public") || !cache.contains("max-age=")) {
        failures.add(g + ": Cache-Control " + cache);
      }
      HttpResponse<byte[]> again =
          Http.get(SERVER.url() + g.path(), "Accept", g.accept(), "If-None-Match", etag);
      if (again.statusCode() != 304 || again.body().length != 0) {
        failures.add(g + ": " + again.statusCode() + " to its own ETag");
      } else if (!etag.equals(Http.header(again, "ETag"))) {
        failures.add(g + ": the 304 names another ETag");
      }
    }
    assertTrue(walked > 1_000, "walked " + walked);
    assertEquals(List.of(), failures);
  }

  @Test
  void theGzipCopyIsAnotherRepresentationOfTheSameBytes() throws Exception {
    for (String path : List.of("page/org/council", "data/org/council.ttl", "ontology", "")) {
      HttpResponse<byte[]> plain = Http.get(SERVER.url() + path, "Accept", "text/html");
      HttpResponse<byte[]> gz =
          Http.get(SERVER.url() + path, "Accept", "text/html", "Accept-Encoding", "gzip");
      assertEquals("gzip", Http.header(gz, "Content-Encoding"), path);
      assertNotEquals(Http.header(plain, "ETag"), Http.header(gz, "ETag"), path);
      assertTrue(Http.header(gz, "Vary").contains("Accept-Encoding"), path);
      byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
      assertArrayEquals(plain.body(), unzipped, path);
      HttpResponse<byte[]> again =
          Http.get(
              SERVER.url() + path,
              "Accept",
              "text/html",
              "Accept-Encoding",
              "gzip",
              "If-None-Match",
              Http.header(gz, "ETag"));
      assertEquals(304, again.statusCode(), path);
    }
  }

  @Test
  void failuresAndRedirectsAreNotTaggedAsAnswers() throws Exception {
    HttpResponse<byte[]> missing = Http.get(SERVER.url() + "page/nothing/here");
    assertEquals(404, missing.statusCode());
    assertFalse(
        Http.header(missing, "ETag") != null,
        "a 404 page is not tagged: " + Http.header(missing, "ETag"));
    HttpResponse<byte[]> bad = Http.get(SERVER.url() + "sparql?query=SELEC", "Accept", "text/csv");
    assertEquals(400, bad.statusCode());
    assertEquals(null, Http.header(bad, "ETag"));
    assertEquals("no-store", Http.header(bad, "Cache-Control"));
    HttpResponse<byte[]> see = Http.get(SERVER.url() + "id/org/council", "Accept", "text/turtle");
    assertEquals(303, see.statusCode());
    assertNotNull(Http.header(see, "Cache-Control"), "a 303 may be kept too");
  }

  @Test
  void aKeptAnswerIsTheFreshOneWithTheEdgeHeaders() throws Exception {
    for (String path :
        List.of("page/org/council", "data/org/council.ttl", "ontology", "", "id/org/council")) {
      for (String accept : List.of("text/html", "text/turtle")) {
        HttpResponse<byte[]> fresh = Http.get(SERVER.url() + path, "Accept", accept);
        HttpResponse<byte[]> kept =
            Http.get(SERVER.url() + path, "Accept", accept, "Origin", "https://portal.example");
        assertEquals(fresh.statusCode(), kept.statusCode(), path);
        assertArrayEquals(fresh.body(), kept.body(), path);
        Set<String> names = headerNames(fresh);
        Set<String> keptNames = headerNames(kept);
        keptNames.removeIf(n -> n.startsWith("access-control-"));
        assertEquals(names, keptNames, path + " " + accept);
        for (String name : names) {
          assertEquals(fresh.headers().allValues(name), kept.headers().allValues(name), name);
        }
        assertNotNull(Http.header(kept, "Content-Security-Policy"), path);
        assertEquals("*", Http.header(kept, "Access-Control-Allow-Origin"), path);
      }
    }
  }

  /** The header names of an answer, but Date (which is the time it was sent). */
  private static Set<String> headerNames(HttpResponse<?> r) {
    Set<String> names = new TreeSet<>(r.headers().map().keySet());
    names.remove("date");
    return names;
  }

  @Test
  void anETagNamesThisProgramBuildAndPublication() throws Exception {
    String etag =
        Http.header(Http.get(SERVER.url() + "page/org/council", "Accept", "text/html"), "ETag");
    assertTrue(etag.startsWith("\"" + SERVER.server().site().tag() + "-"), etag);
  }
}
