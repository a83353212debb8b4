package org.w3id.tonet.sparql;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops queries from outside their own thread, without ever waiting for them. A query's deadline
 * raises its cancel flag on a thread that does nothing else: ARQ's own time-out cannot be relied
 * on, since it waits for a lock that ARQ holds while it builds the plan, and some plans do all
 * their work while being built ({@code OFFSET} over a cross product skips its rows there). ARQ's
 * abort, which takes that lock too, runs on a second thread, so that whoever stops a query (a
 * deadline, a client that left, the scheduler making room) never waits for it.
 *
 * <pre>
 * ScheduledFuture&lt;?&gt; alarm = QueryAlarms.deadline(budget); // budget.stop(timeout) when it is due
 * try { … run … } finally { alarm.cancel(false); }
 * </pre>
 */
final class QueryAlarms {

  private static final ScheduledExecutorService DEADLINES = daemon("tonet-query-deadlines");
  private static final ScheduledExecutorService ABORTS = daemon("tonet-query-aborts");

  private QueryAlarms() {}

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** Stops the query of {@code budget} with a time-out when its deadline comes. */
  static ScheduledFuture<?> deadline(QueryBudget budget) {
    return DEADLINES.schedule(
        () -> budget.stop(QueryStop.timeout(budget.limits().timeout().toMillis())),
        budget.remainingNanos(),
        TimeUnit.NANOSECONDS);
  }

  /** Runs ARQ's abort of an execution on the abort thread. */
  static void abort(Runnable abort) {
    ABORTS.execute(abort);
  }
}
