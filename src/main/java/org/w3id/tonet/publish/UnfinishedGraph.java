package org.w3id.tonet.publish;

import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.tonet.opendata.CsvTables;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.rdf.TONET;

/**
 * A graph of the {@link Site#unfinished unfinished} site: what it holds, read only, except that a
 * look-up that may find a triple still to come ({@link ToCome}) stops the query, with the exception
 * the query engine gives for that (the server's: {@code QueryRunner.NotFinal}), instead of
 * answering without it. What a query reads through it is therefore what the finished site holds
 * too; a count of the whole graph, or a comparison with another, is never.
 *
 * <pre>
 * Graph g = new UnfinishedGraph(union.getGraph(), toCome, QueryRunner.NotFinal::raise);
 * g.find(Node.ANY, TONET.date.asNode(), Node.ANY); // answered
 * g.find(Node.ANY, Node.ANY, Node.ANY);            // stopped
 * </pre>
 */
final class UnfinishedGraph extends GraphWrapper {

  private final ToCome toCome;
  private final Supplier<? extends RuntimeException> stop;

  UnfinishedGraph(Graph graph, ToCome toCome, Supplier<? extends RuntimeException> stop) {
    super(graph);
    this.toCome = toCome;
    this.stop = stop;
  }

  private void allowed(Node s, Node p, Node o) {
    if (toCome.mayMatch(s, p, o)) {
      throw stop.get();
    }
  }

  @Override
  public ExtendedIterator<Triple> find(Triple pattern) {
    allowed(pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
    return super.find(pattern);
  }

  @Override
  public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
    allowed(s, p, o);
    return super.find(s, p, o);
  }

  @Override
  public boolean contains(Node s, Node p, Node o) {
    allowed(s, p, o);
    return super.contains(s, p, o);
  }

  @Override
  public boolean contains(Triple t) {
    allowed(t.getSubject(), t.getPredicate(), t.getObject());
    return super.contains(t);
  }

  @Override
  public int size() {
    throw stop.get();
  }

  @Override
  public long sizeLong() {
    throw stop.get();
  }

  @Override
  public boolean isEmpty() {
    throw stop.get();
  }

  @Override
  public boolean isIsomorphicWith(Graph other) {
    throw stop.get();
  }

  @Override
  public void add(Triple t) {
    throw new UnsupportedOperationException("a published site's dataset is read only");
  }

  @Override
  public void delete(Triple t) {
    throw new UnsupportedOperationException("a published site's dataset is read only");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("a published site's dataset is read only");
  }

  @Override
  public void remove(Node s, Node p, Node o) {
    throw new UnsupportedOperationException("a published site's dataset is read only");
  }

  /**
   * What a build's description gains once the build is finished, told by the terms it is written
   * with: the distributions, which state each file's size and checksum (known once the files are
   * written), and the quality measurements (known once the build is validated). Everything else of
   * the description — the dataset, its sources, publisher, period, area, VoID statistics and SPARQL
   * service — is known as soon as the data graph is, and is in the {@link Site#unfinished
   * unfinished} site.
   *
   * <p>{@link #mayMatch} is what the unfinished site's graphs ask before every look-up: a pattern
   * that may match a triple still to come must wait for the finished site. It must say yes for
   * every triple {@link DatasetDescription}'s {@code distributions()} and {@code quality()} write,
   * and it may say yes for more (the query then only waits). {@code UnfinishedSiteTest} holds it to
   * that: for each test council and set of options, every triple of the finished description that
   * the unfinished one lacks is matched, and the unfinished one lacks nothing else.
   *
   * <pre>
   * ToCome toCome = new ToCome(iris, licenseIri);
   * toCome.mayMatch(Node.ANY, RDFS.label.asNode(), Node.ANY); // true: measurements are labelled
   * toCome.mayMatch(Node.ANY, RDF.type.asNode(), TONET.Symposium.asNode()); // false
   * </pre>
   */
  static final class ToCome {

    private static final String DQV = DatasetDescription.DQV;

    /** Every property of the parts still to come. */
    private static final Set<Node> PROPERTIES =
        Set.of(
            RDF.type.asNode(),
            RDFS.label.asNode(),
            DCTerms.title.asNode(),
            DCTerms.description.asNode(),
            DCTerms.license.asNode(),
            DCTerms.conformsTo.asNode(),
            DCAT.distribution.asNode(),
            DCAT.accessURL.asNode(),
            DCAT.downloadURL.asNode(),
            DCAT.mediaType.asNode(),
            DCAT.compressFormat.asNode(),
            DCAT.byteSize.asNode(),
            VOID.dataDump.asNode(),
            iri(DatasetDescription.SPDX + "checksum"),
            iri(DatasetDescription.SPDX + "algorithm"),
            iri(DatasetDescription.SPDX + "checksumValue"),
            iri(DQV + "hasQualityMeasurement"),
            iri(DQV + "computedOn"),
            iri(DQV + "isMeasurementOf"),
            iri(DQV + "value"));

    /** The classes and other fixed IRIs they name. */
    private static final Set<Node> NAMED =
        Set.of(
            RDFS.Resource.asNode(),
            DCAT.Distribution.asNode(),
            DCTerms.MediaType.asNode(),
            DCTerms.Standard.asNode(),
            DCTerms.LicenseDocument.asNode(),
            iri(DQV + "QualityMeasurement"),
            iri(DQV + "Metric"),
            iri(CsvTables.CSVW),
            // The metrics measured (Quality), defined in the ontology.
            TONET.ContentRowsConverted.asNode(),
            TONET.DatesToTheDay.asNode(),
            TONET.EnglishLabels.asNode(),
            TONET.StatementsWithProvenance.asNode(),
            TONET.ChecksPassed.asNode());

    /** IRIs minted for the parts to come, by their beginnings. */
    private final String[] prefixes;

    private final Node license;

    /** The parts to come of the description under these IRIs, with this licence (or null). */
    ToCome(Iris iris, String licenseIri) {
      this.prefixes =
          new String[] {
            iris.dataset(), // the dataset (its measurements, its distributions) and
            // dataset/quality/…
            iris.base() + "id/distribution/",
            iris.base() + "downloads/",
            DatasetDescription.IANA,
            DatasetDescription.SPDX
          };
      this.license = licenseIri == null ? null : iri(licenseIri);
    }

    /**
     * Whether a look-up for this pattern ({@link Node#ANY} or null: any) may find a triple of the
     * parts to come.
     */
    boolean mayMatch(Node s, Node p, Node o) {
      return (any(p) || PROPERTIES.contains(p)) && (any(s) || named(s)) && (any(o) || object(o));
    }

    private boolean object(Node o) {
      return o.isLiteral() || named(o);
    }

    private boolean named(Node n) {
      if (!n.isURI()) {
        return false; // the parts to come have no blank nodes
      }
      if (NAMED.contains(n) || n.equals(license)) {
        return true;
      }
      String uri = n.getURI();
      for (String prefix : prefixes) {
        if (uri.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }

    private static boolean any(Node n) {
      return n == null || n == Node.ANY || n.isVariable();
    }

    private static Node iri(String uri) {
      return NodeFactory.createURI(uri);
    }
  }
}
