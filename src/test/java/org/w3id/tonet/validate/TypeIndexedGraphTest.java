package org.w3id.tonet.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.rdf.TONET;

/**
 * The view SHACL validates answers every pattern as the graph it wraps does: the types of a subject
 * from its index, everything else from the graph.
 */
class TypeIndexedGraphTest {

  @Test
  void everySubjectsTypesAreTheGraphsOwn() throws Exception {
    Graph data = TestSeeds.seedData().getGraph();
    TypeIndexedGraph view = new TypeIndexedGraph(data);
    Set<Node> subjects = new HashSet<>();
    data.find().forEachRemaining(t -> subjects.add(t.getSubject()));
    Node absent = NodeFactory.createURI(TestSeeds.BASE + "id/nothing-here");
    subjects.add(absent);
    for (Node s : subjects) {
      assertEquals(
          data.find(s, RDF.Nodes.type, Node.ANY).toSet(),
          view.find(s, RDF.Nodes.type, Node.ANY).toSet(),
          s.toString());
      for (Triple t : data.find(s, RDF.Nodes.type, Node.ANY).toList()) {
        assertTrue(view.contains(s, RDF.Nodes.type, t.getObject()));
        assertEquals(1, view.find(Triple.create(s, RDF.Nodes.type, t.getObject())).toList().size());
      }
      assertEquals(
          data.contains(s, RDF.Nodes.type, TONET.Meeting.asNode()),
          view.contains(s, RDF.Nodes.type, TONET.Meeting.asNode()));
    }
    assertTrue(view.find(absent, RDF.Nodes.type, Node.ANY).toList().isEmpty());
    // Patterns that are not one subject's types go to the graph.
    assertEquals(data.size(), view.find().toList().size());
    assertEquals(
        data.find(Node.ANY, RDF.Nodes.type, TONET.Meeting.asNode()).toSet(),
        view.find(Node.ANY, RDF.Nodes.type, TONET.Meeting.asNode()).toSet());
  }

  /**
   * A build's data graph is Jena's GraphMem2, which finds a statement with a known subject and
   * object by hashing: with the older in-memory graph, SHACL's FILTER NOT EXISTS on the counted
   * series (a statement per row) took the square of the rows (issue 22).
   */
  @Test
  void aBuildsDataGraphFindsKnownStatementsByHashing() throws Exception {
    assertInstanceOf(GraphMem2.class, TestSeeds.seedData().getGraph());
  }
}
