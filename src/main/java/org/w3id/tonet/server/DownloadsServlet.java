package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.w3id.tonet.publish.Dump;
import org.w3id.tonet.publish.Exporter;

/**
 * {@code /downloads/…}: the dump files, made in memory at start-up, with Content-Type,
 * Content-Length, ETag and Last-Modified; {@code If-None-Match} and {@code If-Modified-Since} give
 * 304; clients that accept gzip get the gzip copy with Content-Encoding. Only the files of the dump
 * exist here, so no path can reach anything else.
 *
 * <pre>
 * GET /downloads/tonet.ttl  Accept-Encoding: gzip → 200, Content-Encoding: gzip
 * </pre>
 */
final class DownloadsServlet extends SiteServlet {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final Map<String, String> TYPES =
      Map.of(
          ".ttl", "text/turtle; charset=utf-8",
          ".nt", "application/n-triples; charset=utf-8",
          ".jsonld", "application/ld+json; charset=utf-8",
          ".rdf", "application/rdf+xml; charset=utf-8",
          ".trig", "application/trig; charset=utf-8",
          ".gz", "application/gzip",
          ".csv", "text/csv; charset=utf-8",
          ".json", "application/csvm+json; charset=utf-8");

  /** The SHA-256 of each file, computed once: the files do not change while the server runs. */
  private final transient java.util.Map<String, String> digests =
      new java.util.concurrent.ConcurrentHashMap<>();

  DownloadsServlet(SiteHolder holder) {
    super(holder);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    if (path.equals("/")) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", links().home() + "#downloads");
      return;
    }
    String name = path.substring(1);
    byte[] plain = site().files().get(name);
    if (plain == null) {
      notFound(request, response);
      return;
    }
    byte[] gzip = site().files().get(name + ".gz");
    boolean compressed =
        gzip != null && HttpCaching.acceptsGzip(request.getHeader("Accept-Encoding"));
    byte[] body = compressed ? gzip : plain;
    String etag =
        "\""
            + digests.computeIfAbsent(name, n -> Exporter.sha256(plain))
            + (compressed ? "-gzip" : "")
            + "\"";
    String lastModified = HTTP_DATE.format(site().published().truncatedTo(ChronoUnit.SECONDS));
    response.setHeader("ETag", etag);
    response.setHeader("Last-Modified", lastModified);
    response.setHeader("Cache-Control", HttpCaching.cacheControl(maxAge()));
    if (gzip != null) {
      response.setHeader("Vary", "Accept-Encoding");
    }
    if (notModified(request, etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(type(name));
    if (compressed) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentLengthLong(body.length);
    if (!request.getMethod().equals("HEAD")) {
      response.getOutputStream().write(body);
    }
  }

  private boolean notModified(HttpServletRequest request, String etag) {
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null) {
      for (String candidate : ifNoneMatch.split(",")) {
        String c = candidate.strip().replaceFirst("^W/", "");
        if (c.equals(etag) || c.equals("*")) {
          return true;
        }
      }
      return false;
    }
    long since;
    try {
      since = request.getDateHeader("If-Modified-Since");
    } catch (IllegalArgumentException e) {
      return false; // a date that cannot be read is ignored (RFC 9110, 13.1.3)
    }
    return since >= 0 && site().published().truncatedTo(ChronoUnit.SECONDS).toEpochMilli() <= since;
  }

  private static String type(String name) {
    if (name.equals(Dump.SHA256SUMS)) {
      return "text/plain; charset=utf-8";
    }
    int dot = name.lastIndexOf('.');
    return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot), "application/octet-stream");
  }
}
