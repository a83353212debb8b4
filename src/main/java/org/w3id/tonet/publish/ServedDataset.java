package org.w3id.tonet.publish;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphZero;

/**
 * The SPARQL dataset of a site held in memory: its own graphs, linked and not copied — the union as
 * the default graph, the data, the ontology and the description as named graphs — and read only.
 *
 * <p>Copying the graphs into Jena's transactional in-memory dataset was most of what loading a kept
 * build cost at start-up (issue 22: 56 % of its samples, for 12,800 quads of a publication that
 * never changes). A name that is not one of the three graphs is an empty graph, as in that dataset,
 * and is never added: a query naming graphs cannot make the dataset grow.
 *
 * <pre>
 * DatasetGraph dataset = new ServedDataset(union.getGraph(), namedGraphs);
 * </pre>
 */
final class ServedDataset extends DatasetGraphMapLink {

  private final boolean sealed;

  /** A dataset of {@code defaultGraph} and the named graphs, which must not change after this. */
  ServedDataset(Graph defaultGraph, Map<Node, Graph> named) {
    super(defaultGraph);
    named.forEach(super::addGraph);
    sealed = true;
  }

  @Override
  public Graph getGraph(Node graphNode) {
    if (Quad.isDefaultGraph(graphNode)
        || Quad.isUnionGraph(graphNode)
        || super.containsGraph(graphNode)) {
      return super.getGraph(graphNode);
    }
    return GraphZero.instance();
  }

  @Override
  public void addGraph(Node graphName, Graph graph) {
    readOnly();
    super.addGraph(graphName, graph);
  }

  @Override
  public void removeGraph(Node graphName) {
    readOnly();
  }

  @Override
  public void add(Quad quad) {
    readOnly();
  }

  @Override
  public void delete(Quad quad) {
    readOnly();
  }

  @Override
  public void add(Node g, Node s, Node p, Node o) {
    readOnly();
  }

  @Override
  public void delete(Node g, Node s, Node p, Node o) {
    readOnly();
  }

  @Override
  public void deleteAny(Node g, Node s, Node p, Node o) {
    readOnly();
  }

  @Override
  public void clear() {
    readOnly();
  }

  private void readOnly() {
    if (sealed) {
      throw new UnsupportedOperationException("a published site's dataset is read only");
    }
  }
}
