package org.w3id.tonet.sparql;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one running query has left: its deadline and its memory allowance. The bounded engine
 * ({@link BoundedEngine}) checks it where ARQ would not (inside property paths, regular
 * expressions, string functions, rows kept for sorting and joins), and any thread may stop the
 * query through it.
 *
 * <pre>
 * QueryBudget budget = new QueryBudget(limits, System.nanoTime() + limits.timeout().toNanos());
 * budget.charge(64, "ORDER BY");     // throws QueryStoppedException once over the allowance
 * budget.check();                    // throws once the deadline has passed or the query is stopped
 * budget.stop(QueryStop.cancelled()); // from another thread
 * </pre>
 */
public final class QueryBudget {

  /** The budget's key in a query's ARQ context. */
  public static final Symbol SYMBOL = Symbol.create("https://w3id.org/tonet/ontology#queryBudget");

  private final QueryLimits limits;
  private final long deadlineNanos;
  private final AtomicBoolean cancel = new AtomicBoolean();
  private final AtomicLong held = new AtomicLong();
  private final AtomicReference<QueryStop> stop = new AtomicReference<>();
  private final AtomicReference<Runnable> onStop = new AtomicReference<>();
  private final long startNanos = System.nanoTime();

  /** A budget ending at {@code deadlineNanos} (a {@link System#nanoTime()} value). */
  public QueryBudget(QueryLimits limits, long deadlineNanos) {
    this.limits = limits;
    this.deadlineNanos = deadlineNanos;
  }

  /** The budget of the query whose context this is, or null when it runs without one. */
  public static QueryBudget of(Context context) {
    return context == null ? null : context.get(SYMBOL);
  }

  /** The limits it applies. */
  public QueryLimits limits() {
    return limits;
  }

  /** The flag ARQ's iterators watch: set when the query must stop. */
  public AtomicBoolean cancelSignal() {
    return cancel;
  }

  /** Milliseconds left until the deadline (at least 1). */
  public long remainingMillis() {
    return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  /** Nanoseconds left until the deadline (0 once it has passed). */
  long remainingNanos() {
    return Math.max(0, deadlineNanos - System.nanoTime());
  }

  /** Whether the deadline has passed. */
  public boolean expired() {
    return System.nanoTime() - deadlineNanos >= 0;
  }

  /** Bytes charged so far. */
  public long held() {
    return held.get();
  }

  /** Milliseconds since the budget was made. */
  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /**
   * Throws when the query must stop: it was stopped, or its deadline has passed. Cheap enough to
   * call every few thousand steps.
   */
  public void check() {
    if (cancel.get()) {
      throw new QueryStoppedException(stoppedOr(QueryStop.cancelled()));
    }
    if (expired()) {
      stop(QueryStop.timeout(limits.timeout().toMillis()));
      throw new QueryStoppedException(stopped());
    }
  }

  /**
   * Counts {@code bytes} more held by the query for {@code what}, and stops it when that goes over
   * its memory allowance.
   */
  public void charge(long bytes, String what) {
    long now = held.addAndGet(bytes);
    if (now > limits.memoryBytes()) {
      throw over(
          QueryStop.limit(
              "the query was stopped: "
                  + what
                  + " needed more than "
                  + Sizes.bytes(limits.memoryBytes())
                  + ", the memory one query may use here; make it more selective, or add a"
                  + " LIMIT"));
    }
  }

  /** Stops the query when a function would build a string longer than the limit. */
  public void checkString(long length, String function) {
    if (length > limits.maxStringLength()) {
      throw over(
          QueryStop.limit(
              "the query was stopped: "
                  + function
                  + " would make a string of "
                  + Sizes.count(length)
                  + " characters; the most this endpoint allows is "
                  + Sizes.count(limits.maxStringLength())));
    }
  }

  /** Stops the query with {@code why} and returns the exception to throw on this thread. */
  public QueryStoppedException over(QueryStop why) {
    stop(why);
    return new QueryStoppedException(stopped());
  }

  /**
   * Stops the query: records why (the first reason wins), raises the cancel flag (ARQ's iterators
   * watch it, row by row) and has the execution aborted, from any thread and without waiting: ARQ's
   * abort waits for the plan to be built, which may be the very work being stopped.
   */
  public void stop(QueryStop why) {
    stop.compareAndSet(null, why);
    cancel.set(true);
    Runnable abort = onStop.getAndSet(null);
    if (abort != null) {
      QueryAlarms.abort(abort);
    }
  }

  /** Why the query was stopped, or null while it may run. */
  public QueryStop stopped() {
    return stop.get();
  }

  private QueryStop stoppedOr(QueryStop fallback) {
    QueryStop why = stop.get();
    return why != null ? why : fallback;
  }

  /** What {@link #stop} runs once, besides raising the flag (the execution's own abort). */
  public void onStop(Runnable abort) {
    onStop.set(abort);
    if (cancel.get()) {
      Runnable again = onStop.getAndSet(null);
      if (again != null) {
        QueryAlarms.abort(again);
      }
    }
  }
}
