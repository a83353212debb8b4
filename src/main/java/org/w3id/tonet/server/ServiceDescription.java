package org.w3id.tonet.server;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.w3id.tonet.rdf.Prefixes;

/**
 * The SPARQL 1.1 Service Description (sd:) of {@code /sparql}, answered to a GET with no query.
 *
 * <pre>
 * Model sd = ServiceDescription.of(site);
 * </pre>
 */
final class ServiceDescription {

  static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  private static final String FORMATS = "http://www.w3.org/ns/formats/";

  private ServiceDescription() {}

  static Model of(Site site) {
    Model m = ModelFactory.createDefaultModel();
    Prefixes.apply(m);
    m.setNsPrefix("sd", SD);
    String base = site.base();
    Resource service = m.createResource(base + "id/service/sparql");
    service.addProperty(RDF.type, m.createResource(SD + "Service"));
    service.addProperty(p(m, "endpoint"), m.createResource(base + "sparql"));
    service.addProperty(p(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
    service.addProperty(p(m, "feature"), m.createResource(SD + "UnionDefaultGraph"));
    for (String format :
        new String[] {
          "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
          "Turtle", "N-Triples", "JSON-LD", "RDF_XML"
        }) {
      service.addProperty(p(m, "resultFormat"), m.createResource(FORMATS + format));
    }
    Resource dataset = m.createResource(base + "id/service/sparql/dataset");
    dataset.addProperty(RDF.type, m.createResource(SD + "Dataset"));
    dataset.addProperty(DCTerms.source, m.createResource(site.iris().dataset()));
    service.addProperty(p(m, "defaultDataset"), dataset);
    Resource defaultGraph = m.createResource(base + "id/service/sparql/default-graph");
    defaultGraph.addProperty(RDF.type, m.createResource(SD + "Graph"));
    defaultGraph.addLiteral(
        VOID.triples,
        m.createTypedLiteral(Long.toString(site.union().size()), XSDDatatype.XSDinteger));
    dataset.addProperty(p(m, "defaultGraph"), defaultGraph);
    for (String name : new String[] {"data", "ontology", "meta"}) {
      Resource named = m.createResource(base + "id/service/sparql/graph/" + name);
      named.addProperty(RDF.type, m.createResource(SD + "NamedGraph"));
      named.addProperty(p(m, "name"), m.createResource(site.iris().graph(name)));
      dataset.addProperty(p(m, "namedGraph"), named);
    }
    return m;
  }

  /**
   * The site's graphs and its service description in one read-only model: every IRI minted under
   * {@code {base}id/} is the subject of a triple here, so each one dereferences (the description is
   * not in the SPARQL dataset, whose size it states).
   */
  static Model documents(Site site) {
    return ModelFactory.createModelForGraph(
        new org.apache.jena.graph.compose.Union(site.union().getGraph(), of(site).getGraph()));
  }

  private static Property p(Model m, String local) {
    return m.createProperty(SD, local);
  }
}
