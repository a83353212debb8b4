package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * The two files clients look for at the top of every web site: {@code /robots.txt} (everything may
 * be crawled, the SPARQL page and the example queries' results included, which search engines then
 * list; the links to the same answers in machine formats are not followed) and {@code
 * /favicon.ico}. Without them, every crawler and browser logged a 404.
 *
 * <pre>
 * GET /robots.txt  → text/plain: User-agent: * / Disallow: /sparql?*format=
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
    return "# tonet-lod: everything may be crawled: the pages, documents and dumps, the SPARQL\n"
        + "# page and the results of the example queries the pages link to (each is answered once\n"
        + "# and kept). The same answers in machine formats are left out. Behind a proxy under a\n"
        + "# path, merge this into the host's own /robots.txt.\n"
        + "User-agent: *\n"
        + "Disallow: "
        + path
        + "sparql?*format=\n"
        + "Disallow: "
        + path
        + "sparql?*output=\n";
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
