package org.w3id.tonet.server.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.Negotiation;

/**
 * Answers a repeated GET for a page, a /data/ document, the ontology or the description with the
 * bytes sent the first time, as a static file server would: the site cannot change while it is
 * served, so what the pages' servlets answered once for a path, a representation (the format and
 * the name it is sent under, as the Accept header selects it: {@link Negotiation}) and gzip or not
 * is the answer — whatever query string a cache-buster adds (no page reads one) and however the
 * client spells its Accept and Accept-Encoding headers. A hit never reaches the servlets;
 * If-None-Match on a hit gives 304. Only successful answers and redirects are kept (bounded in
 * bytes, least recently used out), and not one that was shaped by its client (sent uncompressed
 * because that client had spent its share of compression: {@link #FOR_ITS_CLIENT}); the security
 * and CORS headers are the edge's, added to every response, never kept.
 *
 * <pre>
 * new ResponseCache(servletContext, () -&gt; holder.site() != null, 32 &lt;&lt; 20)
 * </pre>
 */
public final class ResponseCache extends Handler.Wrapper {

  /** The headers kept with an answer (everything else is per request). */
  private static final List<HttpHeader> KEPT =
      List.of(
          HttpHeader.CONTENT_TYPE,
          HttpHeader.CONTENT_ENCODING,
          HttpHeader.ETAG,
          HttpHeader.CACHE_CONTROL,
          HttpHeader.VARY,
          HttpHeader.LOCATION,
          HttpHeader.CONTENT_LOCATION,
          HttpHeader.LINK,
          HttpHeader.CONTENT_LANGUAGE,
          HttpHeader.CONTENT_DISPOSITION,
          HttpHeader.LAST_MODIFIED);

  /** Answers larger than this are not kept (every dump here is smaller). */
  static final int LARGEST = 1 << 20;

  /**
   * The request attribute that marks an answer made for its client alone, not to be kept for the
   * others (a page sent uncompressed to a client past its share of compression).
   */
  public static final String FOR_ITS_CLIENT = ResponseCache.class.getName() + ".forItsClient";

  private final BooleanSupplier ready;
  private final LruBytes<String, Kept> kept;

  /** How each path's answers are chosen, as its servlet said (bounded like what is kept). */
  private final Negotiations negotiations;

  /**
   * Keeps up to {@code maxBytes} of what {@code pages} answer, once {@code ready} says the site is
   * loaded (what is answered while it loads is not the site).
   */
  public ResponseCache(Handler pages, BooleanSupplier ready, long maxBytes) {
    super(pages);
    this.ready = ready;
    this.kept = new LruBytes<>(maxBytes, k -> k.body().length + k.key().length() * 2L + 256);
    this.negotiations = new Negotiations(maxBytes / 16);
  }

  /** Answers kept now (for the tests). */
  public int size() {
    return kept.size();
  }

  /** The negotiation of each path, bounded in bytes (the least recently used go first). */
  private static final class Negotiations {
    private record Of(String path, Negotiation how) {}

    private final LruBytes<String, Of> paths;

    Negotiations(long maxBytes) {
      this.paths = new LruBytes<>(maxBytes, o -> o.path().length() * 2L + 64);
    }

    Negotiation get(String path) {
      Of of = paths.get(path);
      return of == null ? null : of.how();
    }

    void put(String path, Negotiation how) {
      paths.put(path, new Of(path, how));
    }
  }

  /** An answer as it was sent. */
  private record Kept(String key, int status, List<HttpField> headers, byte[] body) {}

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    HttpFields headers = request.getHeaders();
    // No page reads a query string, so one is only ever a cache-buster: the answer is the one
    // kept for the path (made once, gzip copy included), and a new query string pushes nothing
    // out. Conditions on dates and ranges are the servlets' to answer. Fuseki's own paths
    // (/$/metrics) change while the server runs.
    if (!(method.equals("GET") || method.equals("HEAD"))
        || path.startsWith("/$/")
        || !ready.getAsBoolean()
        || headers.contains(HttpHeader.IF_MODIFIED_SINCE)
        || headers.contains(HttpHeader.IF_UNMODIFIED_SINCE)
        || headers.contains(HttpHeader.IF_MATCH)
        || headers.contains(HttpHeader.RANGE)) {
      return super.handle(request, response, callback);
    }
    // The answer depends on the path, on the representation chosen for it (as its servlet said it
    // chooses: Negotiation) and on whether gzip is taken, and on nothing else: however many ways a
    // client writes those headers, a path has one answer per representation, made once.
    Conneg.Choices choices = Conneg.Choices.of(headers.get(HttpHeader.ACCEPT));
    Negotiation known = negotiations.get(path);
    Kept hit = known == null ? null : kept.get(key(path, known, headers, choices));
    if (hit != null) {
      send(hit, request, response, callback, method.equals("HEAD"));
      return true;
    }
    if (method.equals("HEAD") || headers.contains(HttpHeader.IF_NONE_MATCH)) {
      return super.handle(request, response, callback);
    }
    Capture capture = new Capture(request, response);
    return super.handle(
        request,
        capture,
        Callback.from(
            () -> {
              int status = capture.getStatus();
              if ((status == 200 || status == 303)
                  && capture.body != null
                  && request.getAttribute(FOR_ITS_CLIENT) == null) {
                Negotiation how =
                    request.getAttribute(Negotiation.ATTRIBUTE) instanceof Negotiation declared
                        ? declared
                        : Negotiation.UNDECLARED;
                negotiations.put(path, how);
                String key = key(path, how, headers, choices);
                List<HttpField> keep = new ArrayList<>();
                for (HttpHeader h : KEPT) {
                  HttpField f = response.getHeaders().getField(h);
                  if (f != null) {
                    keep.add(f);
                  }
                }
                kept.put(key, new Kept(key, status, keep, capture.body.toByteArray()));
              }
              callback.succeeded();
            },
            callback::failed));
  }

  /**
   * What an answer is kept under: the representation chosen and whether gzip is taken, read as the
   * servlets read them (the first Accept and Accept-Encoding header); the headers as they are
   * written, every one, for an answer that did not say how it chose.
   */
  private static String key(
      String path, Negotiation how, HttpFields headers, Conneg.Choices choices) {
    if (how.kind() == Negotiation.Kind.UNDECLARED) {
      return path
          + "\n?"
          + String.join(", ", headers.getValuesList(HttpHeader.ACCEPT))
          + "\n"
          + String.join(", ", headers.getValuesList(HttpHeader.ACCEPT_ENCODING));
    }
    boolean gzip = HttpCaching.acceptsGzip(headers.get(HttpHeader.ACCEPT_ENCODING));
    return path + "\n" + how.representation(choices) + (gzip ? "\ngzip" : "\n");
  }

  private static void send(
      Kept hit, Request request, Response response, Callback callback, boolean head) {
    HttpFields.Mutable out = response.getHeaders();
    for (HttpField f : hit.headers()) {
      out.put(f);
    }
    String etag = out.get(HttpHeader.ETAG);
    if (etag != null
        && HttpCaching.matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), etag)) {
      out.remove(HttpHeader.CONTENT_TYPE);
      response.setStatus(304);
      response.write(true, null, callback);
      return;
    }
    response.setStatus(hit.status());
    out.put(HttpHeader.CONTENT_LENGTH, hit.body().length);
    response.write(true, head ? null : ByteBuffer.wrap(hit.body()), callback);
  }

  /** Passes an answer on and keeps a copy of its bytes (none once it grows past the largest). */
  private static final class Capture extends Response.Wrapper {
    ByteArrayOutputStream body = new ByteArrayOutputStream();

    Capture(Request request, Response response) {
      super(request, response);
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
      if (body != null && content != null && content.hasRemaining()) {
        if (body.size() + content.remaining() > LARGEST) {
          body = null;
        } else {
          ByteBuffer copy = content.slice();
          byte[] bytes = new byte[copy.remaining()];
          copy.get(bytes);
          body.write(bytes, 0, bytes.length);
        }
      }
      super.write(last, content, callback);
    }
  }
}
