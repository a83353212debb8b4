package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;

/**
 * What every servlet of ours shares: the site, its links and pages, and the answers they send.
 *
 * <pre>
 * class LandingServlet extends SiteServlet { … sendHtml(response, 200, html); }
 * </pre>
 */
abstract class SiteServlet extends HttpServlet {

  private final transient SiteHolder holder;

  SiteServlet(SiteHolder holder) {
    this.holder = holder;
  }

  Site site() {
    return holder.site();
  }

  /** Until the data is loaded, every page answers 503. */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws jakarta.servlet.ServletException, IOException {
    if (holder.site() == null) {
      response.setHeader("Retry-After", "1");
      send(response, 503, "text/plain; charset=utf-8", "503 the server is starting\n");
      return;
    }
    // The servlet writes into memory; the body then goes out without holding this thread.
    AsyncBody body = new AsyncBody(response);
    super.service(request, body.response());
    body.send(request);
  }

  Links links() {
    return holder.links();
  }

  /** The three named graphs by name, for TriG and N-Quads. */
  Map<String, Graph> namedGraphs() {
    Map<String, Graph> graphs = new LinkedHashMap<>();
    site().namedGraphs().forEach((name, model) -> graphs.put(name, model.getGraph()));
    return graphs;
  }

  Pages pages() {
    return holder.pages();
  }

  /** The Accept header, or null. */
  static String accept(HttpServletRequest request) {
    return request.getHeader("Accept");
  }

  static void send(HttpServletResponse response, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static void sendHtml(HttpServletResponse response, int status, String html) throws IOException {
    send(response, status, "text/html; charset=utf-8", html);
  }

  /** Record of an error page's wording. */
  record ErrorPage(int status, String heading, String message, String messageEn) {}

  /** An HTML error page (or plain text to clients that do not take HTML). */
  void sendError(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String heading,
      String message,
      String messageEn)
      throws IOException {
    sendError(pages(), request, response, new ErrorPage(status, heading, message, messageEn));
  }

  /** An error page made with {@code pages} (plain text when null, or when HTML is not wanted). */
  static void sendError(
      Pages pages, HttpServletRequest request, HttpServletResponse response, ErrorPage error)
      throws IOException {
    if (pages != null && Conneg.choose(accept(request), List.of(Conneg.Format.HTML)).isPresent()) {
      Pages.Chrome chrome = pages.chrome(error.status() + " " + error.heading(), null, null, null);
      sendHtml(response, error.status(), pages.render("error", chrome, error));
    } else {
      send(
          response,
          error.status(),
          "text/plain; charset=utf-8",
          error.status() + " " + error.heading() + "\n" + error.messageEn() + "\n");
    }
  }

  /** 404 for a path that names nothing here. */
  void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
    notFound(pages(), request, response);
  }

  /** 404 for a path that names nothing here, made with {@code pages} (which may be null). */
  static void notFound(Pages pages, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    sendError(
        pages,
        request,
        response,
        new ErrorPage(
            HttpServletResponse.SC_NOT_FOUND,
            "Not Found",
            "このアドレスには何もありません。",
            "Nothing is published at " + request.getRequestURI() + "."));
  }
}
