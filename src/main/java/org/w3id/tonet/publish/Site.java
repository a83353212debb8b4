package org.w3id.tonet.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.Prefixes;

/**
 * Everything the server publishes, made once at start-up: the graphs, the dump files and the
 * dataset description. It is made from a build ({@link #of}), or loaded as it was published before
 * ({@link #loaded}, from the {@link BuildCache}): nothing here needs the source table once it is
 * published.
 *
 * <pre>
 * Site site = Site.of(build, null);
 * site.union().size(); // data + ontology + description
 * site.tag();          // names this publication in ETags
 * </pre>
 *
 * @param data the data graph
 * @param ontology the ontology graph
 * @param meta the dataset description (VoID + DCAT)
 * @param union the data, the ontology and the description in one read-only model, for pages
 * @param iris the IRIs used
 * @param source the source table it was made from
 * @param dataset the SPARQL dataset: three named graphs, and their union as the default graph
 * @param files every dump file by name (SHA256SUMS included), in the order of their names
 * @param published when the dumps were made, for Last-Modified
 * @param tag a short digest of this program build and every dump: the same for the same
 *     publication, different for any other
 */
public record Site(
    Model data,
    Model ontology,
    Model meta,
    Model union,
    Iris iris,
    Timeline.SourceInfo source,
    DatasetGraph dataset,
    Map<String, byte[]> files,
    Instant published,
    String tag) {

  public Site {
    Objects.requireNonNull(data, "data");
    // In the order of their names, on every start: the landing page lists them in this order, and
    // Map.copyOf's order changes from one JVM to the next (the same publication, and so the same
    // ETag, would have sent other bytes).
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** Publishes a build in a dataset of its own graphs; {@code licenseIri} may be null. */
  public static Site of(Build build, String licenseIri) {
    return over(build, licenseIri, Publisher.UNNAMED, null);
  }

  /** Publishes a build into a dataset (the one the SPARQL endpoint serves). */
  public static Site of(Build build, String licenseIri, DatasetGraph target) {
    return of(build, licenseIri, Publisher.UNNAMED, target);
  }

  /** Publishes a build, naming its publisher, into a dataset. */
  public static Site of(Build build, String licenseIri, Publisher publisher, DatasetGraph target) {
    Site site = over(build, licenseIri, publisher, target);
    site.load();
    return site;
  }

  /**
   * Publishes a build over a dataset without writing to it: for a store that already holds the
   * graphs, or that {@link Tdb2Store} fills; null for a read-only dataset of the site's own graphs
   * in memory (what {@code serve} answers from without a database), which holds them already.
   */
  public static Site over(Build build, String licenseIri, DatasetGraph served) {
    return over(build, licenseIri, Publisher.UNNAMED, served);
  }

  /** As {@link #over(Build, String, DatasetGraph)}, naming the publisher. */
  public static Site over(
      Build build, String licenseIri, Publisher publisher, DatasetGraph served) {
    Exporter.Publication publication = Exporter.publication(build, licenseIri, publisher);
    return loaded(
        build.data(),
        build.ontology(),
        publication.meta(),
        build.iris(),
        build.timeline().source(),
        served,
        publication.files(),
        Instant.now());
  }

  /**
   * The site a cold start answers its first queries from, while the build is finished (its files
   * written, its quality measured: most of a cold start, issue 22): the data and the ontology as
   * they will be published, and the part of the description known from them (the dataset, its
   * sources, publisher, period and area, its VoID statistics and its SPARQL service). A query that
   * reaches for what is still to come — the distributions, with each file's size and checksum, and
   * the quality measurements ({@link UnfinishedGraph.ToCome}) — is stopped with the exception
   * {@code stop} gives (the query engine's: {@code QueryRunner.NotFinal::raise}), to be answered by
   * the finished site; so every answer it gives is the finished site's answer. It has no files, and
   * its tag is not a publication's: its answers are neither kept nor tagged.
   */
  public static Site unfinished(
      Build build,
      String licenseIri,
      Publisher publisher,
      Supplier<? extends RuntimeException> stop) {
    Iris iris = build.iris();
    Model known =
        DatasetDescription.builder(iris, build.data(), build.timeline().source(), build.council())
            .publisher(publisher)
            .license(licenseIri)
            .build();
    Model union = ModelFactory.createModelForGraph(GraphMemFactory.createGraphMem2());
    Prefixes.apply(union);
    union.add(build.data()).add(build.ontology()).add(known);
    UnfinishedGraph.ToCome toCome = new UnfinishedGraph.ToCome(iris, licenseIri);
    // The data and the ontology are published as they are; the description, and the union that
    // holds it, only answer what they will still say when finished.
    Map<Node, Graph> named = new LinkedHashMap<>();
    namedGraphs(iris, build.data(), build.ontology(), known)
        .forEach(
            (name, model) ->
                named.put(
                    NodeFactory.createURI(name),
                    model == known
                        ? new UnfinishedGraph(model.getGraph(), toCome, stop)
                        : model.getGraph()));
    DatasetGraph dataset =
        new ServedDataset(new UnfinishedGraph(union.getGraph(), toCome, stop), named);
    return new Site(
        build.data(),
        build.ontology(),
        known,
        union,
        iris,
        build.timeline().source(),
        dataset,
        Map.of(),
        Instant.now(),
        UNFINISHED);
  }

  /** The tag of an {@link #unfinished} site, which names no publication. */
  public static final String UNFINISHED = "unfinished";

  /** Whether this is an {@link #unfinished} site. */
  public boolean isUnfinished() {
    return UNFINISHED.equals(tag);
  }

  /**
   * A site as it was published before: its graphs and files, over a dataset ({@link #load()} puts
   * the graphs in it, unless it holds them already), or over its own graphs when {@code served} is
   * null.
   */
  public static Site loaded(
      Model data,
      Model ontology,
      Model meta,
      Iris iris,
      Timeline.SourceInfo source,
      DatasetGraph served,
      Map<String, byte[]> files,
      Instant published) {
    Model union = ModelFactory.createModelForGraph(GraphMemFactory.createGraphMem2());
    Prefixes.apply(union);
    union.add(data).add(ontology).add(meta);
    DatasetGraph dataset = served;
    if (dataset == null) {
      // The default graph is the union of the three, as the design asks.
      Map<Node, Graph> named = new LinkedHashMap<>();
      namedGraphs(iris, data, ontology, meta)
          .forEach((name, model) -> named.put(NodeFactory.createURI(name), model.getGraph()));
      dataset = new ServedDataset(union.getGraph(), named);
    }
    return new Site(
        data, ontology, meta, union, iris, source, dataset, files, published, tag(files));
  }

  /**
   * Puts the three named graphs, and their union as the default graph, into the dataset; nothing to
   * do for a dataset of the site's own graphs.
   */
  public void load() {
    if (dataset instanceof ServedDataset) {
      return;
    }
    Dataset target = DatasetFactory.wrap(dataset);
    Txn.executeWrite(
        target,
        () -> {
          namedGraphs().forEach(target::addNamedModel);
          // The default graph is the union of the three, as the design asks.
          target.getDefaultModel().add(union);
          target.getDefaultModel().setNsPrefixes(union.getNsPrefixMap());
        });
  }

  private static String tag(Map<String, byte[]> files) {
    byte[] sums = files.get(Dump.SHA256SUMS);
    String digest =
        Exporter.sha256(
            (ProgramBuild.id()
                    + "\n"
                    + (sums == null ? "" : new String(sums, StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8));
    return digest.substring(0, 16);
  }

  /** The three named graphs by name: {base}graph/data, graph/ontology and graph/meta. */
  public Map<String, Model> namedGraphs() {
    return namedGraphs(iris, data, ontology, meta);
  }

  private static Map<String, Model> namedGraphs(Iris iris, Model data, Model ontology, Model meta) {
    Map<String, Model> graphs = new LinkedHashMap<>();
    graphs.put(iris.graph("data"), data);
    graphs.put(iris.graph("ontology"), ontology);
    graphs.put(iris.graph("meta"), meta);
    return graphs;
  }

  /** The base IRI, ending with '/'. */
  public String base() {
    return iris.base();
  }

  /** The data graph, as a graph. */
  public Graph dataGraph() {
    return data.getGraph();
  }
}
