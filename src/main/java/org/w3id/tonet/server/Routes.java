package org.w3id.tonet.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.tonet.server.TonetServer.Limits;
import org.w3id.tonet.server.cache.ResponseCache;
import org.w3id.tonet.server.http.ClientAddress;
import org.w3id.tonet.server.http.ConnectionGuard;
import org.w3id.tonet.server.http.JettySetup;
import org.w3id.tonet.server.http.Metrics;
import org.w3id.tonet.server.http.Refusals;
import org.w3id.tonet.server.http.RequestLogger;
import org.w3id.tonet.server.linked.DescriptionServlet;
import org.w3id.tonet.server.linked.DownloadsServlet;
import org.w3id.tonet.server.linked.GraphServlet;
import org.w3id.tonet.server.linked.LinkedDataServlet;
import org.w3id.tonet.server.linked.OntologyServlet;
import org.w3id.tonet.server.site.LandingServlet;
import org.w3id.tonet.server.site.NotFoundFilter;
import org.w3id.tonet.server.site.RootFilesServlet;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.server.site.StaticServlet;
import org.w3id.tonet.server.sparql.QueryServlet;
import org.w3id.tonet.server.sparql.SparqlHandler;
import org.w3id.tonet.sparql.QueryScheduler;

/**
 * Every path the server answers and what answers it: one small servlet per family of paths behind
 * the site's 404 page, the SPARQL endpoint in front of them, and the Jetty they run on fitted for a
 * public endpoint (docs/design.md, "The server", lists the same paths).
 *
 * <pre>
 * FusekiServer fuseki = Routes.fuseki(options, holder, limits, scheduler, guard, refusals);
 * fuseki.start();
 * </pre>
 */
final class Routes {

  private Routes() {}

  /**
   * The Fuseki server with every path of ours and its servlet, the SPARQL endpoint, and the Jetty
   * it runs on fitted for a public endpoint; not started.
   */
  static FusekiServer fuseki(
      TonetServer.Builder options,
      SiteHolder holder,
      Limits limits,
      QueryScheduler scheduler,
      ConnectionGuard guard,
      Refusals refusals) {
    long timeout = limits.query().timeout().toMillis();
    FusekiServer fuseki =
        FusekiServer.create()
            .port(options.port)
            .loopback(!options.allInterfaces)
            .enablePing(false)
            .enableStats(false)
            .enableMetrics(options.metrics)
            .enableCors(false)
            .numServerThreads(Math.min(8, limits.httpThreads()), limits.httpThreads())
            .addFilter("/*", new NotFoundFilter(holder))
            .addServlet("", new LandingServlet(holder))
            .addServlet("/id/*", new LinkedDataServlet(holder, LinkedDataServlet.Mode.ID))
            .addServlet("/page/*", new LinkedDataServlet(holder, LinkedDataServlet.Mode.PAGE))
            .addServlet("/data/*", new LinkedDataServlet(holder, LinkedDataServlet.Mode.DATA))
            .addServlet("/ontology", new OntologyServlet(holder))
            .addServlet("/graph/*", new GraphServlet(holder))
            .addServlet("/downloads/*", new DownloadsServlet(holder))
            .addServlet("/.well-known/void", new DescriptionServlet(holder))
            .addServlet("/void", new DescriptionServlet(holder))
            .addServlet("/query/*", new QueryServlet(holder, timeout))
            .addServlet("/static/*", new StaticServlet(holder))
            .addServlet("/robots.txt", new RootFilesServlet(holder))
            .addServlet("/favicon.ico", new RootFilesServlet(holder))
            .build();
    SparqlHandler sparql =
        new SparqlHandler(
            holder,
            limits.query(),
            scheduler,
            options.services,
            ClientAddress.trusting(options.trustedProxies),
            limits.requestTimeout(),
            new SparqlHandler.Caching(options.answerBytes(), options.maxAge));
    JettySetup.apply(
        fuseki.getJettyServer(),
        sparql,
        pages ->
            options.pageBytes() > 0
                ? new ResponseCache(pages, () -> holder.site() != null, options.pageBytes())
                : pages,
        guard,
        new JettySetup.Capacity(
            limits.httpThreads(), limits.maxConnections(), limits.idleTimeout()),
        new RequestLogger(refusals, ClientAddress.trusting(options.trustedProxies)));
    if (options.metrics) {
      Metrics.refusals(fuseki.getServletContext(), refusals);
    }
    return fuseki;
  }
}
