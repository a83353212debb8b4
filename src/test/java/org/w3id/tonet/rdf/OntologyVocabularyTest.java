package org.w3id.tonet.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OntologyVocabularyTest {

  private static final Model ONTOLOGY =
      RDFDataMgr.loadModel(Path.of("ontology", "tonet.ttl").toString());

  /** Every tonet: term the ontology file declares. */
  static List<String> ontologyTerms() {
    Set<String> terms = new TreeSet<>();
    ONTOLOGY
        .listSubjects()
        .forEachRemaining(
            s -> {
              if (s.isURIResource() && s.getURI().startsWith(TONET.NS)) {
                terms.add(s.getURI().substring(TONET.NS.length()));
              }
            });
    return new ArrayList<>(terms);
  }

  private static Set<String> javaTerms() throws IllegalAccessException {
    Set<String> terms = new TreeSet<>();
    for (Field field : TONET.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Resource r) {
        assertTrue(r.getURI().startsWith(TONET.NS), field.getName());
        assertEquals(field.getName(), r.getURI().substring(TONET.NS.length()), "constant name");
        terms.add(field.getName());
      }
    }
    return terms;
  }

  @Test
  void javaConstantsAndOntologyTermsAreTheSameSet() throws Exception {
    assertEquals(new TreeSet<>(ontologyTerms()), javaTerms());
  }

  @Test
  void theFixedTermsOfDesignMdAreDeclared() {
    List<String> fixed =
        List.of(
            "Organization",
            "OrganizationalUnit",
            "Meeting",
            "MeetingSeries",
            "GeneralAssembly",
            "CouncilAssembly",
            "OrdinaryGeneralAssembly",
            "ExtraordinaryGeneralAssembly",
            "WrittenResolution",
            "Symposium",
            "Venue",
            "Milestone",
            "RegistrantMilestone",
            "AgendaItem",
            "FiscalYear",
            "SourceDocument",
            "SourceRow",
            "ReportedMeetingCount",
            "lineNumber",
            "sourceText",
            "ordinal",
            "attendance",
            "attendanceApproximate",
            "registrantThreshold",
            "heldInWriting",
            "fiscalYear",
            "agendaItem",
            "concernsFiscalYear",
            "notBefore",
            "notAfter",
            "dateBasis",
            "count",
            "asOf",
            "countOf",
            "DateAsWritten",
            "DateFromRowAbove",
            "DateUnknown");
    assertTrue(ontologyTerms().containsAll(fixed), "missing: " + missing(fixed));
  }

  private static List<String> missing(List<String> fixed) {
    List<String> missing = new ArrayList<>(fixed);
    missing.removeAll(ontologyTerms());
    return missing;
  }

  @ParameterizedTest(name = "tonet:{0}")
  @MethodSource("ontologyTerms")
  void everyTermHasJapaneseAndEnglishLabelsAndComments(String term) {
    Resource r = ONTOLOGY.getResource(TONET.NS + term);
    for (String lang : List.of("ja", "en")) {
      assertTrue(
          r.listProperties(RDFS.label).toList().stream()
              .anyMatch(s -> s.getLanguage().equals(lang)),
          term + " needs rdfs:label @" + lang);
      assertTrue(
          r.listProperties(RDFS.comment).toList().stream()
              .anyMatch(s -> s.getLanguage().equals(lang)),
          term + " needs rdfs:comment @" + lang);
    }
  }

  @Test
  void fixedAlignmentsToStandardTermsHold() {
    assertSubClass(TONET.Organization, "http://www.w3.org/ns/org#Organization");
    assertSubClass(TONET.OrganizationalUnit, "http://www.w3.org/ns/org#OrganizationalUnit");
    assertSubClass(TONET.Meeting, SCHEMA.Event.getURI());
    assertSubClass(TONET.MeetingSeries, SCHEMA.EventSeries.getURI());
    assertSubClass(TONET.GeneralAssembly, TONET.Meeting.getURI());
    assertSubClass(TONET.CouncilAssembly, TONET.GeneralAssembly.getURI());
    assertSubClass(TONET.OrdinaryGeneralAssembly, TONET.GeneralAssembly.getURI());
    assertSubClass(TONET.ExtraordinaryGeneralAssembly, TONET.GeneralAssembly.getURI());
    assertSubClass(TONET.WrittenResolution, SCHEMA.Event.getURI());
    assertSubClass(TONET.Symposium, TONET.Meeting.getURI());
    assertSubClass(TONET.Venue, SCHEMA.Place.getURI());
    assertSubClass(TONET.Milestone, SCHEMA.Event.getURI());
    assertSubClass(TONET.RegistrantMilestone, TONET.Milestone.getURI());
    assertSubClass(TONET.FiscalYear, "http://www.w3.org/2006/time#ProperInterval");
    assertSubClass(TONET.SourceDocument, "http://www.w3.org/ns/prov#Entity");
    assertSubClass(TONET.SourceRow, "http://www.w3.org/ns/prov#Entity");
  }

  @Test
  void superclassClosureIncludesStandardClasses() {
    List<Resource> supers = Ontology.superclasses(TONET.ExtraordinaryGeneralAssembly);
    assertTrue(supers.contains(TONET.GeneralAssembly));
    assertTrue(supers.contains(TONET.Meeting));
    assertTrue(supers.contains(SCHEMA.Event));
    assertFalse(supers.contains(TONET.ExtraordinaryGeneralAssembly));
  }

  @Test
  void theOntologyUsesSchemaOrgOverHttp() {
    ONTOLOGY
        .listStatements()
        .forEachRemaining(
            s -> {
              for (RDFNode n : List.of(s.getSubject(), s.getPredicate(), s.getObject())) {
                if (n.isURIResource()) {
                  assertFalse(
                      n.asResource().getURI().startsWith("https://schema.org/"), s.toString());
                }
              }
            });
  }

  @Test
  void theOntologyIsAnOwlOntologyWithClassesAndProperties() {
    assertTrue(ONTOLOGY.contains(ONTOLOGY.getResource(TONET.ONTOLOGY), RDF.type, OWL.Ontology));
    assertTrue(ONTOLOGY.contains(TONET.Symposium, RDF.type, OWL.Class));
    assertTrue(ONTOLOGY.contains(TONET.attendance, RDF.type, OWL.DatatypeProperty));
    assertTrue(ONTOLOGY.contains(TONET.fiscalYear, RDF.type, OWL.ObjectProperty));
  }

  @ParameterizedTest(name = "tonet:{0}")
  @MethodSource("ontologyTerms")
  void everyTermIsDefinedByTheOntology(String term) {
    assertTrue(
        ONTOLOGY.contains(
            ONTOLOGY.getResource(TONET.NS + term),
            RDFS.isDefinedBy,
            ONTOLOGY.getResource(TONET.ONTOLOGY)),
        term + " rdfs:isDefinedBy the ontology");
  }

  @Test
  void noClassAndPropertyShareALabel() {
    Set<String> classLabels = new TreeSet<>();
    for (Resource c : ONTOLOGY.listSubjectsWithProperty(RDF.type, OWL.Class).toList()) {
      if (c.isURIResource() && c.getURI().startsWith(TONET.NS)) {
        c.listProperties(RDFS.label).forEachRemaining(l -> classLabels.add(key(l)));
      }
    }
    List<String> shared = new ArrayList<>();
    for (Resource kind :
        List.of(OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)) {
      for (Resource p : ONTOLOGY.listSubjectsWithProperty(RDF.type, kind).toList()) {
        if (p.getURI().startsWith(TONET.NS)) {
          p.listProperties(RDFS.label)
              .forEachRemaining(
                  l -> {
                    if (classLabels.contains(key(l))) {
                      shared.add(p.getLocalName() + " " + l.getObject());
                    }
                  });
        }
      }
    }
    assertEquals(List.of(), shared, "a property labelled like a class");
  }

  /** A label compared case-insensitively, with its language: "年度"@ja, "fiscal year"@en. */
  private static String key(org.apache.jena.rdf.model.Statement label) {
    return label.getString().toLowerCase(java.util.Locale.ROOT) + "@" + label.getLanguage();
  }

  @Test
  void everyConceptIsInAConceptScheme() {
    for (Resource c : ONTOLOGY.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
      Resource scheme = c.getPropertyResourceValue(SKOS.inScheme);
      assertTrue(scheme != null, c + " is in a concept scheme");
      assertTrue(ONTOLOGY.contains(scheme, RDF.type, SKOS.ConceptScheme), scheme.toString());
      assertTrue(ONTOLOGY.contains(scheme, SKOS.hasTopConcept, c), "listed by its scheme: " + c);
    }
  }

  @Test
  void theOntologyStatesItsLicenceCreatorVersionAndDates() {
    Resource o = ONTOLOGY.getResource(TONET.ONTOLOGY);
    assertTrue(
        o.hasProperty(
            DCTerms.license, ONTOLOGY.getResource("https://creativecommons.org/licenses/by/4.0/")));
    assertTrue(o.hasProperty(DCTerms.creator) && o.hasProperty(DCTerms.publisher));
    assertTrue(o.hasProperty(OWL2.versionIRI));
    Resource version = o.getPropertyResourceValue(OWL2.versionIRI);
    assertTrue(
        version.getURI().endsWith("/" + o.getProperty(OWL.versionInfo).getString()),
        "the version IRI ends with the version: " + version);
    for (var date : List.of(DCTerms.issued, DCTerms.modified)) {
      assertEquals(
          org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate.getURI(),
          o.getProperty(date).getLiteral().getDatatypeURI(),
          date.getLocalName());
    }
    assertTrue(o.hasProperty(SKOS.changeNote), "the changes are noted");
  }

  @Test
  void theReviewedAlignmentsHold() {
    // Issue 13: no class is matched to an individual; the notes are annotation properties; the
    // plan events are actions, so agent, recipient and object are used where schema.org puts them.
    assertFalse(ONTOLOGY.contains(TONET.Prefecture, SKOS.closeMatch, (RDFNode) null));
    assertTrue(ONTOLOGY.contains(TONET.note, RDF.type, OWL.AnnotationProperty));
    assertTrue(ONTOLOGY.contains(TONET.gloss, RDFS.subPropertyOf, SKOS.scopeNote));
    assertFalse(ONTOLOGY.contains(TONET.gloss, RDFS.subPropertyOf, SKOS.definition));
    assertSubClass(TONET.PlanSubmission, SCHEMA.NS + "SendAction");
    assertSubClass(TONET.PlanAdoption, SCHEMA.NS + "AcceptAction");
    assertFalse(ONTOLOGY.contains(TONET.joinedOrganization, RDFS.subPropertyOf, (RDFNode) null));
    assertEquals(
        TONET.agendaOf,
        ONTOLOGY.getResource(TONET.agendaItem.getURI()).getPropertyResourceValue(OWL.inverseOf));
    assertEquals(
        TONET.statusOf,
        ONTOLOGY
            .getResource(TONET.municipalStatus.getURI())
            .getPropertyResourceValue(OWL.inverseOf));
    // The three kinds of assembly; meeting, series, milestone, process, establishment, change of
    // legal form, written resolution; organization, person and places; the two sources; the two
    // kinds of period.
    assertEquals(
        5, ONTOLOGY.listSubjectsWithProperty(RDF.type, OWL2.AllDisjointClasses).toList().size());
  }

  private static void assertSubClass(Resource sub, String superIri) {
    assertTrue(
        ONTOLOGY.contains(sub, RDFS.subClassOf, ONTOLOGY.getResource(superIri)),
        sub.getLocalName() + " ⊑ " + superIri);
  }
}
