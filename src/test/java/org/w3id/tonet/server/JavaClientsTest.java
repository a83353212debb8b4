package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionFuseki;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.w3id.tonet.rdf.TONET;

/**
 * The Java clients people point at a SPARQL endpoint and an ontology, as they use them: Jena's
 * {@code RDFConnectionFuseki} (what a Jena user reaches for at an embedded Fuseki; it asks for
 * results and graphs in Thrift first) and the OWL API loading {@code /ontology} by content
 * negotiation, as Protégé does when given the ontology's address.
 */
class JavaClientsTest {

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  private static final String SYMPOSIA =
      "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
          + "SELECT ?s WHERE { ?s a tonet:Symposium } ORDER BY ?s";

  private static RDFConnection fuseki() {
    return RDFConnectionFuseki.create()
        .destination(SERVER.url().replaceAll("/$", ""))
        .queryEndpoint("sparql")
        .build();
  }

  @Test
  void rdfConnectionFusekiRunsEveryQueryForm() {
    try (RDFConnection conn = fuseki()) {
      List<String> symposia = new ArrayList<>();
      conn.querySelect(SYMPOSIA, row -> symposia.add(row.getResource("s").getURI()));
      assertEquals(8, symposia.size(), symposia.toString());
      assertEquals(SERVER.url() + "id/symposium/2012-03-17", symposia.get(0));
      assertTrue(conn.queryAsk("ASK { ?s a <https://w3id.org/tonet/ontology#Symposium> }"), "ASK");
      Model venues =
          conn.queryConstruct(
              "PREFIX tonet: <https://w3id.org/tonet/ontology#>\n"
                  + "CONSTRUCT WHERE { ?v a tonet:Venue }");
      assertEquals(8, venues.size(), "CONSTRUCT");
      Model council = conn.queryDescribe("DESCRIBE <" + SERVER.url() + "id/org/council>");
      assertTrue(
          council.contains(council.getResource(SERVER.url() + "id/org/council"), null), "DESCRIBE");
    }
  }

  @Test
  void thriftIsAnsweredInThrift() throws Exception {
    HttpResponse<byte[]> table =
        Http.get(
            SERVER.url() + "sparql?query=" + ServerTest.enc(SYMPOSIA),
            "Accept",
            "application/sparql-results+thrift");
    assertEquals(200, table.statusCode(), Http.text(table));
    assertEquals("application/sparql-results+thrift", Http.header(table, "Content-Type"));
    ResultSet rows =
        ResultSetMgr.read(new ByteArrayInputStream(table.body()), ResultSetLang.RS_Thrift);
    int n = 0;
    while (rows.hasNext()) {
      rows.next();
      n++;
    }
    assertEquals(8, n);
    HttpResponse<byte[]> graph =
        Http.get(
            SERVER.url()
                + "sparql?query="
                + ServerTest.enc("DESCRIBE <" + SERVER.url() + "id/org/council>"),
            "Accept",
            "application/rdf+thrift");
    assertEquals(200, graph.statusCode(), Http.text(graph));
    assertEquals("application/rdf+thrift", Http.header(graph, "Content-Type"));
    Model m = ModelFactory.createDefaultModel();
    RDFParser.source(new ByteArrayInputStream(graph.body())).lang(Lang.RDFTHRIFT).parse(m);
    assertTrue(m.size() > 10, "the council's description: " + m.size());
  }

  @Test
  void theOwlApiLoadsTheOntologyByItsAddressAsProtegeDoes() throws Exception {
    OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
    OWLOntology ontology =
        manager.loadOntologyFromOntologyDocument(IRI.create(SERVER.url() + "ontology"));
    assertEquals(
        TONET.ONTOLOGY,
        ontology.getOntologyID().getOntologyIRI().map(IRI::toString).orElse(null),
        "the ontology's own IRI");
    assertTrue(
        ontology.getClassesInSignature().stream()
            .anyMatch(c -> c.getIRI().toString().equals(TONET.NS + "ExtraordinaryGeneralAssembly")),
        "its classes");
    // Its unions of classes and disjointness axioms are the blank nodes that made RDF/XML fail.
    assertTrue(
        ontology.getLogicalAxiomCount() > 100, "axioms read: " + ontology.getLogicalAxiomCount());
    String format = manager.getOntologyFormat(ontology).getKey();
    assertTrue(!format.isEmpty(), format);
  }
}
