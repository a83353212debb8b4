package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code /static/…}: the style sheet and the icon, from the class path. Only the listed files
 * exist.
 *
 * <pre>
 * GET /static/site.css → text/css
 * </pre>
 */
final class StaticServlet extends SiteServlet {

  private static final Map<String, String> FILES =
      Map.of("site.css", "text/css; charset=utf-8", "favicon.svg", "image/svg+xml");

  private final Map<String, byte[]> bytes;

  StaticServlet(SiteHolder holder) {
    super(holder);
    this.bytes = Map.of("site.css", read("site.css"), "favicon.svg", read("favicon.svg"));
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticServlet.class.getResourceAsStream("/static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("/static/" + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
    byte[] body = bytes.get(name);
    if (body == null) {
      notFound(request, response);
      return;
    }
    response.setStatus(200);
    response.setContentType(FILES.get(name));
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
