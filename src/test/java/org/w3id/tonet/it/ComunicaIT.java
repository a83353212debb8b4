package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.server.ServerOnTestSeed;

/**
 * Comunica ({@code @comunica/query-sparql}, run by Node as its users run it) against the server:
 * given an {@code /id/} IRI as its source, it follows the 303, asks for N-Quads first, and must
 * find the document's triples; given {@code /void}, the distributions; given the endpoint, the
 * answers. Before a document's quads were put in the default graph, it found none.
 */
class ComunicaIT {

  private static final Duration LIMIT = Duration.ofSeconds(120);

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  @BeforeAll
  static void clients() {
    NodeClients.requireInstalled();
  }

  private static Model turtle(String url) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/turtle")
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), url);
    Model m = ModelFactory.createDefaultModel();
    RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.TURTLE).parse(m);
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "id/symposium/2012-03-17",
        "id/org/council",
        "id/place/shiraoka",
        "id/dataset",
        "id/service/sparql/default-graph"
      })
  void fromAnIdIriComunicaFindsTheDocumentsTriples(String path) throws Exception {
    String iri = SERVER.server().site().base() + path;
    List<String> rows =
        NodeClients.run(LIMIT, null, "comunica", iri, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }");
    long expected = turtle(iri).size();
    assertTrue(expected > 0, iri);
    assertEquals(expected, rows.size(), "the triples of " + iri + " as Comunica reads them");
    assertTrue(
        rows.stream().anyMatch(r -> JSON.parse(r).get("s").getAsString().value().equals(iri)),
        "statements about " + iri);
  }

  @Test
  void fromTheVoidComunicaFindsTheDistributions() throws Exception {
    String base = SERVER.server().site().base();
    List<String> rows =
        NodeClients.run(
            LIMIT,
            null,
            "comunica",
            base + "void",
            "PREFIX dcat: <http://www.w3.org/ns/dcat#>\n"
                + "SELECT ?file WHERE { <"
                + base
                + "id/dataset> dcat:distribution ?d . ?d dcat:downloadURL ?file }");
    Set<String> found = new TreeSet<>();
    rows.forEach(r -> found.add(JSON.parse(r).get("file").getAsString().value()));
    Model meta = SERVER.server().site().meta();
    Set<String> expected = new TreeSet<>();
    meta.listObjectsOfProperty(DCAT.downloadURL)
        .forEachRemaining(o -> expected.add(o.asResource().getURI()));
    assertTrue(expected.size() >= 12, expected.toString());
    assertEquals(expected, found);
  }

  @Test
  void withTheEndpointAsItsSourceComunicaGetsTheAnswers() throws Exception {
    List<String> rows =
        NodeClients.run(
            LIMIT,
            null,
            "comunica-sparql",
            SERVER.url() + "sparql",
            "SELECT ?s WHERE { ?s a <https://w3id.org/tonet/ontology#Symposium> }");
    assertEquals(8, rows.size(), rows.toString());
  }
}
