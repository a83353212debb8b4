package org.w3id.tonet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;

/**
 * The dataset a server in memory answers from links the site's graphs instead of copying them into
 * Jena's transactional dataset (issue 22: a warm start). An oracle holds it to the copy it
 * replaced: every competency query of queries/ and queries on the graphs themselves give the same
 * answers on both; it is read only, and a graph name that is not one of its three is empty and
 * never added.
 */
class ServedDatasetTest {

  private static Site linked;
  private static DatasetGraph copied;

  @BeforeAll
  static void publish() throws Exception {
    Build build = TestSeeds.seedBuild();
    linked = Site.of(build, null);
    copied = DatasetGraphFactory.createTxnMem();
    Site.of(build, null, copied);
  }

  private static List<String> queries() throws IOException {
    List<String> texts = new ArrayList<>(TestSeeds.competencyQueries());
    String data = "<" + linked.iris().graph("data") + ">";
    String meta = "<" + linked.iris().graph("meta") + ">";
    texts.add("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
    texts.add("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
    texts.add("SELECT (COUNT(*) AS ?n) FROM " + data + " { ?s ?p ?o }");
    texts.add("SELECT (COUNT(*) AS ?n) FROM " + data + " FROM " + meta + " { ?s ?p ?o }");
    texts.add(
        "SELECT ?g (COUNT(*) AS ?n) FROM NAMED "
            + meta
            + " { GRAPH ?g { ?s ?p ?o } }"
            + " GROUP BY ?g");
    texts.add("SELECT (COUNT(*) AS ?n) { GRAPH <http://example.org/no-such-graph> { ?s ?p ?o } }");
    texts.add("SELECT (COUNT(*) AS ?n) FROM <http://example.org/no-such-graph> { ?s ?p ?o }");
    texts.add("SELECT (COUNT(*) AS ?n) { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } }");
    texts.add("ASK { GRAPH " + data + " { ?s a ?t } }");
    return texts;
  }

  @Test
  void everyQueryAnswersAsOnTheTransactionalCopy() throws Exception {
    List<String> texts = queries();
    assertTrue(texts.size() > 25, "the competency queries are found: " + texts.size());
    for (String text : texts) {
      Query query = QueryFactory.create(text);
      if (query.isAskType()) {
        assertEquals(ask(copied, query), ask(linked.dataset(), query), text);
        continue;
      }
      if (query.isConstructType() || query.isDescribeType()) {
        assertTrue(
            graph(copied, query).isIsomorphicWith(graph(linked.dataset(), query)),
            "the same graph from\n" + text);
        continue;
      }
      RowSetRewindable expected = select(copied, query);
      RowSetRewindable actual = select(linked.dataset(), query);
      assertEquals(expected.size(), actual.size(), "rows of\n" + text);
      assertTrue(
          query.isOrdered()
              ? ResultsCompare.equalsByTermAndOrder(expected, actual)
              : ResultsCompare.equalsByTerm(expected, actual),
          "the same answer to\n" + text);
    }
  }

  private static Graph graph(DatasetGraph dataset, Query query) {
    return Txn.calculateRead(
        dataset,
        () -> {
          try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            return query.isConstructType() ? exec.construct() : exec.describe();
          }
        });
  }

  private static boolean ask(DatasetGraph dataset, Query query) {
    return Txn.calculateRead(dataset, () -> QueryExec.dataset(dataset).query(query).ask());
  }

  private static RowSetRewindable select(DatasetGraph dataset, Query query) {
    return Txn.calculateRead(
        dataset,
        () -> {
          try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            RowSet rows = exec.select();
            return rows.rewindable();
          }
        });
  }

  @Test
  void itHoldsTheThreeGraphsAndTheirUnionAsTheDefaultGraph() {
    DatasetGraph dataset = linked.dataset();
    assertEquals(3, count(dataset.listGraphNodes()));
    assertEquals(linked.union().size(), dataset.getDefaultGraph().size());
    assertEquals(
        linked.data().size(),
        dataset.getGraph(NodeFactory.createURI(linked.iris().graph("data"))).size());
  }

  @Test
  void aGraphNameNotOfTheSiteIsEmptyAndNeverAdded() {
    DatasetGraph dataset = linked.dataset();
    Node other = NodeFactory.createURI("http://example.org/no-such-graph");
    Graph graph = dataset.getGraph(other);
    assertTrue(graph.isEmpty());
    assertFalse(dataset.containsGraph(other));
    assertEquals(3, count(dataset.listGraphNodes()), "no graph added by asking for one");
  }

  @Test
  void itIsReadOnly() {
    DatasetGraph dataset = linked.dataset();
    Node g = NodeFactory.createURI(linked.iris().graph("data"));
    Quad quad =
        Quad.create(
            g,
            NodeFactory.createURI("http://example.org/s"),
            NodeFactory.createURI("http://example.org/p"),
            NodeFactory.createLiteralString("o"));
    assertThrows(UnsupportedOperationException.class, () -> dataset.add(quad));
    assertThrows(UnsupportedOperationException.class, () -> dataset.delete(quad));
    assertThrows(UnsupportedOperationException.class, () -> dataset.removeGraph(g));
    assertThrows(
        UnsupportedOperationException.class,
        () -> dataset.addGraph(NodeFactory.createURI("http://example.org/g"), graphOf(g)));
    assertThrows(UnsupportedOperationException.class, dataset::clear);
    assertEquals(3, count(dataset.listGraphNodes()));
  }

  private Graph graphOf(Node name) {
    return linked.dataset().getGraph(name);
  }

  private static int count(Iterator<?> it) {
    int n = 0;
    for (; it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
