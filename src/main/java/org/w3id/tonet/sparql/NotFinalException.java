package org.w3id.tonet.sparql;

import org.apache.jena.query.QueryCancelledException;

/**
 * Thrown by a graph a query reads when the query reaches triples that are still to come: the answer
 * it would give now might not be the one the finished publication gives. The query is stopped, and
 * {@link QueryRunner} says so in its {@link Answer} ({@link Answer#unfinished()}), for the endpoint
 * to run it again once the publication is finished. It is a {@link QueryCancelledException}, so
 * that no operator of ARQ's takes it for an error of one solution and goes on (a FILTER would).
 *
 * <p>It is also marked on the thread that raised it ({@link #raisedHere()}): an answer's writer may
 * catch what stops its rows and end early, and an answer so ended must never be sent.
 *
 * <pre>
 * if (mayStillCome(s, p, o)) { throw NotFinalException.raise(); }
 * </pre>
 */
public final class NotFinalException extends QueryCancelledException {

  private static final long serialVersionUID = 1L;

  private static final ThreadLocal<Boolean> RAISED = ThreadLocal.withInitial(() -> false);

  private NotFinalException() {}

  /** The exception to throw, marked on this thread. */
  public static NotFinalException raise() {
    RAISED.set(true);
    return new NotFinalException();
  }

  /** Whether one was raised on this thread since {@link #forget()}. */
  static boolean raisedHere() {
    return RAISED.get();
  }

  /** Forgets what was raised on this thread: before each query. */
  static void forget() {
    RAISED.set(false);
  }

  @Override
  public String getMessage() {
    return "the query reads what the publication does not hold yet";
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    // Control flow, not a fault.
    return this;
  }
}
