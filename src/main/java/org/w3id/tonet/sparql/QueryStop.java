package org.w3id.tonet.sparql;

/**
 * Why a running query was stopped before it finished, and what to tell its client.
 *
 * <pre>
 * QueryStop stop = QueryStop.timeout(Duration.ofSeconds(10));
 * stop.status(); // 503
 * </pre>
 *
 * @param kind what stopped it
 * @param message a short sentence for the client: what happened and what to do
 */
public record QueryStop(Kind kind, String message) {

  /** What stopped a query. */
  public enum Kind {
    /** It ran out of time (--query-timeout). */
    TIMEOUT,
    /** It asked for more than a limit allows (memory, string length, path steps). */
    LIMIT,
    /** It tried what this endpoint does not do (a SERVICE call not allowed). */
    REFUSED,
    /** The server needed the memory back. */
    SHORT_OF_MEMORY,
    /** Every query thread was busy, and clients that had used the endpoint less were waiting. */
    PREEMPTED,
    /** Its client went away, or the server is stopping. */
    CANCELLED
  }

  /** The HTTP status to answer with. */
  public int status() {
    return switch (kind) {
      case LIMIT -> 400;
      case REFUSED -> 403;
      case TIMEOUT, SHORT_OF_MEMORY, PREEMPTED, CANCELLED -> 503;
    };
  }

  /** Seconds after which trying again may help, or 0 when it will not. */
  public int retryAfterSeconds() {
    return kind == Kind.SHORT_OF_MEMORY || kind == Kind.PREEMPTED ? 5 : 0;
  }

  /** Stopped at its time limit of {@code millis}. */
  public static QueryStop timeout(long millis) {
    return new QueryStop(
        Kind.TIMEOUT,
        "the query timed out: it was stopped after "
            + Sizes.seconds(millis)
            + ", the time limit of this endpoint; make it more selective, or add a LIMIT");
  }

  static QueryStop limit(String message) {
    return new QueryStop(Kind.LIMIT, message);
  }

  static QueryStop refused(String message) {
    return new QueryStop(Kind.REFUSED, message);
  }

  static QueryStop shortOfMemory() {
    return new QueryStop(
        Kind.SHORT_OF_MEMORY,
        "the query was stopped: the server is short of memory; try again in a moment");
  }

  /**
   * Stopped after {@code millis} to free its thread for clients that have used the endpoint less.
   */
  static QueryStop preempted(long millis) {
    return new QueryStop(
        Kind.PREEMPTED,
        "the query was stopped after "
            + Sizes.seconds(millis)
            + ": every query thread was busy and clients that have used this endpoint less were"
            + " waiting; try again in a moment");
  }

  static QueryStop cancelled() {
    return new QueryStop(Kind.CANCELLED, "the query was cancelled");
  }
}
