package org.w3id.tonet.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLAnnotationProperty;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLDataProperty;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLObjectProperty;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.OWLSubAnnotationPropertyOfAxiom;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInLiteral;
import org.semanticweb.owlapi.reasoner.InferenceType;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.w3id.tonet.TestSeeds;

/**
 * An independent check of the whole: HermiT, an OWL 2 reasoner, over the tonet ontology, the seed's
 * data and the axioms of the standard vocabularies they use (PROV-O, W3C ORG, OWL-Time, SKOS, the
 * schema.org terms used, FOAF, DCMI Terms, DQV; kept in src/test/resources/vocabularies/ with their
 * sources and licences, since tests have no network). A test checks that every standard term the
 * data and the ontology use is described there. The union must be consistent, no class
 * unsatisfiable, and the reasoner must infer no rdf:type and no superproperty statement the data
 * does not state: the server does no inference, so the data states what the vocabularies entail.
 *
 * <p>It also checks the ontology, and the union, against the OWL 2 DL profile. xsd:date, which
 * DESIGN.md fixes for every date, is not in the OWL 2 datatype map: the ontology declares it as a
 * datatype (allowed in OWL 2 DL), and HermiT is told to leave the values of such datatypes alone.
 */
class OwlReasonerTest {

  /** The standard vocabularies' axioms, as kept for this test. */
  private static final List<String> VOCABULARIES =
      List.of(
          "prov-o.ttl",
          "org.ttl",
          "owl-time.ttl",
          "skos.ttl",
          "schema-org.ttl",
          "foaf.ttl",
          "dcterms.ttl",
          "dqv-vann.ttl");

  /**
   * DCMI makes every dcterms property a subproperty of its namesake in the legacy namespace
   * http://purl.org/dc/elements/1.1/, kept so that data written with the old terms can be read with
   * the new ones. Stating each dcterms statement again with the legacy property would double it and
   * tell no one anything: the data states every other superproperty, not these.
   */
  private static final String DC_ELEMENTS = "http://purl.org/dc/elements/1.1/";

  /** Namespaces whose terms are the languages themselves, not vocabularies with axioms to load. */
  private static final List<String> LANGUAGE_NAMESPACES =
      List.of(
          "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "http://www.w3.org/2000/01/rdf-schema#",
          "http://www.w3.org/2002/07/owl#",
          "http://www.w3.org/2001/XMLSchema#");

  /** The top classes every resource belongs to: never stated, never missing. */
  private static final Set<String> TOP =
      Set.of("http://www.w3.org/2002/07/owl#Thing", "http://schema.org/Thing");

  private static final String LABEL = "http://www.w3.org/2000/01/rdf-schema#label";

  private static Model vocabularies;
  private static Findings seed;

  @BeforeAll
  static void reason() throws Exception {
    vocabularies = ModelFactory.createDefaultModel();
    for (String file : VOCABULARIES) {
      try (InputStream in = OwlReasonerTest.class.getResourceAsStream("/vocabularies/" + file)) {
        RDFParser.source(in).lang(Lang.TURTLE).parse(vocabularies);
      }
    }
    seed = Findings.of(TestSeeds.seedData());
  }

  @Test
  void theOntologyIsOwl2Dl() throws Exception {
    OWLOntology ontology = load(Ontology.ontology());
    OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
    assertTrue(report.isInProfile(), () -> violations(report));
  }

  @Test
  void theOntologyTheDataAndTheVocabulariesTogetherAreOwl2DlButForTheirDates() {
    // OWL 2 DL admits literals of the OWL 2 datatype map only, and xsd:date (fixed by DESIGN.md
    // for every date) is not in it: its literals are the union's one departure from the profile.
    OWLProfileReport report = new OWL2DLProfile().checkOntology(seed.union());
    List<OWLProfileViolation> dates =
        report.getViolations().stream()
            .filter(v -> v instanceof UseOfDefinedDatatypeInLiteral)
            .filter(v -> v.toString().contains("^^xsd:date"))
            .toList();
    List<OWLProfileViolation> others =
        report.getViolations().stream().filter(v -> !dates.contains(v)).toList();
    assertTrue(
        others.isEmpty(),
        () -> others.stream().map(Object::toString).collect(Collectors.joining("\n")));
    assertFalse(dates.isEmpty(), "the data's dates are xsd:date literals");
  }

  @Test
  void theUnionIsConsistent() {
    assertTrue(
        seed.consistent(), "HermiT finds the ontology, the data and the vocabularies inconsistent");
  }

  @Test
  void noClassIsUnsatisfiable() {
    assertEquals(List.of(), seed.unsatisfiable());
  }

  @Test
  void theReasonerInfersNoTypeTheDataDoesNotState() {
    assertEquals(List.of(), seed.missingTypes());
  }

  @Test
  void theReasonerInfersNoSuperpropertyStatementTheDataDoesNotState() {
    assertEquals(List.of(), seed.missingStatements());
  }

  @Test
  void theReasonerSeesEveryResourceAndEveryStatedType() {
    // Guards against a test that passes because nothing was loaded: every resource of the data is
    // reasoned over, and every type the data states is one the reasoner derives.
    assertTrue(seed.individuals() > 350, "resources reasoned over: " + seed.individuals());
    assertEquals(seed.statedTypes(), seed.inferredTypes(), "types stated and types inferred");
  }

  @Test
  void theStandardEntailmentsTheMappingStatesAreTheVocabulariesOwn() {
    // Entailments lists the standard superproperties and inverses it states; each must be an
    // axiom of the vocabularies kept here, so the list cannot drift from them.
    for (var entry : Entailments.STANDARD_SUPERPROPERTIES.entrySet()) {
      for (String sup : entry.getValue()) {
        assertTrue(
            vocabularies.contains(
                vocabularies.getResource(entry.getKey()),
                RDFS.subPropertyOf,
                vocabularies.getResource(sup)),
            entry.getKey() + " rdfs:subPropertyOf " + sup);
      }
    }
    for (var entry : Entailments.STANDARD_INVERSES.entrySet()) {
      Resource p = vocabularies.getResource(entry.getKey());
      Resource q = vocabularies.getResource(entry.getValue());
      assertTrue(
          vocabularies.contains(p, OWL.inverseOf, q) || vocabularies.contains(q, OWL.inverseOf, p),
          entry.getKey() + " owl:inverseOf " + entry.getValue());
    }
  }

  @Test
  void everyStandardTermUsedHasItsVocabularysAxiomsHere() throws Exception {
    // The reasoner can only hold the data to axioms it is given: every class and property of
    // another vocabulary that the data or the ontology uses (as a predicate, a type, a superclass
    // or a superproperty) must be described by one of the files loaded above, with its axioms.
    Model used =
        ModelFactory.createDefaultModel().add(Ontology.ontology()).add(TestSeeds.seedData());
    Set<String> terms = new TreeSet<>();
    for (Statement s : used.listStatements().toList()) {
      terms.add(s.getPredicate().getURI());
      boolean classOrProperty =
          s.getPredicate().equals(RDF.type)
              || s.getPredicate().equals(RDFS.subClassOf)
              || s.getPredicate().equals(RDFS.subPropertyOf);
      if (classOrProperty && s.getObject().isURIResource()) {
        terms.add(s.getResource().getURI());
      }
    }
    List<String> undescribed =
        terms.stream()
            .filter(t -> !t.startsWith(TONET.NS))
            .filter(t -> LANGUAGE_NAMESPACES.stream().noneMatch(t::startsWith))
            .filter(t -> !vocabularies.contains(vocabularies.getResource(t), RDF.type))
            .toList();
    assertEquals(
        List.of(), undescribed, "standard terms used with no vocabulary file describing them");
  }

  // ---- the check can fail ----------------------------------------------------------------------

  @Test
  void aPersonWhoIsAlsoAnOrganizationIsInconsistentUnderFoaf() throws Exception {
    // FOAF makes foaf:Person and foaf:Organization disjoint; schema.org makes every schema:Person a
    // foaf:Person and ORG every org:Organization a foaf:Organization.
    Model data = copy();
    data.getResource(TestSeeds.BASE + "id/event/2010-09-10-exchange-of-views/tanaka")
        .addProperty(RDF.type, TONET.Organization);
    assertFalse(Findings.of(data).consistent());
  }

  @Test
  void aRowDerivationOnAnEstablishmentIsInconsistentUnderProvO() throws Exception {
    // The fault the review found: an org:ChangeEvent is a prov:Activity, and prov:wasDerivedFrom
    // makes its subject a prov:Entity, which PROV-O makes disjoint from prov:Activity.
    Model data = copy();
    data.getResource(TestSeeds.BASE + "id/event/2010-07-20-council-established")
        .addProperty(
            PROV.wasDerivedFrom,
            data.getResource(TestSeeds.BASE + "id/source/157963e9056f/line/8"));
    assertFalse(Findings.of(data).consistent());
  }

  // One copy of the data with four statements removed, each of which the vocabularies entail:
  // HermiT reasons over it once (each run takes seconds), and each test below finds its own.

  private static final String KAJII =
      TestSeeds.BASE + "id/event/2010-09-10-exchange-of-views/kajii";
  private static final String SYMPOSIUM = TestSeeds.BASE + "id/symposium/2012-03-17";
  private static final String ROW = TestSeeds.BASE + "id/source/157963e9056f/line/8";
  private static final String AGENDA_ITEM = TestSeeds.BASE + "id/assembly/ordinary/1/agenda/1";

  private static Findings removed;

  /**
   * What HermiT finds in the data without the four statements (reasoned once, when first asked).
   */
  private static synchronized Findings removed() throws Exception {
    if (removed == null) {
      Model data = copy();
      data.remove(
          data.getResource(KAJII), RDF.type, data.createResource("http://purl.org/dc/terms/Agent"));
      data.remove(
          data.getResource(SYMPOSIUM),
          RDF.type,
          data.createResource("http://purl.org/dc/dcmitype/Event"));
      data.removeAll(data.getResource(ROW), DCTerms.relation, null);
      data.removeAll(data.getResource(AGENDA_ITEM), DCTerms.subject, null);
      removed = Findings.of(data);
    }
    return removed;
  }

  /** The findings about one resource: those that begin with its IRI and a space. */
  private static List<String> about(List<String> findings, String iri) {
    return findings.stream().filter(f -> f.startsWith(iri + " ")).toList();
  }

  @Test
  void aMissingFoafSuperclassIsFound() throws Exception {
    assertEquals(
        List.of(KAJII + " is inferred a http://purl.org/dc/terms/Agent"),
        about(removed().missingTypes(), KAJII),
        "FOAF makes foaf:Agent the same class as dcterms:Agent");
  }

  @Test
  void aMissingStandardSuperclassIsFound() throws Exception {
    assertEquals(
        List.of(SYMPOSIUM + " is inferred a http://purl.org/dc/dcmitype/Event"),
        about(removed().missingTypes(), SYMPOSIUM),
        "schema.org makes schema:Event the same class as dcmitype:Event");
  }

  @Test
  void aMissingDcmiSuperpropertyStatementIsFound() throws Exception {
    assertEquals(
        List.of(ROW + " dcterms:relation " + TestSeeds.BASE + "id/source/157963e9056f"),
        about(removed().missingStatements(), ROW),
        "DCMI makes dcterms:isPartOf a subproperty of dcterms:relation");
  }

  @Test
  void aMissingSuperpropertyStatementIsFound() throws Exception {
    List<String> missing = about(removed().missingStatements(), AGENDA_ITEM);
    assertFalse(missing.isEmpty());
    assertTrue(
        missing.stream().allMatch(m -> m.startsWith(AGENDA_ITEM + " dcterms:subject ")),
        missing::toString);
  }

  @Test
  void nothingButTheFourRemovedStatementsIsFoundMissing() throws Exception {
    // Each removal is found where it was made, and nothing else is: the types and statements
    // found missing are those of the four resources only.
    for (String finding : removed().missingTypes()) {
      assertTrue(finding.startsWith(KAJII + " ") || finding.startsWith(SYMPOSIUM + " "), finding);
    }
    for (String finding : removed().missingStatements()) {
      assertTrue(finding.startsWith(ROW + " ") || finding.startsWith(AGENDA_ITEM + " "), finding);
    }
    assertTrue(removed().consistent(), "removing statements leaves the union consistent");
  }

  // ---- the reasoning -----------------------------------------------------------------------

  /**
   * What HermiT finds in the union of the ontology, some data and the vocabularies.
   *
   * @param union the OWL ontology of the union
   * @param consistent whether it is consistent
   * @param unsatisfiable the named classes that can have no instance
   * @param missingTypes "{resource} is inferred a {class}" for each type not stated
   * @param missingStatements "{s} {p} {o}" for each superproperty statement not stated
   * @param individuals how many resources were checked
   * @param inferredTypes how many (resource, type) pairs the reasoner derived
   * @param statedTypes how many (resource, type) pairs the data and the ontology state for them
   */
  private record Findings(
      OWLOntology union,
      boolean consistent,
      List<String> unsatisfiable,
      List<String> missingTypes,
      List<String> missingStatements,
      int individuals,
      int inferredTypes,
      int statedTypes) {

    static Findings of(Model data) throws OWLOntologyCreationException {
      Model ontology = Ontology.ontology();
      Model all = ModelFactory.createDefaultModel().add(vocabularies).add(ontology).add(data);
      OWLOntology union = load(all);
      Configuration configuration = new Configuration();
      // xsd:date is not in the OWL 2 datatype map: its values are left alone, nothing else is.
      configuration.ignoreUnsupportedDatatypes = true;
      OWLReasoner reasoner = new ReasonerFactory().createReasoner(union, configuration);
      try {
        if (!reasoner.isConsistent()) {
          return new Findings(union, false, List.of(), List.of(), List.of(), 0, 0, 0);
        }
        reasoner.precomputeInferences(
            InferenceType.CLASS_HIERARCHY,
            InferenceType.CLASS_ASSERTIONS,
            InferenceType.OBJECT_PROPERTY_HIERARCHY,
            InferenceType.DATA_PROPERTY_HIERARCHY);
        List<String> unsatisfiable =
            reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom().stream()
                .map(c -> c.getIRI().toString())
                .sorted()
                .toList();
        OWLDataFactory f = union.getOWLOntologyManager().getOWLDataFactory();

        // Every resource the data describes, and the ontology's own individuals (its concepts).
        Set<String> resources = new TreeSet<>();
        data.listSubjects()
            .filterKeep(Resource::isURIResource)
            .forEachRemaining(r -> resources.add(r.getURI()));
        ontology
            .listSubjectsWithProperty(RDF.type)
            .filterKeep(r -> r.isURIResource() && r.getURI().startsWith(TONET.NS))
            .filterKeep(r -> union.containsIndividualInSignature(IRI.create(r.getURI())))
            .forEachRemaining(r -> resources.add(r.getURI()));
        List<String> missingTypes = new ArrayList<>();
        int inferred = 0;
        int stated = 0;
        for (String iri : resources) {
          OWLNamedIndividual individual = f.getOWLNamedIndividual(IRI.create(iri));
          Resource r = all.getResource(iri);
          stated += (int) r.listProperties(RDF.type).toList().stream().distinct().count();
          for (OWLClass type : reasoner.getTypes(individual, false).entities().toList()) {
            String t = type.getIRI().toString();
            if (TOP.contains(t)) {
              continue;
            }
            inferred++;
            if (!all.contains(r, RDF.type, all.getResource(t))) {
              missingTypes.add(iri + " is inferred a " + t);
            }
          }
        }

        List<String> missingStatements = new ArrayList<>();
        Model prefixes = ModelFactory.createDefaultModel();
        Prefixes.apply(prefixes);
        for (Statement s : data.listStatements().toList()) {
          if (!s.getSubject().isURIResource()) {
            continue;
          }
          for (String sup : superproperties(union, reasoner, s.getPredicate().getURI())) {
            if (sup.startsWith(DC_ELEMENTS)) {
              continue;
            }
            if (!data.contains(s.getSubject(), data.createProperty(sup), s.getObject())) {
              missingStatements.add(
                  s.getSubject().getURI() + " " + prefixes.shortForm(sup) + " " + s.getObject());
            }
          }
        }
        missingTypes.sort(null);
        missingStatements.sort(null);
        return new Findings(
            union,
            true,
            unsatisfiable,
            missingTypes,
            missingStatements,
            resources.size(),
            inferred,
            stated);
      } finally {
        reasoner.dispose();
      }
    }
  }

  /**
   * The superproperties of a property: from the reasoner for object and data properties, from the
   * asserted hierarchy for annotation properties (OWL gives those no semantics to reason with),
   * rdfs:label left out (labels stay one per language, as written).
   */
  private static Set<String> superproperties(OWLOntology union, OWLReasoner reasoner, String iri) {
    OWLDataFactory f = union.getOWLOntologyManager().getOWLDataFactory();
    Set<String> found = new HashSet<>();
    IRI p = IRI.create(iri);
    if (union.containsObjectPropertyInSignature(p)) {
      OWLObjectProperty op = f.getOWLObjectProperty(p);
      reasoner
          .getSuperObjectProperties(op, false)
          .entities()
          .filter(e -> e.isNamed() && !e.isOWLTopObjectProperty())
          .forEach(e -> found.add(e.asOWLObjectProperty().getIRI().toString()));
      reasoner
          .getEquivalentObjectProperties(op)
          .entities()
          .filter(e -> e.isNamed())
          .forEach(e -> found.add(e.asOWLObjectProperty().getIRI().toString()));
    }
    if (union.containsDataPropertyInSignature(p)) {
      OWLDataProperty dp = f.getOWLDataProperty(p);
      reasoner
          .getSuperDataProperties(dp, false)
          .entities()
          .filter(e -> !e.isOWLTopDataProperty())
          .forEach(e -> found.add(e.getIRI().toString()));
      reasoner
          .getEquivalentDataProperties(dp)
          .entities()
          .forEach(e -> found.add(e.getIRI().toString()));
    }
    if (union.containsAnnotationPropertyInSignature(p)) {
      List<OWLAnnotationProperty> todo = new ArrayList<>(List.of(f.getOWLAnnotationProperty(p)));
      while (!todo.isEmpty()) {
        OWLAnnotationProperty next = todo.remove(todo.size() - 1);
        for (OWLSubAnnotationPropertyOfAxiom ax :
            union.axioms(AxiomType.SUB_ANNOTATION_PROPERTY_OF).toList()) {
          if (ax.getSubProperty().equals(next)
              && found.add(ax.getSuperProperty().getIRI().toString())) {
            todo.add(ax.getSuperProperty());
          }
        }
      }
    }
    found.remove(iri);
    found.remove(LABEL);
    return found;
  }

  private static OWLOntology load(Model model) throws OWLOntologyCreationException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model, RDFFormat.NTRIPLES);
    OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
    return manager.loadOntologyFromOntologyDocument(
        new StringDocumentSource(
            out.toString(StandardCharsets.UTF_8),
            "urn:tonet-lod:test",
            new TurtleDocumentFormat(),
            null));
  }

  private static Model copy() {
    try {
      return ModelFactory.createDefaultModel().add(TestSeeds.seedData());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String violations(OWLProfileReport report) {
    return report.getViolations().stream()
        .map(OWLProfileViolation::toString)
        .collect(Collectors.joining("\n"));
  }
}
