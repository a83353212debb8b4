package org.w3id.tonet.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Prefixes;

/**
 * Everything the server publishes, made once at start-up: the build, its graphs, the dump files and
 * the dataset description.
 *
 * <pre>
 * Site site = Site.of(build, null);
 * site.union().size(); // data + ontology + description
 * </pre>
 *
 * @param build the converted data
 * @param meta the dataset description (VoID + DCAT)
 * @param union the data, the ontology and the description in one read-only model, for pages
 * @param dataset the SPARQL dataset: three named graphs, and their union as the default graph
 * @param files every dump file by name (SHA256SUMS included)
 * @param published when the dumps were made, for Last-Modified
 */
public record Site(
    Build build,
    Model meta,
    Model union,
    DatasetGraph dataset,
    Map<String, byte[]> files,
    Instant published) {

  public Site {
    Objects.requireNonNull(build, "build");
    files = Map.copyOf(files);
  }

  /** Publishes a build in a new in-memory dataset; {@code licenseIri} may be null. */
  public static Site of(Build build, String licenseIri) {
    return of(build, licenseIri, DatasetFactory.createTxnMem().asDatasetGraph());
  }

  /** Publishes a build into a dataset (the one the SPARQL endpoint serves). */
  public static Site of(Build build, String licenseIri, DatasetGraph target) {
    Site site = over(build, licenseIri, target);
    Dataset dataset = DatasetFactory.wrap(target);
    Txn.executeWrite(
        dataset,
        () -> {
          site.namedGraphs().forEach(dataset::addNamedModel);
          // The default graph is the union of the three, as DESIGN.md asks.
          dataset.getDefaultModel().add(site.union());
          dataset.getDefaultModel().setNsPrefixes(site.union().getNsPrefixMap());
        });
    return site;
  }

  /**
   * Publishes a build over a dataset without writing to it: for a store that already holds the
   * graphs, or that {@link Tdb2Store} fills.
   */
  public static Site over(Build build, String licenseIri, DatasetGraph served) {
    Exporter.Publication publication = Exporter.publication(build, licenseIri);
    Model meta = publication.meta();
    Model union = ModelFactory.createDefaultModel();
    Prefixes.apply(union);
    union.add(build.data()).add(build.ontology()).add(meta);
    return new Site(build, meta, union, served, publication.files(), Instant.now());
  }

  /** The three named graphs by name: {base}graph/data, graph/ontology and graph/meta. */
  public Map<String, Model> namedGraphs() {
    Iris iris = build.iris();
    Map<String, Model> graphs = new LinkedHashMap<>();
    graphs.put(iris.graph("data"), build.data());
    graphs.put(iris.graph("ontology"), build.ontology());
    graphs.put(iris.graph("meta"), meta);
    return graphs;
  }

  /** The IRIs of this site. */
  public Iris iris() {
    return build.iris();
  }

  /** The base IRI, ending with '/'. */
  public String base() {
    return build.iris().base();
  }

  /** The data graph. */
  public Graph data() {
    return build.data().getGraph();
  }
}
