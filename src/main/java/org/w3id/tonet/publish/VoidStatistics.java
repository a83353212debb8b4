package org.w3id.tonet.publish;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.tonet.rdf.GazetteerRdf;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.rdf.SCHEMA;
import org.w3id.tonet.rdf.TONET;

/**
 * The VoID statistics of the dataset description: what the data graph holds, counted (triples,
 * entities, distinct subjects, properties, classes), its vocabularies and example resources, a
 * class partition per class, and a linkset per dataset the places link to (the standard area codes,
 * Wikidata).
 *
 * <pre>
 * VoidStatistics.describe(meta, meta.getResource(iris.dataset()), build.data(), iris);
 * </pre>
 */
final class VoidStatistics {

  private VoidStatistics() {}

  /**
   * States the data graph's statistics on {@code dataset}: its size, entities, properties and
   * classes, its vocabularies, example resources, a partition per class, and a linkset per dataset
   * our places link to.
   */
  static void describe(Model meta, Resource dataset, Model data, Iris iris) {
    TreeSet<String> subjects = new TreeSet<>();
    TreeSet<String> properties = new TreeSet<>();
    Map<String, TreeSet<String>> classes = new TreeMap<>();
    String idSpace = iris.base() + "id/";
    data.getGraph()
        .find()
        .forEachRemaining(
            (Triple t) -> {
              subjects.add(t.getSubject().getURI());
              properties.add(t.getPredicate().getURI());
              Node o = t.getObject();
              if (t.getPredicate().equals(RDF.type.asNode()) && o.isURI()) {
                classes
                    .computeIfAbsent(o.getURI(), k -> new TreeSet<>())
                    .add(t.getSubject().getURI());
              }
            });
    dataset.addLiteral(VOID.triples, integer(meta, data.size()));
    dataset.addLiteral(
        VOID.entities, integer(meta, subjects.stream().filter(s -> s.startsWith(idSpace)).count()));
    dataset.addLiteral(VOID.distinctSubjects, integer(meta, subjects.size()));
    dataset.addLiteral(VOID.properties, integer(meta, properties.size()));
    dataset.addLiteral(VOID.classes, integer(meta, classes.size()));
    dataset.addProperty(VOID.uriSpace, idSpace);
    dataset.addProperty(VOID.sparqlEndpoint, meta.createResource(iris.base() + "sparql"));
    for (String vocabulary :
        List.of(
            TONET.NS,
            SCHEMA.NS,
            "http://www.w3.org/ns/org#",
            "http://www.w3.org/2006/time#",
            "http://www.w3.org/ns/prov#",
            DCTerms.NS,
            SKOS.uri)) {
      dataset.addProperty(VOID.vocabulary, meta.createResource(vocabulary));
    }
    linkset(
        meta,
        dataset,
        data,
        iris,
        "standard-area-codes",
        TONET.areaCode,
        GazetteerRdf.STANDARD_AREA_CODES,
        "http://data.e-stat.go.jp/lodw/data/sac/",
        "統計に用いる標準地域コード（統計LOD）",
        "Standard area codes for statistics (statistical LOD of Japan)");
    linkset(
        meta,
        dataset,
        data,
        iris,
        "wikidata",
        SKOS.closeMatch,
        GazetteerRdf.WIKIDATA,
        "https://www.wikidata.org/",
        "ウィキデータ",
        "Wikidata");
    for (Resource type :
        List.of(TONET.GeneralAssembly, TONET.Symposium, TONET.RegistrantMilestone)) {
      TreeSet<String> instances = classes.get(type.getURI());
      if (instances != null) {
        dataset.addProperty(VOID.exampleResource, meta.createResource(instances.first()));
      }
    }
    for (Map.Entry<String, TreeSet<String>> c : classes.entrySet()) {
      Resource partition =
          meta.createResource(iris.dataset() + "/class/" + partitionName(c.getKey()));
      partition.addProperty(RDF.type, VOID.Dataset);
      partition.addProperty(VOID._class, meta.createResource(c.getKey()));
      partition.addLiteral(VOID.entities, integer(meta, c.getValue().size()));
      dataset.addProperty(VOID.classPartition, partition);
    }
  }

  /**
   * A VoID linkset: how many links of one predicate go from our places to another dataset, so a
   * portal can see the dataset joins with the standard area codes (tonet:areaCode) and Wikidata
   * (skos:closeMatch).
   */
  private static void linkset(
      Model meta,
      Resource dataset,
      Model data,
      Iris iris,
      String name,
      Property predicate,
      String uriSpace,
      String targetIri,
      String labelJa,
      String labelEn) {
    long links =
        data.listStatements(null, predicate, (RDFNode) null)
            .filterKeep(
                st ->
                    st.getObject().isURIResource()
                        && st.getResource().getURI().startsWith(uriSpace))
            .toList()
            .size();
    if (links == 0) {
      return;
    }
    Resource target = meta.createResource(targetIri);
    target.addProperty(RDF.type, VOID.Dataset);
    target.addProperty(VOID.uriSpace, uriSpace);
    DatasetDescription.text(target, RDFS.label, labelJa, labelEn);
    Resource linkset = meta.createResource(iris.dataset() + "/linkset/" + name);
    linkset.addProperty(RDF.type, VOID.Linkset);
    linkset.addProperty(VOID.linkPredicate, predicate);
    linkset.addProperty(VOID.subjectsTarget, dataset);
    linkset.addProperty(VOID.objectsTarget, target);
    linkset.addLiteral(VOID.triples, integer(meta, links));
    dataset.addProperty(VOID.subset, linkset);
  }

  /** A readable, stable name for a class partition: tonet-Symposium, schema-Event, … */
  private static String partitionName(String classIri) {
    for (Map.Entry<String, String> p : Prefixes.all().entrySet()) {
      if (classIri.startsWith(p.getValue())) {
        return p.getKey() + "-" + classIri.substring(p.getValue().length());
      }
    }
    return classIri.replaceAll("[^A-Za-z0-9]+", "-");
  }

  /** VoID statistics are xsd:integer. */
  private static Literal integer(Model meta, long n) {
    return meta.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
  }
}
