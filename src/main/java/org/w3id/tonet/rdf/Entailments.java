package org.w3id.tonet.rdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * States in the data what the vocabularies entail from it, as the data already states every
 * superclass: the superproperties of every property used, the inverses the ontology and ORG
 * declare, and prov:wasDerivedFrom beside prov:wasInfluencedBy where both ends are prov:Entity.
 *
 * <pre>
 * Entailments.state(data); // after TimelineRdf and GazetteerRdf; then
 * // &lt;…/agenda/1&gt; tonet:agendaOf &lt;…/assembly/council/2&gt; ;
 * //     tonet:concerns &lt;…/system/tonet&gt; ; dcterms:subject &lt;…/system/tonet&gt; .
 * </pre>
 *
 * <p>Fuseki does no inference, so a query for dcterms:subject finds an agenda item only if the data
 * says so. The superproperties of this ontology's terms come from ontology/tonet.ttl; those of the
 * standard properties the data uses are listed here, from their vocabularies, and OwlReasonerTest
 * holds this list and the data to those vocabularies' own axioms with HermiT. rdfs:label is never
 * added: a resource's labels stay one per language, as written (skos:prefLabel and skos:altLabel
 * are rdfs:label's subproperties in SKOS).
 */
public final class Entailments {

  private static final String SCHEMA_NS = SCHEMA.NS;

  /**
   * rdfs:subPropertyOf and owl:equivalentProperty of the standard properties the data uses, as
   * their vocabularies state them (PROV-O, ORG, SKOS, schema.org and its DCMI mappings, DCMI
   * Terms).
   */
  static final Map<String, List<String>> STANDARD_SUPERPROPERTIES =
      Map.ofEntries(
          Map.entry(PROV.wasDerivedFrom.getURI(), List.of(PROV.wasInfluencedBy.getURI())),
          Map.entry(PROV.wasGeneratedBy.getURI(), List.of(PROV.wasInfluencedBy.getURI())),
          Map.entry(PROV.generated.getURI(), List.of(PROV.influenced.getURI())),
          Map.entry(ORG.resultedFrom.getURI(), List.of(PROV.wasGeneratedBy.getURI())),
          Map.entry(ORG.unitOf.getURI(), List.of(ORG.subOrganizationOf.getURI())),
          Map.entry(
              ORG.subOrganizationOf.getURI(), List.of(ORG.transitiveSubOrganizationOf.getURI())),
          Map.entry(ORG.hasUnit.getURI(), List.of(ORG.hasSubOrganization.getURI())),
          Map.entry(SKOS.closeMatch.getURI(), List.of(SKOS.mappingRelation.getURI())),
          Map.entry(SKOS.mappingRelation.getURI(), List.of(SKOS.semanticRelation.getURI())),
          Map.entry(SKOS.scopeNote.getURI(), List.of(SKOS.note.getURI())),
          Map.entry(SKOS.historyNote.getURI(), List.of(SKOS.note.getURI())),
          Map.entry(SCHEMA_NS + "affiliation", List.of(SCHEMA_NS + "memberOf")),
          Map.entry(SCHEMA_NS + "recipient", List.of(SCHEMA_NS + "participant")),
          Map.entry(SCHEMA_NS + "name", List.of(DCTerms.title.getURI())),
          Map.entry(DCTerms.title.getURI(), List.of(SCHEMA_NS + "name")),
          Map.entry(SCHEMA_NS + "description", List.of(DCTerms.description.getURI())),
          Map.entry(DCTerms.description.getURI(), List.of(SCHEMA_NS + "description")),
          // DCMI Terms; its superproperties in the legacy /elements/1.1/ namespace are not stated.
          Map.entry(DCTerms.isPartOf.getURI(), List.of(DCTerms.relation.getURI())),
          Map.entry(DCTerms.source.getURI(), List.of(DCTerms.relation.getURI())));

  /**
   * owl:inverseOf of the standard properties the data uses, both ways (ORG; and PROV-O's
   * prov:generated, since ORG makes org:resultingOrganization, the inverse of org:resultedFrom, a
   * subproperty of it: an establishment generated its organization). prov:wasInfluencedBy's
   * inverse, prov:influenced, is stated only as prov:generated's superproperty: every source link
   * the other way would repeat the provenance.
   */
  static final Map<String, String> STANDARD_INVERSES =
      Map.of(
          PROV.wasGeneratedBy.getURI(), PROV.generated.getURI(),
          PROV.generated.getURI(), PROV.wasGeneratedBy.getURI(),
          ORG.unitOf.getURI(), ORG.hasUnit.getURI(),
          ORG.hasUnit.getURI(), ORG.unitOf.getURI(),
          ORG.subOrganizationOf.getURI(), ORG.hasSubOrganization.getURI(),
          ORG.hasSubOrganization.getURI(), ORG.subOrganizationOf.getURI(),
          ORG.resultingOrganization.getURI(), ORG.resultedFrom.getURI(),
          ORG.resultedFrom.getURI(), ORG.resultingOrganization.getURI());

  private Entailments() {}

  /** Adds the entailed triples to the data graph. */
  public static void state(Model data) {
    // Inverses and superproperties feed each other (org:unitOf gives org:hasUnit, whose
    // superproperty is org:hasSubOrganization): repeat until nothing is added.
    long before;
    do {
      before = data.size();
      inverses(data);
      superproperties(data);
    } while (data.size() != before);
    derivations(data);
  }

  /** The inverse of each property ("" for none), looked up once per property. */
  private static final Map<String, String> INVERSES = new ConcurrentHashMap<>();

  /** Superproperties by property: a data graph has few properties and many statements. */
  private static final Map<String, Set<Property>> SUPERPROPERTIES = new ConcurrentHashMap<>();

  /** Every superproperty of a property, transitively, rdfs:label excepted. */
  public static Set<Property> superproperties(Property p) {
    return SUPERPROPERTIES.computeIfAbsent(p.getURI(), k -> walk(p));
  }

  private static Set<Property> walk(Property p) {
    Set<Property> found = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(p.getURI()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      List<String> direct = new ArrayList<>(STANDARD_SUPERPROPERTIES.getOrDefault(next, List.of()));
      for (Resource r : Ontology.directSuperproperties(ResourceFactory.createProperty(next))) {
        direct.add(r.getURI());
      }
      for (String s : direct) {
        if (!s.equals(p.getURI())
            && !s.equals(RDFS.label.getURI())
            && found.add(ResourceFactory.createProperty(s))) {
          todo.add(s);
        }
      }
    }
    return Set.copyOf(found);
  }

  private static void inverses(Model data) {
    Model added = ModelFactory.createDefaultModel();
    for (Statement s : data.listStatements().toList()) {
      if (!s.getObject().isURIResource()) {
        continue;
      }
      String inverse =
          INVERSES.computeIfAbsent(
              s.getPredicate().getURI(),
              p ->
                  STANDARD_INVERSES.getOrDefault(
                      p, Ontology.inverse(s.getPredicate()).map(Resource::getURI).orElse("")));
      if (!inverse.isEmpty()) {
        added.add(s.getResource(), added.createProperty(inverse), s.getSubject());
      }
    }
    data.add(added);
  }

  private static void superproperties(Model data) {
    Model added = ModelFactory.createDefaultModel();
    for (Statement s : data.listStatements().toList()) {
      for (Property sup : superproperties(s.getPredicate())) {
        added.add(s.getSubject(), sup, s.getObject());
      }
    }
    data.add(added);
  }

  /**
   * prov:wasDerivedFrom holds between entities only (PROV-O's domain and range): an entity is
   * derived from every source entity that influenced it; an activity (an establishment, a process)
   * is only influenced.
   */
  private static void derivations(Model data) {
    Model added = ModelFactory.createDefaultModel();
    for (Statement s : data.listStatements(null, PROV.wasInfluencedBy, (RDFNode) null).toList()) {
      if (s.getObject().isURIResource()
          && data.contains(s.getSubject(), RDF.type, PROV.Entity)
          && data.contains(s.getResource(), RDF.type, PROV.Entity)) {
        added.add(s.getSubject(), PROV.wasDerivedFrom, s.getObject());
      }
    }
    data.add(added);
  }
}
