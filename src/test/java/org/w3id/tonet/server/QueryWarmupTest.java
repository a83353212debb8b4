package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.ServiceAllowList;

/**
 * The query a start runs to warm the engine is a real query that answers: one that failed (a typo,
 * a refused function) would warm nothing and say so to no one.
 */
class QueryWarmupTest {

  @Test
  void theWarmupQueryAnswersWithLabelledResourcesOnItsSample() throws Exception {
    Answer answer =
        QueryWarmup.run(
            QueryWarmup.sample(),
            ServiceAllowList.none(),
            "http://localhost/",
            QueryLimits.defaults(2));
    assertEquals(200, answer.status(), answer.message());
    assertEquals(3, rows(answer).size(), "three labelled resources");
  }

  @Test
  void itAnswersOnTheSeedsSiteToo() throws Exception {
    Site site = PublishedSeed.site();
    Answer answer =
        QueryWarmup.run(
            site.dataset(), ServiceAllowList.none(), site.base(), QueryLimits.defaults(2));
    assertEquals(200, answer.status(), answer.message());
    assertTrue(answer.contentType().startsWith("application/sparql-results+json"));
    assertEquals(3, rows(answer).size(), "three labelled resources");
  }

  private static ResultSetRewindable rows(Answer answer) {
    return ResultSetFactory.copyResults(
        ResultSetMgr.read(new ByteArrayInputStream(answer.body()), ResultSetLang.RS_JSON));
  }
}
