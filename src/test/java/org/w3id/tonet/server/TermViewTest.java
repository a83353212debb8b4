package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** Typed values as people read them, with the exact term kept beside them. */
class TermViewTest {

  private static final Links LINKS = new Links("http://lod.example/");

  private static TermView.Shown literal(String lexical, String xsdType) {
    return new TermView(null, LINKS, false)
        .of(
            NodeFactory.createLiteralDT(
                lexical,
                org.apache.jena.datatypes.TypeMapper.getInstance()
                    .getSafeTypeByName("http://www.w3.org/2001/XMLSchema#" + xsdType)));
  }

  @Test
  void numbersHaveSeparatorsAndKeepEveryDigit() {
    assertEquals("35,000", literal("35000", "integer").text());
    assertEquals("-1,234,567", literal("-1234567", "long").text());
    assertEquals("1,234.50", literal("1234.50", "decimal").text());
    assertEquals("0.995", literal("0.995", "decimal").text());
    assertEquals("230", literal("230", "nonNegativeInteger").text());
    assertEquals("\"35000\"^^xsd:integer", literal("35000", "integer").rdf());
  }

  @Test
  void datesInJapaneseWithTheirEraAndInEnglish() {
    TermView.Shown day = literal("2012-03-17", "date");
    assertEquals("2012年3月17日 (平成24年)", day.text());
    assertEquals("17 March 2012", day.en());
    assertEquals("\"2012-03-17\"^^xsd:date", day.rdf());
    assertEquals("2019年5月1日 (令和元年)", literal("2019-05-01", "date").text());
    assertEquals("2019年4月30日 (平成31年)", literal("2019-04-30", "date").text());
    assertEquals("1850年1月1日", literal("1850-01-01", "date").text(), "no era before 1873");
    assertEquals("2024年3月26日 (令和6年) +09:00", literal("2024-03-26+09:00", "date").text());
    assertEquals("2024年3月26日 (令和6年) 10:30 Z", literal("2024-03-26T10:30:00Z", "dateTime").text());
    assertEquals("26 March 2024, 10:30 Z", literal("2024-03-26T10:30:00Z", "dateTime").en());
    assertEquals("2012年", literal("2012", "gYear").text());
    assertEquals("March 2012", literal("2012-03", "gYearMonth").en());
  }

  @Test
  void booleansAreYesOrNo() {
    assertEquals("はい", literal("true", "boolean").text());
    assertEquals("yes", literal("true", "boolean").en());
    assertEquals("いいえ", literal("0", "boolean").text());
    assertEquals("\"false\"^^xsd:boolean", literal("false", "boolean").rdf());
  }

  @Test
  void aValueThatIsNotValidForItsTypeIsShownAsWritten() {
    assertEquals("abc", literal("abc", "integer").text());
    assertEquals("2月30日", literal("2月30日", "date").text());
    assertEquals("2023-02-30", literal("2023-02-30", "date").text());
    assertNull(literal("maybe", "boolean").en());
    assertNull(TermView.read("integer", "12x"));
  }

  @Test
  void resourcesOfTheDatasetAreShownByTheirLabelsWithTheirIri() {
    Model model = ModelFactory.createDefaultModel();
    String iri = "http://lod.example/id/symposium/2012-03-17";
    model.add(model.createResource(iri), RDFS.label, "シンポジウム", "ja");
    model.add(model.createResource(iri), RDFS.label, "Symposium", "en");
    TermView.Shown s = new TermView(model, LINKS, false).of(model.createResource(iri));
    assertEquals("シンポジウム", s.text());
    assertEquals("Symposium", s.en());
    assertEquals("http://lod.example/page/symposium/2012-03-17", s.href());
    assertEquals("<" + iri + ">", s.rdf());
    TermView.Shown other =
        new TermView(model, LINKS, false).of(model.createResource("http://schema.org/Event"));
    assertEquals("schema:Event", other.text(), "a vocabulary term by its prefixed name");
    TermView.Shown script =
        new TermView(model, LINKS, false).of(model.createResource("javascript:alert(1)"));
    assertNull(script.href(), "only http(s) addresses are links");
  }

  @Test
  void addressesShowTheirCharactersNotTheirPercentEncoding() {
    assertEquals(
        "https://ja.wikipedia.org/wiki/白岡市",
        TermView.readable("https://ja.wikipedia.org/wiki/%E7%99%BD%E5%B2%A1%E5%B8%82"));
    assertEquals("http://x.example/a%2Fb%20c", TermView.readable("http://x.example/a%2Fb%20c"));
    assertEquals("http://x.example/%E7%99", TermView.readable("http://x.example/%E7%99"));
    TermView.Shown s =
        new TermView(null, LINKS, false)
            .of(
                org.apache.jena.graph.NodeFactory.createURI(
                    "https://ja.wikipedia.org/wiki/%E7%99%BD"));
    assertEquals("https://ja.wikipedia.org/wiki/白", s.text());
    assertEquals("https://ja.wikipedia.org/wiki/%E7%99%BD", s.href(), "the link as it is");
  }

  @Test
  void languagesAreMarkedOnlyWhereTwoStandSideBySide() {
    TermView view = new TermView(null, LINKS, false);
    TermView.Shown ja = view.of(NodeFactory.createLiteralLang("協議会", "ja"));
    TermView.Shown en = view.of(NodeFactory.createLiteralLang("Council", "en"));
    assertEquals("\"協議会\"@ja", ja.rdf());
    assertArrayEquals(
        new String[] {null, null},
        TermView.marked(List.of(ja, ja)).stream().map(TermView.Shown::marker).toArray());
    assertArrayEquals(
        new String[] {"ja", "en"},
        TermView.marked(List.of(ja, en)).stream().map(TermView.Shown::marker).toArray());
  }
}
