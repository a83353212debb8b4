package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.rdf.SCHEMA;

/** The server on a loopback port: SPARQL, linked data, pages, dumps and the description. */
class ServerTest {

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  // ---- content negotiation ------------------------------------------------------------------

  @ParameterizedTest(name = "{0} with Accept [{1}] → {2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "assembly/extraordinary/24 | text/html | 303 | page/assembly/extraordinary/24",
        "assembly/extraordinary/24 | text/turtle | 303 | data/assembly/extraordinary/24.ttl",
        "assembly/extraordinary/24 | application/ld+json | 303 | data/assembly/extraordinary/24.jsonld",
        "assembly/extraordinary/24 | application/rdf+xml | 303 | data/assembly/extraordinary/24.rdf",
        "assembly/extraordinary/24 | application/n-triples | 303 | data/assembly/extraordinary/24.nt",
        "symposium/2012-03-17 | text/html,application/xhtml+xml,*/*;q=0.8 | 303 | page/symposium/2012-03-17",
        "symposium/2012-03-17 | */* | 303 | page/symposium/2012-03-17",
        "venue/pastoral-kazo | text/turtle;q=0.5, application/rdf+xml | 303 | data/venue/pastoral-kazo.rdf",
        "org/council | application/json | 303 | data/org/council.jsonld",
        "fiscal-year/2019 | text/turtle | 303 | data/fiscal-year/2019.ttl",
        "source/157963e9056f/line/20 | text/html | 303 | page/source/157963e9056f/line/20",
        "assembly/extraordinary/24/agenda/1 | text/turtle | 303 | data/assembly/extraordinary/24/agenda/1.ttl",
        "count/2024-03-31-general-assemblies | application/ld+json | 303 | data/count/2024-03-31-general-assemblies.jsonld",
        "dataset | text/turtle | 303 | data/dataset.ttl",
        "symposium/2012-03-17 | image/png | 406 | ",
        "nothing/here | text/turtle | 404 | ",
      })
  void idNegotiates(String path, String accept, int status, String location) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "id/" + path, "Accept", accept);
    assertEquals(status, r.statusCode(), Http.text(r));
    if (status == 303) {
      assertEquals(SERVER.url() + location, Http.header(r, "Location"));
      assertEquals("Accept", Http.header(r, "Vary"));
    }
  }

  @Test
  void idWithoutAcceptGoesToThePage() throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "id/org/council");
    assertEquals(303, r.statusCode());
    assertEquals(SERVER.url() + "page/org/council", Http.header(r, "Location"));
  }

  @ParameterizedTest(name = "/data/…{0} is {1}")
  @CsvSource({
    ".ttl, text/turtle, TTL",
    ".jsonld, application/ld+json, JSONLD",
    ".rdf, application/rdf+xml, RDFXML",
    ".nt, application/n-triples, NT"
  })
  void dataByExtension(String extension, String mediaType, String lang) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "data/symposium/2012-03-17" + extension);
    assertEquals(200, r.statusCode());
    assertTrue(Http.header(r, "Content-Type").startsWith(mediaType));
    Model m = parse(r.body(), RDFLanguages.nameToLang(lang));
    Resource s = m.getResource(SERVER.url() + "id/symposium/2012-03-17");
    assertTrue(m.contains(s, SCHEMA.startDate), "own triples");
    assertTrue(
        m.contains(
            m.getResource(SERVER.url() + "id/venue/pastoral-kazo"),
            org.apache.jena.vocabulary.RDFS.label),
        "labels of what it links to");
  }

  @Test
  void aDataDocumentDeclaresOnlyThePrefixesItUses() throws Exception {
    String turtle = Http.text(Http.get(SERVER.url() + "data/symposium/2012-03-17.ttl"));
    assertTrue(turtle.contains("@prefix schema: <http://schema.org/> ."), turtle);
    assertTrue(turtle.contains("@prefix xsd: "), "datatypes need their prefix: " + turtle);
    for (String unused : new String[] {"sd:", "spdx:", "dcat:", "foaf:", "owl:"}) {
      assertFalse(turtle.contains("@prefix " + unused), unused + " is not used: " + turtle);
    }
  }

  @Test
  void dataByAcceptHoldsInverseLinks() throws Exception {
    HttpResponse<byte[]> r =
        Http.get(SERVER.url() + "data/venue/pastoral-kazo", "Accept", "application/n-triples");
    assertEquals(200, r.statusCode());
    assertEquals("Accept, Accept-Encoding", Http.header(r, "Vary"));
    Model m = parse(r.body(), Lang.NTRIPLES);
    assertTrue(
        m.contains(
            m.getResource(SERVER.url() + "id/symposium/2012-03-17"),
            SCHEMA.location,
            m.getResource(SERVER.url() + "id/venue/pastoral-kazo")));
  }

  @Test
  void followingTheRedirectGivesTheResourcesTurtle() throws Exception {
    HttpResponse<byte[]> r =
        Http.get(SERVER.url() + "id/assembly/ordinary/12", "Accept", "text/turtle");
    HttpResponse<byte[]> data = Http.get(Http.header(r, "Location"), "Accept", "text/turtle");
    assertEquals(200, data.statusCode());
    Model m = parse(data.body(), Lang.TURTLE);
    assertTrue(
        m.contains(
            m.getResource(SERVER.url() + "id/assembly/ordinary/12"),
            RDF.type,
            m.getResource("https://w3id.org/tonet/ontology#OrdinaryGeneralAssembly")));
  }

  @ParameterizedTest(name = "unknown {0} is a 404 page")
  @ValueSource(
      strings = {
        "id/assembly/ordinary/99",
        "page/assembly/ordinary/99",
        "data/assembly/ordinary/99.ttl",
        "data/symposium/2012-03-17.exe",
        "downloads/nothing.ttl",
        "static/nothing.css",
        "nothing/here",
        "sparql-not-here"
      })
  void unknownPathsAre404Pages(String path) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path, "Accept", "text/html");
    assertEquals(404, r.statusCode());
    String body = Http.text(r);
    assertTrue(body.contains("404"), body);
    assertTrue(
        body.contains("Nothing is published at /" + path), "the site's own 404 page: " + body);
    assertFalse(body.contains("Exception") || body.contains("at org."), "no stack trace: " + body);
  }

  // ---- SPARQL ------------------------------------------------------------------------------

  private static final String COUNT_SYMPOSIA =
      "PREFIX tonet: <https://w3id.org/tonet/ontology#> SELECT (COUNT(?s) AS ?n) WHERE { ?s a tonet:Symposium }";

  @ParameterizedTest(name = "SELECT by GET as {0}")
  @CsvSource({
    "application/sparql-results+json, JSON",
    "application/sparql-results+xml, XML",
    "text/csv, CSV",
    "text/tab-separated-values, TSV"
  })
  void selectInEveryResultFormat(String accept, String lang) throws Exception {
    HttpResponse<byte[]> r =
        Http.get(SERVER.url() + "sparql?query=" + enc(COUNT_SYMPOSIA), "Accept", accept);
    assertEquals(200, r.statusCode(), Http.text(r));
    assertTrue(Http.header(r, "Content-Type").startsWith(accept));
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), resultLang(lang));
    assertEquals(8, rs.next().get("n").asLiteral().getInt());
  }

  private static Lang resultLang(String name) {
    return switch (name) {
      case "JSON" -> ResultSetLang.RS_JSON;
      case "XML" -> ResultSetLang.RS_XML;
      case "CSV" -> ResultSetLang.RS_CSV;
      default -> ResultSetLang.RS_TSV;
    };
  }

  @Test
  void selectByPostAsFormAndAsQuery() throws Exception {
    HttpResponse<byte[]> form =
        Http.post(
            SERVER.url() + "sparql",
            "application/x-www-form-urlencoded",
            "query=" + enc(COUNT_SYMPOSIA),
            "Accept",
            "application/sparql-results+json");
    assertEquals(200, form.statusCode(), Http.text(form));
    assertTrue(Http.text(form).contains("\"8\""));
    HttpResponse<byte[]> direct =
        Http.post(
            SERVER.url() + "sparql",
            "application/sparql-query",
            COUNT_SYMPOSIA,
            "Accept",
            "application/sparql-results+json");
    assertEquals(200, direct.statusCode(), Http.text(direct));
    assertTrue(Http.text(direct).contains("\"8\""));
  }

  @ParameterizedTest(name = "CONSTRUCT as {0}")
  @CsvSource({
    "text/turtle, TTL",
    "application/ld+json, JSONLD",
    "application/rdf+xml, RDFXML",
    "application/n-triples, NT"
  })
  void constructInEveryRdfFormat(String accept, String lang) throws Exception {
    String q =
        "PREFIX schema: <http://schema.org/> CONSTRUCT { ?s schema:startDate ?d } WHERE { ?s a <https://w3id.org/tonet/ontology#RegistrantMilestone> ; schema:startDate ?d }";
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "sparql?query=" + enc(q), "Accept", accept);
    assertEquals(200, r.statusCode(), Http.text(r));
    assertEquals(7, parse(r.body(), RDFLanguages.nameToLang(lang)).size());
  }

  @Test
  void theDefaultGraphIsTheUnionAndNamedGraphsExist() throws Exception {
    String q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    String json =
        Http.text(
            Http.get(
                SERVER.url() + "sparql?query=" + enc(q),
                "Accept",
                "application/sparql-results+json"));
    for (String g : List.of("graph/data", "graph/ontology", "graph/meta")) {
      assertTrue(json.contains(SERVER.url() + g), g);
    }
    String ontologyTerm =
        "ASK { <https://w3id.org/tonet/ontology#Symposium> ?p ?o . <"
            + SERVER.url()
            + "id/symposium/2012-03-17> ?p2 ?o2 }";
    assertTrue(
        Http.text(
                Http.get(
                    SERVER.url() + "sparql?query=" + enc(ontologyTerm),
                    "Accept",
                    "application/sparql-results+json"))
            .contains("true"));
  }

  @Test
  void aGetWithoutQueryIsTheServiceDescription() throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "sparql", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Model sd = parse(r.body(), Lang.TURTLE);
    String SD = "http://www.w3.org/ns/sparql-service-description#";
    assertTrue(
        sd.contains(
            null, sd.createProperty(SD, "endpoint"), sd.getResource(SERVER.url() + "sparql")));
    assertTrue(
        sd.contains(
            null,
            sd.createProperty(SD, "supportedLanguage"),
            sd.getResource(SD + "SPARQL11Query")));
    HttpResponse<byte[]> html = Http.get(SERVER.url() + "sparql", "Accept", "text/html");
    assertTrue(Http.text(html).contains("<form method=\"get\""));
  }

  @Test
  void updatesAreRefused() throws Exception {
    String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
    assertEquals(
        403, Http.post(SERVER.url() + "sparql", "application/sparql-update", update).statusCode());
    assertEquals(
        403,
        Http.post(
                SERVER.url() + "sparql",
                "application/x-www-form-urlencoded",
                "update=" + enc(update))
            .statusCode());
    assertEquals(403, Http.get(SERVER.url() + "sparql?update=" + enc(update)).statusCode());
    String ask = "ASK { <urn:x> <urn:y> <urn:z> }";
    assertTrue(
        Http.text(
                Http.get(
                    SERVER.url() + "sparql?query=" + enc(ask),
                    "Accept",
                    "application/sparql-results+json"))
            .contains("false"));
  }

  @ParameterizedTest(name = "graph-store {0} is refused")
  @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
  void graphStoreWritesAreRefused(String method) throws Exception {
    HttpResponse<byte[]> r =
        Http.method(
            method,
            SERVER.url() + "sparql?default",
            "<urn:x> <urn:y> <urn:z> .",
            "Content-Type",
            "text/turtle");
    assertEquals(405, r.statusCode());
    HttpResponse<byte[]> post =
        Http.post(
            SERVER.url() + "sparql?graph=" + enc("urn:g"),
            "text/turtle",
            "<urn:x> <urn:y> <urn:z> .");
    assertEquals(415, post.statusCode());
  }

  @ParameterizedTest(name = "admin {0} is not reachable")
  @ValueSource(
      strings = {
        "$/ping",
        "$/stats",
        "$/datasets",
        "$/server",
        "$/metrics",
        "$/tasks",
        "$/compact/sparql"
      })
  void adminEndpointsAreNotReachable(String path) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path);
    assertEquals(404, r.statusCode(), path);
    assertEquals(
        404,
        Http.post(SERVER.url() + path, "application/x-www-form-urlencoded", "").statusCode(),
        path);
  }

  @Test
  void corsAllowsReadsOnly() throws Exception {
    HttpResponse<byte[]> get =
        Http.get(
            SERVER.url() + "sparql?query=" + enc(COUNT_SYMPOSIA),
            "Origin",
            "https://portal.example");
    assertEquals("*", Http.header(get, "Access-Control-Allow-Origin"));
    HttpResponse<byte[]> preflight = preflight("POST");
    assertEquals(204, preflight.statusCode());
    assertEquals("GET, HEAD, POST", Http.header(preflight, "Access-Control-Allow-Methods"));
    assertEquals(403, preflight("PUT").statusCode());
  }

  /** A browser's CORS preflight for /sparql, with any further headers given as name, value … */
  private static HttpResponse<byte[]> preflight(String method, String... headers) throws Exception {
    List<String> all =
        new java.util.ArrayList<>(
            List.of("Origin", "https://portal.example", "Access-Control-Request-Method", method));
    all.addAll(List.of(headers));
    return Http.method("OPTIONS", SERVER.url() + "sparql", null, all.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "authorization",
        "x-requested-with",
        "content-type",
        "Authorization, X-Requested-With, Content-Type"
      })
  void corsLetsBrowserClientsSendTheirHeadersWithoutCredentials(String requested) throws Exception {
    HttpResponse<byte[]> preflight = preflight("POST", "Access-Control-Request-Headers", requested);
    assertEquals(204, preflight.statusCode());
    // As a browser checks: every requested header named (case-insensitively) in the answer.
    java.util.Set<String> allowed = new java.util.HashSet<>();
    for (String h : Http.header(preflight, "Access-Control-Allow-Headers").split(",")) {
      allowed.add(h.strip().toLowerCase(java.util.Locale.ROOT));
    }
    for (String h : requested.split(",")) {
      assertTrue(allowed.contains(h.strip().toLowerCase(java.util.Locale.ROOT)), h + " " + allowed);
    }
    assertEquals(null, Http.header(preflight, "Access-Control-Allow-Credentials"));
    HttpResponse<byte[]> get =
        Http.get(
            SERVER.url() + "sparql?query=" + enc(COUNT_SYMPOSIA),
            "Origin",
            "https://yasgui.example",
            "Authorization",
            "Bearer token",
            "X-Requested-With",
            "XMLHttpRequest");
    assertEquals(200, get.statusCode());
    assertEquals("*", Http.header(get, "Access-Control-Allow-Origin"));
    assertEquals(null, Http.header(get, "Access-Control-Allow-Credentials"));
  }

  // ---- pages ---------------------------------------------------------------------------------

  @Test
  void aPageShowsLabelsEraDatesLinksSourceLineAndJsonLd() throws Exception {
    HttpResponse<byte[]> r =
        Http.get(SERVER.url() + "page/assembly/council/1", "Accept", "text/html");
    assertEquals(200, r.statusCode());
    String html = Http.text(r);
    assertTrue(html.contains("<h1>協議会（第1回）</h1>"), "Japanese label");
    assertTrue(html.contains("1st Council General Assembly"), "English label");
    assertTrue(
        html.contains("<time datetime=\"2010-07-20\">2010年7月20日 (平成22年)</time>"), "era date");
    assertTrue(html.contains("20 July 2010"), "the date in English");
    assertTrue(html.contains(SERVER.url() + "page/org/council"), "linked organizer");
    assertTrue(
        html.contains("8行目") && html.contains("埼玉利根保健医療圏医療連携推進協議会を設置、協議会（第1回）の開催"),
        "source line and text");
    assertTrue(html.contains("記載どおり"), "how the date was found");
    assertTrue(
        html.contains(
            "<script type=\"application/ld+json\">{\"@context\":\"http://schema.org\",\"@type\":\"Event\""),
        "schema.org JSON-LD");
    assertTrue(
        html.contains("Content-Security-Policy")
            || Http.header(r, "Content-Security-Policy") != null);
    assertEquals("nosniff", Http.header(r, "X-Content-Type-Options"));
    assertNotNull(Http.header(r, "Referrer-Policy"));
  }

  @Test
  void aPageListsWhatRefersToIt() throws Exception {
    String html = Http.text(Http.get(SERVER.url() + "page/venue/pastoral-kazo"));
    assertTrue(
        html.contains("参照元") && html.contains(SERVER.url() + "page/symposium/2012-03-17"), html);
  }

  @Test
  void theLandingPageHasTheTimelineChartsQueriesAndDownloads() throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url());
    assertEquals(200, r.statusCode());
    String html = Http.text(r);
    for (int year = 2009; year <= 2023; year++) {
      assertTrue(html.contains(SERVER.url() + "page/fiscal-year/" + year), "fiscal year " + year);
    }
    assertTrue(
        html.contains(SERVER.url() + "page/assembly/extraordinary/24"), "every event is linked");
    assertTrue(
        html.contains("<svg") && html.contains("参加登録者数の推移") && html.contains("シンポジウム参加者数"),
        "charts");
    assertTrue(html.contains(SERVER.url() + "query/symposia"), "example queries");
    assertTrue(html.contains(SERVER.url() + "downloads/tonet.ttl"), "downloads");
    assertTrue(html.contains("\"@type\":\"Dataset\""), "schema.org Dataset");
  }

  @Test
  void theOntologyPageDocumentsEveryTermAndNegotiates() throws Exception {
    String html = Http.text(Http.get(SERVER.url() + "ontology", "Accept", "text/html"));
    for (String term :
        List.of("Symposium", "GeneralAssembly", "attendance", "notBefore", "DateFromRowAbove")) {
      assertTrue(html.contains("id=\"" + term + "\""), term);
    }
    HttpResponse<byte[]> ttl = Http.get(SERVER.url() + "ontology", "Accept", "text/turtle");
    assertTrue(parse(ttl.body(), Lang.TURTLE).isIsomorphicWith(SERVER.server().site().ontology()));
  }

  @Test
  void exampleQueryPagesRunTheirQuery() throws Exception {
    String html = Http.text(Http.get(SERVER.url() + "query/symposia"));
    assertTrue(html.contains("パストラルかぞ") && html.contains("230"), html);
  }

  // ---- downloads -------------------------------------------------------------------------------

  @Test
  void downloadsCarryTypeLengthEtagAndLastModified() throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "downloads/tonet.nt");
    assertEquals(200, r.statusCode());
    assertTrue(Http.header(r, "Content-Type").startsWith("application/n-triples"));
    assertEquals(Long.toString(r.body().length), Http.header(r, "Content-Length"));
    assertEquals("\"" + Exporter.sha256(r.body()) + "\"", Http.header(r, "ETag"));
    assertNotNull(Http.header(r, "Last-Modified"));
    HttpResponse<byte[]> again =
        Http.get(SERVER.url() + "downloads/tonet.nt", "If-None-Match", Http.header(r, "ETag"));
    assertEquals(304, again.statusCode());
    HttpResponse<byte[]> since =
        Http.get(
            SERVER.url() + "downloads/tonet.nt",
            "If-Modified-Since",
            Http.header(r, "Last-Modified"));
    assertEquals(304, since.statusCode());
    HttpResponse<byte[]> head = Http.head(SERVER.url() + "downloads/tonet.nt");
    assertEquals(200, head.statusCode());
    assertEquals(Http.header(r, "Content-Length"), Http.header(head, "Content-Length"));
  }

  @Test
  void clientsThatAcceptGzipGetGzip() throws Exception {
    HttpResponse<byte[]> plain = Http.get(SERVER.url() + "downloads/tonet.ttl");
    HttpResponse<byte[]> gz =
        Http.get(SERVER.url() + "downloads/tonet.ttl", "Accept-Encoding", "gzip");
    assertEquals("gzip", Http.header(gz, "Content-Encoding"));
    assertTrue(gz.body().length < plain.body().length);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
      assertEquals(
          new String(plain.body(), StandardCharsets.UTF_8),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(Http.header(gz, "Vary").contains("Accept-Encoding"));
  }

  @ParameterizedTest(name = "traversal {0} reaches nothing")
  @ValueSource(
      strings = {
        "downloads/../pom.xml",
        "downloads/%2e%2e/pom.xml",
        "downloads/..%2Fpom.xml",
        "downloads/%2F..%2F..%2Fetc%2Fpasswd",
        "downloads/....//pom.xml",
        "data/../../pom.xml",
        "static/../../pom.xml"
      })
  void pathTraversalReachesNothing(String path) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path);
    assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " → " + r.statusCode());
    String body = Http.text(r);
    assertFalse(body.contains("<modelVersion>") || body.contains("root:"), body);
  }

  // ---- dataset description ---------------------------------------------------------------------

  @ParameterizedTest(name = "{0} describes the dataset")
  @ValueSource(strings = {".well-known/void", "void"})
  void theDescriptionParsesAndNamesExistingDumps(String path) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path, "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Model meta = parse(r.body(), Lang.TURTLE);
    List<Resource> downloads =
        meta.listObjectsOfProperty(DCAT.downloadURL).mapWith(n -> n.asResource()).toList();
    assertTrue(downloads.size() >= 12, "a distribution per dump");
    for (Resource d : downloads) {
      assertTrue(d.getURI().startsWith(SERVER.url() + "downloads/"), d.getURI());
      assertEquals(200, Http.head(d.getURI()).statusCode(), d.getURI());
    }
    String spdx = "http://spdx.org/rdf/terms#";
    meta.listSubjectsWithProperty(meta.createProperty(spdx, "checksumValue"))
        .forEachRemaining(
            c -> {
              String value = c.getProperty(meta.createProperty(spdx, "checksumValue")).getString();
              Resource distribution =
                  meta.listSubjectsWithProperty(meta.createProperty(spdx, "checksum"), c).next();
              String file = distribution.getPropertyResourceValue(DCAT.downloadURL).getURI();
              try {
                assertEquals(value, Exporter.sha256(Http.get(file).body()), file);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
    assertTrue(
        meta.contains(
            null,
            org.apache.jena.vocabulary.VOID.sparqlEndpoint,
            meta.getResource(SERVER.url() + "sparql")));
  }

  /**
   * The description sends the dataset's page only to a client that names text/html itself (media
   * types are case-insensitive); one that accepts anything gets Turtle.
   */
  @ParameterizedTest(name = "/void, Accept: [{0}] → {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html | 303 | page/dataset",
        "TEXT/HTML | 303 | page/dataset",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | 303 | page/dataset",
        "*/* | 200 | text/turtle;charset=utf-8",
        "text/html;q=0.5, text/turtle | 200 | text/turtle;charset=utf-8",
        "text/plain | 200 | text/plain;charset=utf-8",
        "application/xhtml+xml | 406 | text/plain;charset=utf-8",
      })
  void theDescriptionNegotiates(String accept, int status, String expected) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "void", "Accept", accept);
    assertEquals(status, r.statusCode(), Http.text(r));
    if (status == 303) {
      assertEquals(SERVER.url() + expected, Http.header(r, "Location"));
    } else {
      assertEquals(expected, Http.header(r, "Content-Type").replace(" ", ""));
    }
  }

  static Model parse(byte[] body, Lang lang) {
    Model m = ModelFactory.createDefaultModel();
    RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(m);
    return m;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
