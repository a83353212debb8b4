package org.w3id.tonet.server.site;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.server.cache.HttpCaching;
import org.w3id.tonet.server.cache.ResponseCache;
import org.w3id.tonet.server.http.AsyncBody;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.Negotiation;

/**
 * What every servlet of ours shares: the site, its links and pages, and the answers they send.
 *
 * <pre>
 * class LandingServlet extends SiteServlet { … sendHtml(response, 200, html); }
 * </pre>
 */
public abstract class SiteServlet extends HttpServlet {

  private final transient SiteHolder holder;

  protected SiteServlet(SiteHolder holder) {
    this.holder = holder;
  }

  protected Site site() {
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
    // A servlet that reads the Accept header says how (negotiate); one that does not answers the
    // same whatever it says.
    request.setAttribute(Negotiation.ATTRIBUTE, Negotiation.NONE);
    // The servlet writes into memory; the body then goes out without holding this thread.
    AsyncBody body = new AsyncBody(response);
    super.service(request, body.response());
    validators(request, response, body);
    body.send(request);
  }

  /**
   * Makes a GET's answer cacheable: what a servlet answers cannot change while this publication is
   * served, so its ETag is derived from the publication's tag and the request (path and the
   * representation chosen); a request that names it gets 304 without the body. A client that takes
   * gzip gets a compressed copy, made once and kept (within its share of compression when none is
   * kept). A servlet that sets its own ETag (the dumps) is left as it is.
   */
  private void validators(
      HttpServletRequest request, HttpServletResponse response, AsyncBody body) {
    String method = request.getMethod();
    int status = response.getStatus();
    if (!(method.equals("GET") || method.equals("HEAD"))) {
      return;
    }
    if (status == 303 || status == 302) {
      if (response.getHeader("Cache-Control") == null) {
        response.setHeader("Cache-Control", HttpCaching.cacheControl(holder.maxAge()));
      }
      return;
    }
    if (status != 200 || response.getHeader("ETag") != null) {
      return;
    }
    // No page reads its query string: what is asked with one is the same representation, with
    // the same ETag, and its gzip copy is the one kept for it.
    String contentType = response.getContentType();
    String etag = HttpCaching.etag(site().tag(), request.getRequestURI() + " " + contentType);
    if (response.getHeader("Cache-Control") == null) {
      response.setHeader("Cache-Control", HttpCaching.cacheControl(holder.maxAge()));
    }
    String vary = response.getHeader("Vary");
    response.setHeader("Vary", vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
    boolean gzip =
        HttpCaching.acceptsGzip(request.getHeader("Accept-Encoding"))
            && HttpCaching.compressible(contentType)
            && response.getHeader("Content-Encoding") == null
            && method.equals("GET")
            && body.size() >= HttpCaching.GZIP_MIN;
    byte[] compressed = null;
    if (gzip
        && !HttpCaching.matches(request.getHeader("If-None-Match"), HttpCaching.gzipped(etag))) {
      compressed = holder.gzipped().get(HttpCaching.gzipped(etag));
      if (compressed == null) {
        // Made for this request: the client's share of compression pays for it, or it goes
        // uncompressed.
        compressed = holder.compression().gzip(request, body.bytes());
        if (compressed != null) {
          holder.gzipped().put(HttpCaching.gzipped(etag), compressed);
        } else {
          // Uncompressed for this client alone: others who take gzip get it compressed.
          request.setAttribute(ResponseCache.FOR_ITS_CLIENT, Boolean.TRUE);
        }
      }
      gzip = compressed != null;
    }
    String sent = gzip ? HttpCaching.gzipped(etag) : etag;
    response.setHeader("ETag", sent);
    if (HttpCaching.matches(request.getHeader("If-None-Match"), sent)) {
      body.replace(new byte[0]);
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      response.setHeader("Content-Length", null);
      response.setContentLength(-1);
      return;
    }
    if (gzip) {
      body.replace(compressed);
      response.setHeader("Content-Encoding", "gzip");
      response.setContentLength(compressed.length);
    }
  }

  protected Links links() {
    return holder.links();
  }

  /** The holder of the published site. */
  protected SiteHolder holder() {
    return holder;
  }

  /** How long others may keep what is served. */
  protected java.time.Duration maxAge() {
    return holder.maxAge();
  }

  /** The three named graphs by name, for TriG and N-Quads. */
  protected Map<String, Graph> namedGraphs() {
    Map<String, Graph> graphs = new LinkedHashMap<>();
    site().namedGraphs().forEach((name, model) -> graphs.put(name, model.getGraph()));
    return graphs;
  }

  protected Pages pages() {
    return holder.pages();
  }

  /**
   * The format to answer in, chosen as {@code how} says from what the request's Accept header
   * selects, with the Content-Type to send it under; empty when the client accepts none (406). This
   * is how a servlet reads the Accept header (nothing else it answers may depend on it): the edge
   * cache is told {@code how}, and keeps one answer per representation for the path.
   */
  protected static Optional<Negotiation.Chosen> negotiate(
      HttpServletRequest request, Negotiation how) {
    request.setAttribute(Negotiation.ATTRIBUTE, how);
    return how.choose(choices(request));
  }

  private static Conneg.Choices choices(HttpServletRequest request) {
    return Conneg.Choices.of(request.getHeader("Accept"));
  }

  protected static void send(
      HttpServletResponse response, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  protected static void sendHtml(HttpServletResponse response, int status, String html)
      throws IOException {
    send(response, status, "text/html; charset=utf-8", html);
  }

  /** Record of an error page's wording. */
  public record ErrorPage(int status, String heading, String message, String messageEn) {

    /** The page's meta description: what went wrong, in Japanese and English. */
    public String metaDescription() {
      return Pages.description(message, messageEn);
    }
  }

  /** An HTML error page (or plain text to clients that do not take HTML). */
  protected void sendError(
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
    if (pages != null && choices(request).html()) {
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
  protected void notFound(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
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
