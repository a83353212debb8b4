package org.w3id.tonet.server.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.Publisher;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.server.http.ClientAddress;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.sparql.ServiceAllowList;

/**
 * A request that comes while a cold start answers from its unfinished site, and is read once the
 * finished site is set, is answered as the finished site answers it: the moment is made certain by
 * setting the site while the handler reads the request's address, after it took the site to answer
 * from.
 */
class SiteSetMeanwhileTest {

  @Test
  void theServiceDescriptionIsTheFinishedSites() throws Exception {
    HttpTester.Response[] both =
        meanwhileAndThen("GET /sparql HTTP/1.1\r\nHost: localhost\r\nAccept: text/turtle\r\n\r\n");
    HttpTester.Response first = both[0];
    HttpTester.Response then = both[1];
    assertEquals(200, then.getStatus(), then.getContent());
    assertNotNull(then.get(HttpHeader.ETAG));
    assertEquals(200, first.getStatus(), first.getContent());
    assertEquals(then.getContent(), first.getContent());
    assertEquals(then.get(HttpHeader.ETAG), first.get(HttpHeader.ETAG));
  }

  /** A page of results is one of the site's pages: the finished site's, with its tag. */
  @Test
  void aPageOfResultsIsTheFinishedSites() throws Exception {
    String query =
        URLEncoder.encode(
            "SELECT ?k { ?s <http://www.w3.org/ns/dcat#keyword> ?k } ORDER BY ?k",
            StandardCharsets.UTF_8);
    HttpTester.Response[] both =
        meanwhileAndThen(
            "GET /sparql?query="
                + query
                + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n");
    HttpTester.Response first = both[0];
    HttpTester.Response then = both[1];
    assertEquals(200, then.getStatus(), then.getContent());
    assertNotNull(then.get(HttpHeader.ETAG));
    assertEquals(200, first.getStatus(), first.getContent());
    assertEquals(then.get(HttpHeader.ETAG), first.get(HttpHeader.ETAG));
    assertEquals(then.get(HttpHeader.CACHE_CONTROL), first.get(HttpHeader.CACHE_CONTROL));
  }

  /**
   * The response to {@code raw} taken on with the unfinished site and read once the finished site
   * is set, then the response to it once the finished site is set.
   */
  private static HttpTester.Response[] meanwhileAndThen(String raw) throws Exception {
    Build build = TestSeeds.seedBuild();
    Site finished = Site.over(build, null, Publisher.UNNAMED, null);
    SiteHolder holder = new SiteHolder();
    holder.answerQueries(
        Site.unfinished(build, null, Publisher.UNNAMED, QueryRunner.NotFinal::raise));
    QueryLimits limits = QueryLimits.defaults(2);
    QueryScheduler scheduler =
        new QueryScheduler(new QueryScheduler.Settings(2, 4, 5, Duration.ofSeconds(60)));
    SparqlHandler sparql =
        new SparqlHandler(
            holder,
            limits,
            scheduler,
            ServiceAllowList.none(),
            ClientAddress.trusting(List.of()),
            Duration.ofSeconds(10),
            new SparqlHandler.Caching(1 << 20, Duration.ofMinutes(5)));
    Server server = new Server();
    LocalConnector connector = new LocalConnector(server);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Wrapper(sparql) {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            Request meanwhile =
                new Request.Wrapper(request) {
                  @Override
                  public HttpURI getHttpURI() {
                    if (holder.site() == null) {
                      holder.set(finished);
                    }
                    return super.getHttpURI();
                  }
                };
            return super.handle(meanwhile, response, callback);
          }
        });
    server.start();
    try {
      // Bounded by the query's own time limit (10 s) and the scheduler's.
      Duration wait = limits.timeout().multipliedBy(3);
      HttpTester.Response first =
          HttpTester.parseResponse(
              connector.getResponse(raw, wait.toMillis(), TimeUnit.MILLISECONDS));
      HttpTester.Response then =
          HttpTester.parseResponse(
              connector.getResponse(raw, wait.toMillis(), TimeUnit.MILLISECONDS));
      return new HttpTester.Response[] {first, then};
    } finally {
      server.stop();
      scheduler.close();
    }
  }
}
