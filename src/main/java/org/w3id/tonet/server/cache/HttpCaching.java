package org.w3id.tonet.server.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.w3id.tonet.publish.Exporter;
import org.w3id.tonet.publish.Site;

/**
 * HTTP caching for an immutable dataset: what the server sends cannot change while it runs, so
 * every answer to the same request is the same bytes. An answer's strong ETag is derived from the
 * publication's tag ({@link Site#tag()}: the program build and every dump) and the request's key
 * (what was asked, in which representation), so a client or cache that holds an ETag gets 304
 * without the answer being made again; Cache-Control lets browsers, proxies and CDNs keep answers
 * for {@code --max-age} and serve them stale while they revalidate. Compressed copies are made once
 * and kept.
 *
 * <pre>
 * String etag = HttpCaching.etag(site.tag(), "GET /page/org/council text/html");
 * if (HttpCaching.matches(request.getHeader("If-None-Match"), etag)) { … 304 … }
 * </pre>
 */
public final class HttpCaching {

  /** Bodies smaller than this are sent as they are (compression would gain too little). */
  public static final int GZIP_MIN = 1024;

  private HttpCaching() {}

  /** The strong ETag of a representation: the publication's tag and a digest of the key. */
  public static String etag(String tag, String key) {
    return "\""
        + tag
        + "-"
        + Exporter.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16)
        + "\"";
  }

  /** The ETag of a representation's gzip copy (strong ETags differ per content coding). */
  public static String gzipped(String etag) {
    return etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  /** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks). */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals(etag) || c.equals("*")) {
        return true;
      }
    }
    return false;
  }

  /** Cache-Control for what may be kept: public, for max-age, served stale while revalidated. */
  public static String cacheControl(Duration maxAge) {
    long s = maxAge.toSeconds();
    return "public, max-age=" + s + ", stale-while-revalidate=" + s;
  }

  /** Whether a client takes gzip (Accept-Encoding names it or *, without q=0). */
  public static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.strip().split(";");
      String name = parts[0].strip();
      if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
        for (int i = 1; i < parts.length; i++) {
          String p = parts[i].replace(" ", "");
          if (p.equalsIgnoreCase("q=0") || p.matches("(?i)q=0(\\.0+)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Whether a content type is text worth compressing. */
  public static boolean compressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    String t = contentType.toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("text/")
        || t.contains("json")
        || t.contains("xml")
        || t.contains("javascript")
        || t.contains("turtle")
        || t.contains("n-triples")
        || t.contains("trig")
        || t.contains("n-quads")
        || t.contains("svg");
  }

  /** The gzip of some bytes. */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
