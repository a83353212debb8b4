package org.w3id.tonet.server.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Fits the Jetty server that Fuseki builds for a public endpoint: headers no larger than a long URL
 * needs (Fuseki allows 512 KiB), a small output buffer (Fuseki's 5 MiB is taken per response), the
 * idle timeout, the connection limits, our error pages and request log, and the {@link EdgeHandler}
 * in front of everything.
 *
 * <pre>
 * JettySetup.apply(fuseki.getJettyServer(), sparqlHandler, pages -&gt; pages, connectionGuard,
 *     capacity, requestLog);
 * </pre>
 */
public final class JettySetup {

  /** Room for the longest accepted URL and ordinary headers. */
  static final int REQUEST_HEADER_BYTES = EdgeHandler.MAX_URL + 16 * 1024;

  /**
   * The output buffer, which also aggregates whole small bodies: a body that fits is copied in and
   * sent after the servlet returns, without blocking ({@link AsyncBody} sends larger ones itself).
   */
  static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

  private JettySetup() {}

  /** Idle web-server threads end after this long: a burst does not leave its threads behind. */
  static final int THREAD_IDLE_MILLIS = 5_000;

  /**
   * What the web server may hold.
   *
   * @param httpThreads the web server's threads, which serve pages and never run queries
   * @param maxConnections the most connections open at once
   * @param idleTimeout how long a connection may stay silent
   */
  public record Capacity(int httpThreads, int maxConnections, java.time.Duration idleTimeout) {}

  /**
   * Fits {@code server}: its threads, connectors and error pages; {@code sparql} answers /sparql in
   * front of Fuseki's handler, which {@code aroundPages} may wrap (in the response cache); {@code
   * requestLog} logs every request.
   */
  public static void apply(
      Server server,
      Handler sparql,
      java.util.function.UnaryOperator<Handler> aroundPages,
      ConnectionGuard guard,
      Capacity limits,
      RequestLogger requestLog) {
    if (server.getThreadPool() instanceof QueuedThreadPool pool) {
      pool.setIdleTimeout(THREAD_IDLE_MILLIS);
      pool.setMaxEvictCount(Math.max(1, limits.httpThreads()));
    }
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector sc) {
        sc.setIdleTimeout(limits.idleTimeout().toMillis());
        sc.setAcceptQueueSize(256);
        sc.addBean(guard);
        HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          HttpConfiguration config = http.getHttpConfiguration();
          config.setRequestHeaderSize(REQUEST_HEADER_BYTES);
          config.setOutputBufferSize(OUTPUT_BUFFER_BYTES);
          config.setOutputAggregationSize(OUTPUT_BUFFER_BYTES);
          config.setSendServerVersion(false);
          config.setSendXPoweredBy(false);
        }
      }
    }
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
    PlainErrorHandler errors = new PlainErrorHandler();
    server.setErrorHandler(errors);
    Handler pages = server.getHandler();
    if (pages instanceof ContextHandler context) {
      context.setErrorHandler(errors);
    }
    server.setHandler(new EdgeHandler(sparql, aroundPages.apply(pages)));
    server.setRequestLog(requestLog);
  }
}
