package org.w3id.tonet.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers written straight to Jetty's core response, for the handlers that run before any servlet
 * (the edge, the SPARQL endpoint): a body made in memory, sent in one write without blocking, or a
 * refusal as one line of plain text that is never kept.
 *
 * <pre>
 * Replies.error(response, callback, head, 405, "this endpoint is read-only", 0);
 * Replies.write(response, callback, head, 200, "text/turtle; charset=utf-8", bytes);
 * </pre>
 */
public final class Replies {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private Replies() {}

  /**
   * A refusal: "status message" as plain text, not to be kept, with Retry-After when {@code
   * retryAfterSeconds} is more than 0.
   */
  public static void error(
      Response response,
      Callback callback,
      boolean head,
      int status,
      String message,
      int retryAfterSeconds) {
    if (retryAfterSeconds > 0) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    write(
        response,
        callback,
        head,
        status,
        "text/plain; charset=utf-8",
        (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A whole body, with its type and length (none of it for a HEAD request). */
  public static void write(
      Response response,
      Callback callback,
      boolean head,
      int status,
      String contentType,
      byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, head ? EMPTY : ByteBuffer.wrap(body), callback);
  }

  /** An answer without a body (304, 204), its headers set by the caller. */
  public static void empty(Response response, Callback callback) {
    response.write(true, EMPTY, callback);
  }
}
