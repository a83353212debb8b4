package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.rdf.SCHEMA;

/**
 * What RDF clients ask for and get: the legacy and quad media types (rdflib's {@code format='nt'}
 * asks for text/plain first and anything else at q=0.1), and the three graph names, dereferenced.
 */
class RdfClientsTest {

  private static final String SYMPOSIUM = "symposium/2012-03-17";
  private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  // ---- legacy and quad media types on /id and /data -----------------------------------------

  @ParameterizedTest(name = "Accept: {0} → .{1} as {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/plain, */*;q=0.1 | nt | text/plain | NT",
        "text/n3, */*;q=0.1 | ttl | text/n3 | TTL",
        "text/n3 | ttl | text/n3 | TTL",
        "application/x-turtle | ttl | application/x-turtle | TTL",
        "text/turtle,application/x-turtle, */*;q=0.1 | ttl | text/turtle | TTL",
        "application/trig | trig | application/trig | TRIG",
        "application/trig, */*;q=0.1 | trig | application/trig | TRIG",
        "application/n-quads | nq | application/n-quads | NQ",
      })
  void legacyAndQuadTypesGetTheResourcesRdf(
      String accept, String extension, String contentType, String lang) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + "id/" + SYMPOSIUM, "Accept", accept);
    assertEquals(303, r.statusCode(), Http.text(r));
    String location = Http.header(r, "Location");
    assertEquals(SERVER.url() + "data/" + SYMPOSIUM + "." + extension, location);
    HttpResponse<byte[]> data = Http.get(location, "Accept", accept);
    assertEquals(200, data.statusCode());
    assertTrue(
        Http.header(data, "Content-Type").replace(" ", "").startsWith(contentType + ";"),
        Http.header(data, "Content-Type"));
    Model m = union(Http.text(data), RDFLanguages.nameToLang(lang));
    assertTrue(m.contains(m.getResource(SERVER.url() + "id/" + SYMPOSIUM), SCHEMA.startDate), lang);
  }

  @Test
  void aBrowserAndCurlStillGetThePage() throws Exception {
    for (String accept :
        List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*")) {
      HttpResponse<byte[]> r = Http.get(SERVER.url() + "id/" + SYMPOSIUM, "Accept", accept);
      assertEquals(SERVER.url() + "page/" + SYMPOSIUM, Http.header(r, "Location"), accept);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TRIG", "NQUADS"})
  void aDocumentAskedForAsQuadsHasItsTriplesInTheDefaultGraph(String name) throws Exception {
    // A document is one graph: a client that reads quads first (Comunica, and the link traversal,
    // LDflex and Solid apps built on it) finds every triple in the default graph.
    Conneg.Format format = Conneg.Format.valueOf(name);
    HttpResponse<byte[]> r =
        Http.get(SERVER.url() + "data/" + SYMPOSIUM + "." + format.extension(), "Accept", "*/*");
    assertEquals(200, r.statusCode());
    Dataset ds = dataset(Http.text(r), format == Conneg.Format.TRIG ? Lang.TRIG : Lang.NQUADS);
    assertFalse(ds.listNames().hasNext(), "no named graph in a document");
    Model turtle =
        union(Http.text(Http.get(SERVER.url() + "data/" + SYMPOSIUM + ".ttl")), Lang.TURTLE);
    assertTrue(
        ds.getDefaultModel().isIsomorphicWith(turtle), "the same triples as the Turtle document");
  }

  @Test
  void everyFormatNegotiableOnIdIsAnExtensionOfData() throws Exception {
    for (Conneg.Format format : Conneg.Format.rdfOffers()) {
      List<String> types = new java.util.ArrayList<>(List.of(format.mediaType()));
      types.addAll(format.aliases());
      for (String type : types) {
        HttpResponse<byte[]> r = Http.get(SERVER.url() + "id/" + SYMPOSIUM, "Accept", type);
        String location = SERVER.url() + "data/" + SYMPOSIUM + "." + format.extension();
        assertEquals(location, Http.header(r, "Location"), type);
        HttpResponse<byte[]> data = Http.get(location);
        assertEquals(200, data.statusCode(), location);
        assertTrue(Http.header(data, "Content-Type").startsWith(format.mediaType()), location);
      }
    }
  }

  @ParameterizedTest(name = "{0} with Accept [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "ontology | text/plain, */*;q=0.1 | text/plain | NT | graph/ontology",
        "ontology | text/n3 | text/n3 | TTL | graph/ontology",
        "ontology | text/rdf+n3 | text/rdf+n3 | TTL | graph/ontology",
        "ontology | application/rdf+xml | application/rdf+xml | RDF/XML | graph/ontology",
        "ontology | application/ld+json | application/ld+json | JSON-LD | graph/ontology",
        "ontology | application/n-quads | application/n-quads | NQ | graph/ontology",
        "ontology | application/trig | application/trig | TRIG | graph/ontology",
        "void | text/plain, */*;q=0.1 | text/plain | NT | graph/meta",
        "void | application/n-quads | application/n-quads | NQ | graph/meta",
        ".well-known/void | application/trig | application/trig | TRIG | graph/meta",
      })
  void theOntologyAndTheDescriptionNegotiateTheSameTypes(
      String path, String accept, String contentType, String lang, String graph) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path, "Accept", accept);
    assertEquals(200, r.statusCode(), Http.text(r));
    assertTrue(
        Http.header(r, "Content-Type").replace(" ", "").startsWith(contentType + ";"),
        Http.header(r, "Content-Type"));
    Lang syntax = RDFLanguages.nameToLang(lang);
    Model expected = SERVER.server().site().namedGraphs().get(SERVER.url() + graph);
    if (RDFLanguages.isQuads(syntax)) {
      Dataset ds = dataset(Http.text(r), syntax);
      assertFalse(ds.listNames().hasNext(), "a document, not " + graph + " by name");
      assertTrue(ds.getDefaultModel().isIsomorphicWith(expected), graph);
    } else {
      assertTrue(union(Http.text(r), syntax).isIsomorphicWith(expected), graph);
    }
  }

  @Test
  void everyIriOfTheServiceDescriptionDereferences() throws Exception {
    HttpResponse<byte[]> sd = Http.get(SERVER.url() + "sparql", "Accept", "text/turtle");
    assertEquals(200, sd.statusCode());
    Model m = union(Http.text(sd), Lang.TURTLE);
    java.util.Set<String> iris = new java.util.TreeSet<>();
    m.listStatements()
        .forEachRemaining(
            st -> {
              for (org.apache.jena.rdf.model.RDFNode n : List.of(st.getSubject(), st.getObject())) {
                if (n.isURIResource() && n.asResource().getURI().startsWith(SERVER.url())) {
                  iris.add(n.asResource().getURI());
                }
              }
            });
    assertTrue(iris.contains(SERVER.url() + "id/service/sparql/default-graph"), iris.toString());
    for (String iri : iris) {
      HttpResponse<byte[]> r = Http.get(iri, "Accept", "text/turtle");
      if (r.statusCode() == 303) {
        r = Http.get(Http.header(r, "Location"), "Accept", "text/turtle");
      }
      assertEquals(200, r.statusCode(), iri);
      Model doc = union(Http.text(r), Lang.TURTLE);
      assertTrue(doc.containsResource(doc.getResource(iri)), iri + " is described");
    }
  }

  // ---- the graph names --------------------------------------------------------------------

  @ParameterizedTest(name = "graph/{0} as RDF")
  @CsvSource({"data, tonet.ttl", "ontology, tonet-ontology.ttl", "meta, void.ttl"})
  void aGraphNameGivesItsDescriptionWithItsSizeAndDump(String name, String dump) throws Exception {
    String iri = SERVER.url() + "graph/" + name;
    HttpResponse<byte[]> r = Http.get(iri, "Accept", "text/turtle");
    assertEquals(200, r.statusCode(), Http.text(r));
    assertEquals("Accept, Accept-Encoding", Http.header(r, "Vary"));
    Model m = union(Http.text(r), Lang.TURTLE);
    Resource g = m.getResource(iri);
    assertTrue(m.contains(g, RDF.type, m.getResource(SD + "Graph")), Http.text(r));
    assertTrue(m.contains(g, RDFS.label), "labelled");
    assertEquals(
        SERVER.server().site().namedGraphs().get(iri).size(),
        g.getProperty(VOID.triples).getLong());
    assertTrue(m.contains(g, VOID.dataDump, m.getResource(SERVER.url() + "downloads/" + dump)));
    assertTrue(m.contains(g, VOID.sparqlEndpoint, m.getResource(SERVER.url() + "sparql")));
    assertTrue(
        m.contains(null, m.getProperty(SD + "name"), g), "the service description's named graph");
    assertEquals(
        200, Http.get(SERVER.url() + "downloads/" + dump).statusCode(), "the dump is there");
    // By extension, the same document.
    HttpResponse<byte[]> byExtension = Http.get(iri + ".ttl");
    assertEquals(200, byExtension.statusCode());
    assertTrue(union(Http.text(byExtension), Lang.TURTLE).isIsomorphicWith(m));
    // rdflib's format='nt'
    HttpResponse<byte[]> nt = Http.get(iri, "Accept", "text/plain, */*;q=0.1");
    assertTrue(union(Http.text(nt), Lang.NTRIPLES).isIsomorphicWith(m));
  }

  @ParameterizedTest(name = "graph/{0} in a browser")
  @ValueSource(strings = {"data", "ontology", "meta"})
  void aGraphNameGivesABrowserAPageAboutTheGraph(String name) throws Exception {
    String iri = SERVER.url() + "graph/" + name;
    HttpResponse<byte[]> r = Http.get(iri, "Accept", "text/html");
    assertEquals(200, r.statusCode());
    assertTrue(Http.header(r, "Content-Type").startsWith("text/html"));
    String html = Http.text(r);
    assertTrue(html.contains("<code>" + iri + "</code>"), "names the graph");
    assertTrue(
        html.contains(
            "<dd>"
                + String.format(
                    java.util.Locale.ROOT,
                    "%,d",
                    SERVER.server().site().namedGraphs().get(iri).size())
                + "</dd>"),
        "its number of triples, with separators");
    assertTrue(
        html.contains("href=\"" + SERVER.url() + "downloads/tonet.trig\""), "the dump of all");
    assertTrue(html.contains("rel=\"alternate\" type=\"text/turtle\" href=\"" + iri + ".ttl\""));
  }

  @ParameterizedTest(name = "{0} is 404")
  @ValueSource(strings = {"graph/", "graph/other", "graph/data.exe", "graph/data.html"})
  void otherGraphPathsAreNotFound(String path) throws Exception {
    HttpResponse<byte[]> r = Http.get(SERVER.url() + path, "Accept", "text/html");
    assertEquals(404, r.statusCode());
    assertFalse(Http.text(r).contains("Exception"));
  }

  private static Model union(String text, Lang lang) {
    return dataset(text, lang).getUnionModel().union(dataset(text, lang).getDefaultModel());
  }

  private static Dataset dataset(String text, Lang lang) {
    Dataset ds = DatasetFactory.create();
    RDFParser.fromString(text, lang).parse(ds);
    return ds;
  }
}
