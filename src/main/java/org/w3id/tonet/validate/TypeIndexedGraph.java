package org.w3id.tonet.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * A read-only view of a graph that finds the types of a resource in the time it takes to list them.
 *
 * <pre>
 * ShaclValidator.get().validate(shapes, new TypeIndexedGraph(data.getGraph()));
 * </pre>
 *
 * <p>An in-memory graph finds {@code (s, rdf:type, ?)} by scanning every statement about {@code s}.
 * SHACL's {@code sh:class} asks that of each value: the counted series of general assemblies (one
 * {@code schema:subEvent} per assembly) is the value of every assembly's {@code schema:superEvent},
 * and the council, of every meeting's organizer, so the scans added up to the square of the rows
 * (issue 22: most of SHACL's time at 100x the seed). The types are indexed by subject once.
 */
final class TypeIndexedGraph extends WrappedGraph {

  private final Map<Node, List<Triple>> types = new HashMap<>();

  TypeIndexedGraph(Graph base) {
    super(base);
    base.find(Node.ANY, RDF.Nodes.type, Node.ANY)
        .forEachRemaining(
            t -> types.computeIfAbsent(t.getSubject(), s -> new ArrayList<>(4)).add(t));
  }

  @Override
  public ExtendedIterator<Triple> find(Triple pattern) {
    return find(pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
  }

  @Override
  public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
    if (!typesOfOne(s, p)) {
      return super.find(s, p, o);
    }
    List<Triple> found = types.getOrDefault(s, List.of());
    if (o == null || !o.isConcrete()) {
      return WrappedIterator.create(found.iterator());
    }
    return WrappedIterator.create(found.iterator()).filterKeep(t -> t.getObject().equals(o));
  }

  @Override
  public boolean contains(Node s, Node p, Node o) {
    return typesOfOne(s, p) ? find(s, p, o).hasNext() : super.contains(s, p, o);
  }

  @Override
  public boolean contains(Triple t) {
    return contains(t.getSubject(), t.getPredicate(), t.getObject());
  }

  private static boolean typesOfOne(Node s, Node p) {
    return s != null && s.isConcrete() && RDF.Nodes.type.equals(p);
  }
}
