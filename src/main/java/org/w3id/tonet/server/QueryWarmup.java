package org.w3id.tonet.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.AnswerFormat;
import org.w3id.tonet.sparql.QueryBudget;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.ServiceAllowList;
import org.w3id.tonet.sparql.StandardFormat;

/**
 * Runs one query before the server answers anyone, on a small dataset of its own, on a thread of
 * its own while the site is loaded and the web server starts: the first client's query then finds
 * ARQ's parser, optimizer, engine and the JSON results writer loaded (several hundred classes,
 * about a tenth of a second on a fresh JVM: issue 22, a warm start). Its answer is thrown away.
 *
 * <pre>
 * QueryWarmup.start(services, base, limits.query()); // a daemon thread
 * </pre>
 */
final class QueryWarmup {

  /** What a portal asks first, in small: typed resources with their labels, ordered. */
  static final String QUERY =
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
          + "SELECT ?s ?label WHERE { ?s a ?type ; rdfs:label ?label "
          + "FILTER(lang(?label) = \"ja\") } ORDER BY ?s LIMIT 3";

  private QueryWarmup() {}

  /** Runs {@link #QUERY} on {@link #sample} on a daemon thread. */
  static void start(ServiceAllowList services, String base, QueryLimits limits) {
    Thread warming =
        new Thread(() -> run(sample(), services, base, limits), "tonet-lod-query-warmup");
    warming.setDaemon(true);
    warming.start();
  }

  /** Three labelled resources of two types, in a dataset like the served one. */
  static DatasetGraph sample() {
    Graph graph = GraphMemFactory.createGraphMem2();
    for (int i = 0; i < 3; i++) {
      Node s = NodeFactory.createURI("http://example.org/warmup/" + i);
      graph.add(s, RDF.type.asNode(), NodeFactory.createURI("http://example.org/warmup/T" + i % 2));
      graph.add(s, RDFS.label.asNode(), NodeFactory.createLiteralLang("見本 " + i, "ja"));
    }
    return DatasetGraphFactory.wrap(graph);
  }

  /**
   * Runs {@link #QUERY} on {@code dataset} under {@code limits}: its answer (the server drops it).
   */
  static Answer run(
      DatasetGraph dataset, ServiceAllowList services, String base, QueryLimits limits) {
    QueryRunner runner = new QueryRunner(dataset, services, base);
    QueryBudget budget = new QueryBudget(limits, System.nanoTime() + limits.timeout().toNanos());
    return runner.run(
        QueryRunner.Request.of(QUERY),
        new QueryRunner.Formats() {
          @Override
          public AnswerFormat choose(boolean table) {
            return StandardFormat.JSON;
          }

          @Override
          public String notAcceptable(boolean table) {
            return "";
          }
        },
        budget);
  }
}
