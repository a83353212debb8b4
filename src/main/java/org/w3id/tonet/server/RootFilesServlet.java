package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * The two files clients look for at the top of every web site: {@code /robots.txt} (pages and
 * documents may be crawled, the SPARQL endpoint may not: each link to {@code /sparql?query=…} runs
 * a query) and {@code /favicon.ico}. Without them, every crawler and browser logged a 404.
 *
 * <pre>
 * GET /robots.txt  → text/plain: User-agent: * / Disallow: /sparql
 * GET /favicon.ico → image/x-icon
 * </pre>
 */
final class RootFilesServlet extends SiteServlet {

  /** Drawn on the first request, not at start-up: it loads Java's imaging classes. */
  private static final class Icon {
    static final byte[] BYTES = Favicon.ico();
  }

  RootFilesServlet(SiteHolder holder) {
    super(holder);
  }

  /** robots.txt for a base IRI. */
  static String robots(String base) {
    String path = URI.create(base).getPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    return "# tonet-lod: the pages, documents and dumps may be crawled; the SPARQL endpoint may\n"
        + "# not (a link to it runs a query). Behind a proxy under a path, merge this into the\n"
        + "# host's own /robots.txt.\n"
        + "User-agent: *\n"
        + "Disallow: "
        + path
        + "sparql\n";
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getServletPath();
    response.setHeader("Cache-Control", "public, max-age=86400");
    if (path.equals("/robots.txt")) {
      send(response, 200, "text/plain; charset=utf-8", robots(site().base()));
      return;
    }
    if (path.equals("/favicon.ico")) {
      byte[] ico = Icon.BYTES;
      response.setStatus(200);
      response.setContentType("image/x-icon");
      response.setContentLength(ico.length);
      response.getOutputStream().write(ico);
      return;
    }
    notFound(request, response);
  }
}
