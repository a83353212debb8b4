package org.w3id.tonet.publish;

/**
 * A push that did not complete: the store could not be reached, or it answered with an error. The
 * message names the store's URL and says what went wrong and which graphs were already replaced.
 *
 * <pre>
 * try { pusher.push(graphs); } catch (PushException e) { err.println("error: " + e.getMessage()); }
 * </pre>
 */
public final class PushException extends Exception {

  /** What kind of failure it was. */
  public enum Reason {
    /** No HTTP answer at all: connection refused, unknown host, timeout. */
    UNREACHABLE,
    /** 401: credentials are missing or wrong. */
    UNAUTHORIZED,
    /** 403: the user may not write there. */
    FORBIDDEN,
    /** Any other answer that is not a success (404, 405, 5xx, a redirect …). */
    REFUSED
  }

  private final String url;
  private final Reason reason;
  private final int status;

  PushException(String url, Reason reason, int status, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
    this.reason = reason;
    this.status = status;
  }

  /** The store's Graph Store Protocol URL. */
  public String url() {
    return url;
  }

  /** What kind of failure it was. */
  public Reason reason() {
    return reason;
  }

  /** The HTTP status the store answered with, or -1 when it did not answer. */
  public int status() {
    return status;
  }
}
