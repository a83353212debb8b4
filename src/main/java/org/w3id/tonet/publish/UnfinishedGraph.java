package org.w3id.tonet.publish;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.w3id.tonet.sparql.NotFinalException;

/**
 * A graph of the {@link Site#unfinished unfinished} site: what it holds, read only, except that a
 * look-up that may find a triple still to come ({@link DescriptionToCome}) stops the query with a
 * {@link NotFinalException} instead of answering without it. What a query reads through it is
 * therefore what the finished site holds too; a count of the whole graph, or a comparison with
 * another, is never.
 *
 * <pre>
 * Graph g = new UnfinishedGraph(union.getGraph(), toCome);
 * g.find(Node.ANY, TONET.date.asNode(), Node.ANY); // answered
 * g.find(Node.ANY, Node.ANY, Node.ANY);            // NotFinalException
 * </pre>
 */
final class UnfinishedGraph extends GraphWrapper {

  private final DescriptionToCome toCome;

  UnfinishedGraph(Graph graph, DescriptionToCome toCome) {
    super(graph);
    this.toCome = toCome;
  }

  private void allowed(Node s, Node p, Node o) {
    if (toCome.mayMatch(s, p, o)) {
      throw NotFinalException.raise();
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
    throw NotFinalException.raise();
  }

  @Override
  public long sizeLong() {
    throw NotFinalException.raise();
  }

  @Override
  public boolean isEmpty() {
    throw NotFinalException.raise();
  }

  @Override
  public boolean isIsomorphicWith(Graph other) {
    throw NotFinalException.raise();
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
}
