package org.w3id.tonet.server.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.server.http.ClientAddress;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.QueryBudget;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.sparql.QueryStop;
import org.w3id.tonet.sparql.ServiceAllowList;

/**
 * Runs the endpoint's queries: each on the {@link QueryScheduler}'s threads within a {@link
 * QueryBudget}, stopped when its client goes away; a request for a query already running waits for
 * that run's answer instead of running it again, when its own time limit is no longer than the
 * run's (a run stopped at another client's shorter limit would give it a time-out it would not get
 * alone).
 *
 * <pre>
 * QueryRuns runs = new QueryRuns(limits, scheduler, services, clients);
 * runs.run(new QueryRuns.Asker(request, failure), new QueryRuns.Asked(site, query, formats, timeout),
 *     key, answer -&gt; …);
 * </pre>
 */
final class QueryRuns {

  /** How long a refusal of the scheduler's (429, or 503 when busy) waits before it is sent. */
  static final Duration TOO_MANY_PAUSE = Duration.ofSeconds(1);

  private final QueryLimits limits;
  private final QueryScheduler scheduler;
  private final ServiceAllowList services;
  private final ClientAddress clients;
  private volatile Endpoint endpoint;

  QueryRuns(
      QueryLimits limits,
      QueryScheduler scheduler,
      ServiceAllowList services,
      ClientAddress clients) {
    this.limits = limits;
    this.scheduler = scheduler;
    this.services = services;
    this.clients = clients;
  }

  /** How a failure is told to the client that asked. */
  interface Failure {
    void fail(int status, String message, int retryAfterSeconds);
  }

  /** Who asks: the request (its client, its scheduler, its going away) and how it is failed. */
  record Asker(Request request, Failure failure) {
    void fail(int status, String message, int retryAfterSeconds) {
      failure.fail(status, message, retryAfterSeconds);
    }
  }

  /**
   * What a request asks to run: the query, on which publication, in which formats, how long (its
   * time limit, and the {@link System#nanoTime()} it ends at: a request that waited for another's
   * run and then runs the query itself has what is left of its time, not its time again).
   */
  record Asked(
      Site site,
      QueryRunner.Request query,
      QueryRunner.Formats formats,
      Duration timeout,
      long deadline) {}

  /** The runner of one published site. */
  private record Endpoint(Site site, QueryRunner runner) {}

  private QueryRunner runner(Site site) {
    Endpoint e = endpoint;
    if (e == null || e.site() != site) {
      e =
          new Endpoint(
              site,
              site.isUnfinished()
                  ? QueryRunner.unfinished(site.dataset(), services, site.base())
                  : new QueryRunner(site.dataset(), services, site.base()));
      endpoint = e;
    }
    return e.runner();
  }

  /** Requests waiting for another's run of the same query now. */
  int following() {
    return flights.values().stream().mapToInt(Flight::following).sum();
  }

  /**
   * Runs what {@code x} asks, or waits for a run of the same {@code key} already going, and gives
   * the outcome to {@code reply}.
   */
  void run(Asker x, Asked asked, String key, Consumer<Answer> reply) {
    Duration timeout = asked.timeout();
    // The same request already running: wait for its answer instead of running it again (a
    // portal's page asking many users' browsers for one query at once costs one query). Only a run
    // that may take at least as long as this request may is shared: one stopped by a shorter time
    // limit than this client's would give it a time-out it would not get alone.
    Flight mine = new Flight(timeout);
    Flight running = flights.putIfAbsent(key, mine);
    if (running == null) {
      schedule(x, asked, reply, mine, key);
    } else if (timeout.compareTo(running.timeout) > 0) {
      // This one may run longer: it runs on its own, and those who come next follow it.
      schedule(x, asked, reply, flights.replace(key, running, mine) ? mine : null, key);
    } else {
      Follower follower = new Follower(reply, () -> schedule(x, asked, reply, null, null), timeout);
      if (running.follow(follower)) {
        // Its own time limit still holds: the shared run may go on longer than this client wants.
        x.request()
            .getComponents()
            .getScheduler()
            .schedule(
                follower::timedOut,
                Math.max(0, asked.deadline() - System.nanoTime()),
                TimeUnit.NANOSECONDS);
      } else {
        follower.retry.run(); // it ended as we came: run it ourselves
      }
    }
  }

  /** A request waiting for another's run of the same query. */
  private static final class Follower {
    private final Consumer<Answer> reply;
    private final Runnable retry;
    private final Duration timeout;
    private final AtomicBoolean done = new AtomicBoolean();

    Follower(Consumer<Answer> reply, Runnable retry, Duration timeout) {
      this.reply = reply;
      this.retry = retry;
      this.timeout = timeout;
    }

    /** The run's outcome; a time-out is said with this client's own limit, as alone. */
    void landed(Answer answer, boolean timedOut) {
      if (timedOut) {
        timedOut();
      } else if (done.compareAndSet(false, true)) {
        reply.accept(answer);
      }
    }

    /** This client's own time limit is up (before the shared run ended, or with it). */
    void timedOut() {
      if (done.compareAndSet(false, true)) {
        QueryStop stop = QueryStop.timeout(timeout.toMillis());
        reply.accept(Answer.failed(stop.status(), stop.message(), 0, timeout.toMillis()));
      }
    }

    void turnedBack() {
      if (done.compareAndSet(false, true)) {
        retry.run();
      }
    }
  }

  /**
   * Requests waiting for the same query, whose time limits are no longer than the run's: they get
   * its answer, or (when the scheduler refused the one that ran it, for its own client's share, or
   * its client went away) go and ask on their own.
   */
  private static final class Flight {
    final Duration timeout;
    private final List<Follower> followers = new ArrayList<>();
    private boolean ended;

    Flight(Duration timeout) {
      this.timeout = timeout;
    }

    /** Waits for this flight's outcome; false when it has ended already. */
    synchronized boolean follow(Follower follower) {
      if (ended) {
        return false;
      }
      followers.add(follower);
      return true;
    }

    /** The query ran: every follower gets its outcome. */
    void landed(Answer answer, boolean timedOut) {
      for (Follower f : end()) {
        f.landed(answer, timedOut);
      }
    }

    /** The query was refused for its own client: every follower asks on its own. */
    void turnedBack() {
      for (Follower f : end()) {
        f.turnedBack();
      }
    }

    synchronized int following() {
      return ended ? 0 : followers.size();
    }

    private synchronized List<Follower> end() {
      ended = true;
      return new ArrayList<>(followers);
    }
  }

  private final java.util.concurrent.ConcurrentHashMap<String, Flight> flights =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Runs a query through the scheduler and replies; {@code flight} (with its {@code key}), when
   * given, is told the outcome for the requests that wait for the same query.
   */
  private void schedule(Asker x, Asked asked, Consumer<Answer> reply, Flight flight, String key) {
    long deadline = asked.deadline();
    QueryBudget budget = new QueryBudget(limits.withTimeout(asked.timeout()), deadline);
    // A client that goes away stops its query.
    x.request()
        .addFailureListener(
            failure ->
                budget.stop(new QueryStop(QueryStop.Kind.CANCELLED, "the client went away")));
    QueryRunner runner = runner(asked.site());
    // The outcome is delivered once: by the query, or, when it overran its stop, in its stead.
    AtomicBoolean delivered = new AtomicBoolean();
    Consumer<Answer> outcome =
        answer -> {
          if (!delivered.compareAndSet(false, true)) {
            return;
          }
          if (flight != null) {
            flights.remove(key, flight);
            QueryStop stop = budget.stopped();
            if (!answer.ok() && stop != null && forItsClient(stop)) {
              flight.turnedBack(); // the others ask for themselves, each as the client it is
            } else {
              flight.landed(answer, !answer.ok() && (budget.expired() || isTimeout(stop)));
            }
          }
          reply.accept(answer);
        };
    // Whether the scheduler is deciding now, on this thread: a refusal then is immediate.
    AtomicBoolean submitting = new AtomicBoolean(true);
    scheduler.submit(
        clients.of(x.request()),
        deadline,
        new QueryScheduler.Job() {
          @Override
          public Runnable run() {
            Answer answer = runner.run(asked.query(), asked.formats(), budget);
            return () -> outcome.accept(answer);
          }

          @Override
          public void rejected(int status, String message, int retryAfterSeconds) {
            if (flight != null) {
              flights.remove(key, flight);
              flight.turnedBack();
            }
            if (submitting.get()) {
              // A client refused at once is told so after a pause, without a thread: one that
              // asks again as soon as it is refused, on many connections, then costs the server
              // little.
              x.request()
                  .getComponents()
                  .getScheduler()
                  .schedule(
                      () -> x.fail(status, message, retryAfterSeconds),
                      TOO_MANY_PAUSE.toMillis(),
                      TimeUnit.MILLISECONDS);
            } else {
              x.fail(status, message, retryAfterSeconds);
            }
          }

          @Override
          public void stop(QueryStop why) {
            budget.stop(why);
          }

          @Override
          public void overdue() {
            QueryStop why = budget.stopped();
            if (why == null || why.kind() == QueryStop.Kind.CANCELLED) {
              why = QueryStop.timeout(asked.timeout().toMillis());
            }
            outcome.accept(
                Answer.failed(
                    why.status(), why.message(), why.retryAfterSeconds(), budget.elapsedMillis()));
          }
        });
    submitting.set(false);
  }

  /**
   * Whether a run was stopped for its own client, not for the query: its client went away, or had
   * used the endpoint most while others waited (stopped to make room). Those waiting for the same
   * run would not have been stopped so alone; they run it for themselves, and the scheduler judges
   * each by its own client's use.
   */
  private static boolean forItsClient(QueryStop stop) {
    return stop.kind() == QueryStop.Kind.CANCELLED || stop.kind() == QueryStop.Kind.PREEMPTED;
  }

  private static boolean isTimeout(QueryStop stop) {
    return stop != null && stop.kind() == QueryStop.Kind.TIMEOUT;
  }
}
