package org.w3id.tonet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnegTest {

  @ParameterizedTest(name = "Accept: [{0}] is read as no preference")
  @ValueSource(strings = {";", " ; ", ";;", ",", " , ;", "text", "/html", "text/", ";q=1"})
  void aHeaderWithoutOneWellFormedRangeIsIgnored(String accept) {
    assertEquals(
        Optional.of(Conneg.Format.HTML), Conneg.choose(accept, Conneg.Format.pageOffers()));
  }

  @ParameterizedTest(name = "Accept: [{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html,;|HTML",
        ";,text/turtle|TURTLE",
        "text/turtle;;q=0.5, application/ld+json;q=0.9|JSONLD"
      })
  void malformedPartsAreSkippedAndTheRestCounts(String accept, Conneg.Format expected) {
    assertEquals(Optional.of(expected), Conneg.choose(accept, Conneg.Format.pageOffers()));
  }

  @ParameterizedTest(name = "Accept: [{0}] → {1} as {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // rdflib 7's Graph().parse(iri, format=…)
        "text/plain, */*;q=0.1 | NTRIPLES | text/plain",
        "text/n3, */*;q=0.1 | TURTLE | text/n3",
        "text/turtle, application/x-turtle, */*;q=0.1 | TURTLE | text/turtle",
        "application/trig, */*;q=0.1 | TRIG | application/trig",
        "application/n-quads, */*;q=0.1 | NQUADS | application/n-quads",
        // the canonical types, and a client that names both
        "application/n-triples | NTRIPLES | application/n-triples",
        "application/n-triples, text/plain;q=0.5 | NTRIPLES | application/n-triples",
        // browsers and curl keep the page
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | HTML | text/html",
        "*/* | HTML | text/html",
        "text/* | HTML | text/html",
      })
  void legacyAndQuadTypesAreAnswered(String accept, Conneg.Format format, String contentType) {
    assertEquals(Optional.of(format), Conneg.choose(accept, Conneg.Format.pageOffers()));
    assertEquals(contentType + "; charset=utf-8", Conneg.contentType(accept, format));
  }

  @ParameterizedTest(name = "Accept: [{0}] on a document → {1}")
  @CsvSource(
      delimiter = '|',
      value = {"text/plain | NTRIPLES", "text/n3 | TURTLE", "application/n-quads | NQUADS"})
  void documentsAnswerTheSameTypes(String accept, Conneg.Format format) {
    assertEquals(Optional.of(format), Conneg.choose(accept, Conneg.Format.rdfOffers()));
  }

  @Test
  void theQuadFormatsAreExtensionsToo() {
    assertEquals(Optional.of(Conneg.Format.TRIG), Conneg.Format.byExtension("trig"));
    assertEquals(Optional.of(Conneg.Format.NQUADS), Conneg.Format.byExtension("nq"));
    assertTrue(Conneg.Format.TRIG.isQuads() && !Conneg.Format.TURTLE.isQuads());
  }

  /** What a header selects for every servlet: the pages, the documents and the description. */
  @ParameterizedTest(name = "Accept: [{0}] → page {1}, RDF {2}, HTML {3}, names text/html {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html | HTML | - | true | true",
        "TEXT/HTML | HTML | - | true | true",
        "*/* | HTML | TURTLE | true | false",
        "text/plain, */*;q=0.1 | NTRIPLES | NTRIPLES | true | false",
        "text/html;q=0, text/n3 | TURTLE | TURTLE | false | true",
        "image/png | - | - | false | false",
        "; | HTML | TURTLE | true | false",
      })
  void choicesAreWhatEachServletWouldChoose(
      String accept, String page, String rdf, boolean html, boolean namesHtml) {
    Conneg.Choices c = Conneg.Choices.of(accept);
    assertEquals(page, c.page().map(Conneg.Format::name).orElse("-"));
    assertEquals(rdf, c.rdf().map(Conneg.Format::name).orElse("-"));
    assertEquals(html, c.html());
    assertEquals(namesHtml, c.namesHtml());
    assertEquals(
        Conneg.choose(accept, Conneg.Format.pageOffers()).map(Conneg.Format::name).orElse("-"),
        page);
    for (Conneg.Format f : Conneg.Format.values()) {
      assertEquals(Conneg.contentType(accept, f), c.contentType(f), f.name());
    }
  }
}
