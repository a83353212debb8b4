package org.w3id.tonet.sparql;

import org.apache.jena.query.QueryCancelledException;

/**
 * Thrown inside the query engine when a query goes over a limit or runs out of time. It is a {@link
 * QueryCancelledException}, so every operator of ARQ lets it through (a FILTER swallows other
 * exceptions and goes on).
 *
 * <pre>
 * throw new QueryStoppedException(QueryStop.limit("a string of more than 1 Mi characters"));
 * </pre>
 */
public final class QueryStoppedException extends QueryCancelledException {

  private static final long serialVersionUID = 1L;

  private final transient QueryStop stop;

  public QueryStoppedException(QueryStop stop) {
    this.stop = stop;
  }

  /** Why. */
  public QueryStop stop() {
    return stop;
  }

  @Override
  public String getMessage() {
    return stop.message();
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    // Control flow, not a fault: no stack trace to fill (it is made per stop, and may be many).
    return this;
  }
}
