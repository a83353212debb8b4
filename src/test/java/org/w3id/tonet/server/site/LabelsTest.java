package org.w3id.tonet.server.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.rdf.TONET;

/** Names on the pages: our labels, and display names for the standard terms we use. */
class LabelsTest {

  @Test
  void everyStandardTermTheDataAndDescriptionUseHasADisplayNameInBothLanguages() throws Exception {
    Site site = Site.of(TestSeeds.seedBuild(), null);
    Model shown = ModelFactory.createModelForGraph(site.dataGraph()).union(site.meta());
    Set<String> missing = new TreeSet<>();
    for (Statement s : shown.listStatements().toList()) {
      check(s.getPredicate().getURI(), missing);
      if (s.getPredicate().equals(RDF.type)) {
        check(s.getObject().asResource().getURI(), missing);
      }
    }
    assertEquals(Set.of(), missing, "add these to " + Labels.TERMS_RESOURCE);
  }

  private static void check(String iri, Set<String> missing) {
    if (!iri.startsWith(TONET.NS)
        && (Labels.term(iri, "ja") == null || Labels.term(iri, "en") == null)) {
      missing.add(iri);
    }
  }

  @Test
  void aPropertyIsNamedInJapaneseAndEnglish() {
    Model empty = ModelFactory.createDefaultModel();
    assertEquals(
        "開催場所 · location", ResourceView.propertyLabel(empty, "http://schema.org/location"));
    assertEquals("場所", Labels.name(empty, "http://schema.org/Place"));
  }

  @Test
  void ourOwnLabelsComeFirstAndUnknownTermsKeepTheirPrefixedName() throws Exception {
    Model union = Site.of(TestSeeds.seedBuild(), null).union();
    assertEquals("シンポジウム", Labels.name(union, TONET.NS + "Symposium"));
    String unknown = "http://schema.org/NoSuchTerm";
    assertEquals("schema:NoSuchTerm", Labels.name(union, unknown));
    assertEquals("schema:NoSuchTerm", ResourceView.propertyLabel(union, unknown));
  }

  @Test
  void displayNamesAreNotData() throws Exception {
    Model union = Site.of(TestSeeds.seedBuild(), null).union();
    for (String iri : Labels.terms()) {
      RDFNode term = union.getResource(iri);
      assertFalse(
          union.contains(term.asResource(), org.apache.jena.vocabulary.RDFS.label),
          "the pages' display name of " + iri + " must not be stated in the data");
    }
    assertTrue(Labels.terms().size() > 50, "the table was read: " + Labels.terms().size());
  }
}
