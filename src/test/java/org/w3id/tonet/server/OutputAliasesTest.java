package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The short names common clients put in output=, format= or results= (Fuseki's, and SPARQLWrapper's
 * rdf+xml and n3) choose the answer's format; one that is not known leaves it to Accept (not 400).
 */
class OutputAliasesTest {

  @RegisterExtension static final ServerOnTestSeed SERVER = new ServerOnTestSeed();

  @ParameterizedTest(name = "{0}={1} for {2} → {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "output|rdf+xml|CONSTRUCT|application/rdf+xml",
        "output|n3|CONSTRUCT|text/turtle",
        "format|json|CONSTRUCT|application/ld+json",
        "results|nt|CONSTRUCT|application/n-triples",
        "output|xml|CONSTRUCT|application/rdf+xml",
        "output|json|SELECT|application/sparql-results+json",
        "format|xml|SELECT|application/sparql-results+xml",
        "results|csv|SELECT|text/csv",
        "output|tsv|SELECT|text/tab-separated-values",
        "output|text|SELECT|text/plain",
        "output|sparql-something|SELECT|application/sparql-results+json",
        "output|rdf+xml|SELECT|application/sparql-results+json",
        "output|application/sparql-results+xml|SELECT|application/sparql-results+xml",
        "output|html|SELECT|text/html"
      })
  void aliasesChooseTheFormat(String param, String value, String form, String expected)
      throws Exception {
    String query =
        form.equals("SELECT")
            ? "SELECT * WHERE { ?s ?p ?o } LIMIT 2"
            : "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2";
    // SPARQLWrapper's own Accept for its default: the alias must win, or fall back to this.
    HttpResponse<byte[]> r =
        Http.get(
            SERVER.server().localUrl()
                + "sparql?query="
                + ServerTest.enc(query)
                + "&"
                + param
                + "="
                + ServerTest.enc(value),
            "Accept",
            "application/sparql-results+json,application/rdf+xml;q=0.9,*/*;q=0.1");
    assertEquals(200, r.statusCode(), Http.text(r));
    assertTrue(
        Http.header(r, "Content-Type").startsWith(expected),
        value + " → " + Http.header(r, "Content-Type"));
  }
}
