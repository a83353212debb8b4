package org.w3id.tonet.server;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.AnswerFormat;
import org.w3id.tonet.sparql.QueryBudget;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.ServiceAllowList;
import org.w3id.tonet.sparql.StandardFormat;

/**
 * Runs one query on a site before the server answers anyone, on the thread that prepared the site
 * while the web server starts on the other: the first client's query then finds ARQ's parser,
 * optimizer, engine and the JSON results writer loaded (several hundred classes, about a tenth of a
 * second on a fresh JVM: issue 22, a warm start). Its answer is thrown away.
 *
 * <pre>
 * QueryWarmup.run(site.dataset(), services, site.base(), limits.query());
 * </pre>
 */
final class QueryWarmup {

  /** What a portal asks first, in small: typed resources with their labels, ordered. */
  static final String QUERY =
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
          + "SELECT ?s ?label WHERE { ?s a ?type ; rdfs:label ?label "
          + "FILTER(lang(?label) = \"ja\") } ORDER BY ?s LIMIT 3";

  private QueryWarmup() {}

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
