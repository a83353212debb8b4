package org.w3id.tonet.server.http;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Loads the web server's classes while the thread that will start it waits for Jena's start, by
 * putting together a Jetty server like the one Fuseki builds and dropping it unstarted: nothing is
 * bound, no thread is started (issue 22: the web server's start was a third of a warm start, and it
 * came after Jena's). Jetty does not use Jena, so this cannot meet Jena's start on another thread.
 *
 * <pre>
 * JettyWarmup.loadClasses(); // then start the real server
 * </pre>
 */
public final class JettyWarmup {

  private JettyWarmup() {}

  /** Builds and drops an unstarted Jetty server with a connector, a servlet context and gzip. */
  public static void loadClasses() {
    Server server = new Server(new QueuedThreadPool(8, 2));
    HttpConfiguration config = new HttpConfiguration();
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new HttpServlet() {}), "/");
    GzipHandler gzip = new GzipHandler();
    gzip.setHandler(context);
    server.setHandler(gzip);
    server.getConnectors();
  }
}
