package org.w3id.tonet.sparql;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queries on threads of their own, a few at a time, shared among clients, not among requests:
 * what decides who goes first is how much each client has used the endpoint lately (its query time
 * and its requests, fading over a minute), so a client that has not used it for a while is served
 * before those that have, however many requests they send from however many addresses.
 *
 * <ul>
 *   <li>Each client may have a few queries running or waiting, run at most half of the threads at
 *       once, and use a budget of query time that refills over a minute; beyond that it gets 429
 *       with Retry-After.
 *   <li>When every thread is busy a query waits in a short queue, from which the client that has
 *       used the endpoint least goes first. When the queue is full, a client that has used less
 *       takes the place of the newest query of the client that has used the most (503 for that
 *       one); a query that waits until its deadline gets 503.
 *   <li>When a client waits that has used the endpoint less (by more than {@value #SLICE_MILLIS}
 *       ms) than the client of a running query, and that query has run for {@value #SLICE_MILLIS}
 *       ms, the running query of the client that has used the most is stopped (503, "stopped to
 *       make room"), and its thread goes to the one waiting.
 *   <li>A query told to stop (its deadline passed, or it made room) that has not ended {@value
 *       #GRACE_MILLIS} ms later is answered anyway, and its thread no longer counts against the
 *       others (up to as many such threads as there are query threads).
 * </ul>
 *
 * Pages never run here: they are served by the web server's own threads, which queries cannot take.
 *
 * <pre>
 * QueryScheduler scheduler = new QueryScheduler(QueryScheduler.Settings.defaults());
 * scheduler.submit("203.0.113.7", deadlineNanos, job); // job.run() on a query thread, or job.rejected(…)
 * scheduler.close();
 * </pre>
 */
public final class QueryScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryScheduler.class);

  /** Clients remembered at most (each is a few numbers); beyond it new clients wait their turn. */
  static final int MAX_CLIENTS = 100_000;

  /**
   * What one request adds to its client's recent use, as milliseconds of query time: a client that
   * sends many requests has used the endpoint, even when each was refused.
   */
  static final double REQUEST_MILLIS = 10;

  /** How slowly recent use fades: the time constant of its decay, a minute. */
  static final double FADE_MILLIS = 60_000;

  /**
   * How long a query runs before it may be stopped for a client that has used the endpoint less,
   * and by how much less that client must have used it.
   */
  public static final long SLICE_MILLIS = 1_000;

  /** How long a query told to stop may take to end before its client is answered anyway. */
  public static final long GRACE_MILLIS = 1_000;

  /** How often the waiting clients are compared with the running ones. */
  static final long TICK_MILLIS = 100;

  /**
   * How the endpoint's query threads are shared.
   *
   * @param slots how many queries run at once
   * @param queueLength how many may wait for a slot
   * @param clientQueries how many one client may have running or waiting
   * @param clientTimePerMinute how much query time one client may use in a minute
   */
  public record Settings(
      int slots, int queueLength, int clientQueries, Duration clientTimePerMinute) {

    public Settings {
      if (slots < 1) {
        throw new IllegalArgumentException("--query-threads must be at least 1");
      }
      if (queueLength < 0) {
        throw new IllegalArgumentException("--query-queue must be 0 or more");
      }
      if (clientQueries < 1) {
        throw new IllegalArgumentException("--client-queries must be at least 1");
      }
      if (clientTimePerMinute.isNegative() || clientTimePerMinute.isZero()) {
        throw new IllegalArgumentException("--client-query-time must be more than 0 seconds");
      }
    }

    /**
     * The defaults: one slot per core, a queue of twice the slots, 5 queries per client and 60 s of
     * query time per client per minute.
     */
    public static Settings defaults() {
      int cores = Runtime.getRuntime().availableProcessors();
      return new Settings(cores, 2 * cores, 5, Duration.ofSeconds(60));
    }

    /** The most slots one client runs at once: half of them, at least one. */
    public int clientSlots() {
      return Math.max(1, slots / 2);
    }
  }

  /** A query to run, or to refuse. */
  public interface Job {
    /**
     * Runs the query (on a query thread) and returns what sends its answer, which runs once the
     * query's slot is free again: a client that asks again as soon as it has its answer finds its
     * share free.
     */
    Runnable run();

    /**
     * Refuses it: {@code status} 429 or 503, a message, and seconds to wait before trying again.
     */
    void rejected(int status, String message, int retryAfterSeconds);

    /** Tells the running query to stop, for {@code why}; {@link #run()} then returns soon. */
    void stop(QueryStop why);

    /**
     * The query was told to stop (or its deadline passed) {@value #GRACE_MILLIS} ms ago and still
     * runs: its client is to be answered now, and what {@link #run()} returns later is dropped.
     */
    void overdue();
  }

  private final Settings settings;
  private final ThreadPoolExecutor threads;
  private final ScheduledExecutorService timer;
  private final ScheduledFuture<?> tick;
  private final Map<String, Client> clients = new HashMap<>();
  private final Deque<Waiting> queue = new ArrayDeque<>();
  private final List<Running> active = new ArrayList<>();
  private int running;
  private int released;
  private long arrivals;
  private boolean closed;

  public QueryScheduler(Settings settings) {
    this.settings = settings;
    AtomicInteger n = new AtomicInteger();
    // Twice the slots: a query that does not stop when told keeps its thread, while its slot goes
    // to another query (at most as many such threads as slots).
    int most = 2 * settings.slots();
    this.threads =
        new ThreadPoolExecutor(
            most,
            most,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              // A deeper stack than the default: ARQ parses and walks queries recursively.
              Thread t = new Thread(null, r, "tonet-sparql-" + n.incrementAndGet(), 8L << 20);
              t.setDaemon(true);
              return t;
            });
    this.threads.allowCoreThreadTimeOut(true);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tonet-sparql-queue");
              t.setDaemon(true);
              return t;
            });
    this.tick =
        timer.scheduleWithFixedDelay(
            this::rebalance, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Its settings. */
  public Settings settings() {
    return settings;
  }

  /** One client's share, and what it has used. */
  private final class Client {
    final String id;
    int running;
    int waiting;
    double tokensMillis = budgetMillis();
    long refilledAt = System.nanoTime();
    double useMillis;
    long usedAt = System.nanoTime();

    Client(String id) {
      this.id = id;
    }

    void refill(long now) {
      double perNano = budgetMillis() / 60e9;
      tokensMillis = Math.min(budgetMillis(), tokensMillis + (now - refilledAt) * perNano);
      refilledAt = now;
    }

    /** Its recent use, faded to {@code now} (the time its queries run now not included). */
    double faded(long now) {
      return useMillis * Math.exp(-(now - usedAt) / 1e6 / FADE_MILLIS);
    }

    void spend(double millis, long now) {
      useMillis = faded(now) + millis;
      usedAt = now;
    }

    boolean idle(long now) {
      return running == 0
          && waiting == 0
          && tokensMillis >= budgetMillis()
          && faded(now) < REQUEST_MILLIS / 10;
    }
  }

  private double budgetMillis() {
    return settings.clientTimePerMinute().toMillis();
  }

  /**
   * How much {@code client} has used the endpoint lately, in milliseconds: its faded use, and the
   * time its queries have run so far.
   */
  private double use(Client client, long now) {
    double use = client.faded(now);
    for (Running r : active) {
      if (r.client == client) {
        use += (now - r.started) / 1e6;
      }
    }
    return use;
  }

  /** A query waiting for a slot. */
  private static final class Waiting {
    final Client client;
    final Job job;
    final long deadline;
    final long arrival;
    ScheduledFuture<?> expiry;

    Waiting(Client client, Job job, long deadline, long arrival) {
      this.client = client;
      this.job = job;
      this.deadline = deadline;
      this.arrival = arrival;
    }
  }

  /** A query on a thread. */
  private static final class Running {
    final Client client;
    final Job job;
    final long started = System.nanoTime();
    QueryStop stopping;
    boolean released;
    ScheduledFuture<?> watch;

    Running(Client client, Job job) {
      this.client = client;
      this.job = job;
    }
  }

  /**
   * Runs {@code job} for {@code client} when its turn comes, or refuses it (429 when the client is
   * over its share, 503 when the endpoint is busy or the query's {@code deadlineNanos} passes
   * before a slot is free). {@code job} is called exactly once, run or rejected.
   */
  public void submit(String client, long deadlineNanos, Job job) {
    List<Runnable> outside = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        outside.add(() -> job.rejected(503, "the server is stopping", 5));
      } else {
        admit(client, deadlineNanos, job, outside);
      }
    }
    outside.forEach(Runnable::run);
  }

  private void admit(String id, long deadlineNanos, Job job, List<Runnable> outside) {
    long now = System.nanoTime();
    Client client = clients.get(id);
    if (client == null) {
      if (clients.size() >= MAX_CLIENTS) {
        forgetIdle();
      }
      if (clients.size() >= MAX_CLIENTS) {
        outside.add(() -> job.rejected(503, "the endpoint is busy; try again in a moment", 5));
        return;
      }
      client = new Client(id);
      clients.put(id, client);
    }
    client.refill(now);
    client.spend(REQUEST_MILLIS, now);
    if (client.tokensMillis <= 0) {
      double perSecond = budgetMillis() / 60.0;
      int wait = (int) Math.max(1, Math.ceil(-client.tokensMillis / perSecond) + 1);
      outside.add(
          () ->
              job.rejected(
                  429,
                  "you have used the query time this endpoint gives one client ("
                      + Sizes.seconds(settings.clientTimePerMinute().toMillis())
                      + " a minute); try again in "
                      + wait
                      + " s",
                  wait));
      return;
    }
    if (client.running + client.waiting >= settings.clientQueries()) {
      outside.add(
          () ->
              job.rejected(
                  429,
                  "you already have "
                      + settings.clientQueries()
                      + " queries running or waiting here, the most one client may have; wait"
                      + " for one to finish",
                  1));
      return;
    }
    if (running < settings.slots() && client.running < settings.clientSlots()) {
      start(client, job, deadlineNanos, now, outside);
      return;
    }
    if (queue.size() >= settings.queueLength() && !makeRoom(client, now, outside)) {
      outside.add(() -> job.rejected(503, "the endpoint is busy; try again in a moment", 2));
      return;
    }
    Waiting waiting = new Waiting(client, job, deadlineNanos, arrivals++);
    client.waiting++;
    queue.addLast(waiting);
    long delay = Math.max(0, deadlineNanos - now);
    waiting.expiry = timer.schedule(() -> expire(waiting), delay, TimeUnit.NANOSECONDS);
  }

  /**
   * Frees a place in the full queue for {@code newcomer} by refusing the newest waiting query of
   * the client that has used the endpoint most, if that client has used it more than the newcomer.
   */
  private boolean makeRoom(Client newcomer, long now, List<Runnable> outside) {
    Waiting worst = null;
    double worstUse = 0;
    for (Waiting w : queue) {
      double use = use(w.client, now);
      if (worst == null || use > worstUse || (use == worstUse && w.arrival > worst.arrival)) {
        worst = w;
        worstUse = use;
      }
    }
    if (worst == null || worst.client == newcomer || worstUse <= use(newcomer, now)) {
      return false;
    }
    for (Iterator<Waiting> it = queue.descendingIterator(); it.hasNext(); ) {
      Waiting w = it.next();
      if (w.client == worst.client) {
        it.remove();
        w.client.waiting--;
        w.expiry.cancel(false);
        outside.add(
            () ->
                w.job.rejected(
                    503,
                    "the endpoint is busy, and clients that have used it less than you are"
                        + " waiting; try again in a moment",
                    2));
        return true;
      }
    }
    return false;
  }

  private void expire(Waiting waiting) {
    synchronized (this) {
      if (!queue.remove(waiting)) {
        return; // started meanwhile
      }
      waiting.client.waiting--;
    }
    waiting.job.rejected(
        503, "the endpoint was busy until this query's time was up; try again in a moment", 2);
  }

  private void start(Client client, Job job, long deadlineNanos, long now, List<Runnable> outside) {
    Running r = new Running(client, job);
    active.add(r);
    running++;
    client.running++;
    // Its deadline stops it (the runner's own alarm); one that does not stop in time is answered.
    long due = Math.max(0, deadlineNanos - now) + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    r.watch = timer.schedule(() -> overdue(r), due, TimeUnit.NANOSECONDS);
    threads.execute(
        () -> {
          Runnable deliver = null;
          try {
            deliver = job.run();
          } catch (RuntimeException | Error e) {
            LOG.warn("a query job failed", e);
          } finally {
            finished(r);
          }
          if (deliver != null) {
            deliver.run();
          }
        });
  }

  private void finished(Running r) {
    List<Runnable> outside = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      active.remove(r);
      r.watch.cancel(false);
      if (r.released) {
        released--;
      } else {
        running--;
      }
      Client client = r.client;
      client.running--;
      double millis = (now - r.started) / 1e6;
      client.refill(now);
      client.tokensMillis -= millis;
      client.spend(millis, now);
      dispatch(now, outside);
    }
    outside.forEach(Runnable::run);
  }

  /**
   * A query told to stop has not: its client is answered, and (while fewer than the slots are held
   * so) its slot goes to another query; its thread still counts against its own client.
   */
  private void overdue(Running r) {
    List<Runnable> outside = new ArrayList<>();
    synchronized (this) {
      if (!active.contains(r)) {
        return;
      }
      if (!r.released && released < settings.slots()) {
        r.released = true;
        running--;
        released++;
        dispatch(System.nanoTime(), outside);
      }
    }
    LOG.warn(
        "a query of {} did not stop within {} ms of being told to; its client is answered, its"
            + " thread runs on",
        r.client.id,
        GRACE_MILLIS);
    r.job.overdue();
    outside.forEach(Runnable::run);
  }

  /**
   * Starts waiting queries while slots are free: the client that has used the endpoint least first,
   * then the query that has waited longest.
   */
  private void dispatch(long now, List<Runnable> outside) {
    while (running < settings.slots()) {
      Waiting next = best(now);
      if (next == null) {
        return;
      }
      queue.remove(next);
      next.client.waiting--;
      next.expiry.cancel(false);
      start(next.client, next.job, next.deadline, now, outside);
    }
  }

  /** The waiting query to start next, or null when none may start (its client runs its share). */
  private Waiting best(long now) {
    Waiting best = null;
    double bestUse = 0;
    for (Waiting w : queue) {
      if (w.client.running >= settings.clientSlots()) {
        continue;
      }
      double use = use(w.client, now);
      if (best == null || use < bestUse || (use == bestUse && w.arrival < best.arrival)) {
        best = w;
        bestUse = use;
      }
    }
    return best;
  }

  /**
   * Every {@value #TICK_MILLIS} ms while queries wait: when the one to go next belongs to a client
   * that has used the endpoint less than the client of a running query that has had its slice, that
   * query is stopped (the one of the client that has used the most).
   */
  private void rebalance() {
    List<Runnable> outside = new ArrayList<>();
    synchronized (this) {
      if (queue.isEmpty() || closed) {
        return;
      }
      long now = System.nanoTime();
      dispatch(now, outside);
      Waiting next = best(now);
      if (next != null) {
        int eligible = 0;
        for (Waiting w : queue) {
          if (w.client.running < settings.clientSlots()) {
            eligible++;
          }
        }
        int leaving = 0;
        for (Running r : active) {
          if (r.stopping != null && !r.released) {
            leaving++;
          }
        }
        if (leaving < eligible) {
          preempt(use(next.client, now), now, outside);
        }
      }
    }
    outside.forEach(Runnable::run);
  }

  private void preempt(double waiterUse, long now, List<Runnable> outside) {
    Running victim = null;
    double victimUse = 0;
    long slice = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);
    for (Running r : active) {
      if (r.stopping != null || r.released || now - r.started < slice) {
        continue;
      }
      double use = use(r.client, now);
      if (use - waiterUse >= SLICE_MILLIS && (victim == null || use > victimUse)) {
        victim = r;
        victimUse = use;
      }
    }
    if (victim == null) {
      return;
    }
    Running r = victim;
    r.stopping = QueryStop.preempted((now - r.started) / 1_000_000);
    r.watch.cancel(false);
    r.watch = timer.schedule(() -> overdue(r), GRACE_MILLIS, TimeUnit.MILLISECONDS);
    QueryStop why = r.stopping;
    outside.add(() -> r.job.stop(why));
  }

  private void forgetIdle() {
    long now = System.nanoTime();
    clients
        .values()
        .removeIf(
            c -> {
              c.refill(now);
              return c.idle(now);
            });
  }

  /** Queries running now (those answered as overdue whose thread still runs not counted). */
  public synchronized int running() {
    return running;
  }

  /** Queries waiting for a slot now. */
  public synchronized int waiting() {
    return queue.size();
  }

  /** Stops taking queries; those waiting are refused, those running finish on their own. */
  @Override
  public void close() {
    List<Waiting> dropped;
    synchronized (this) {
      closed = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
    }
    tick.cancel(false);
    for (Waiting w : dropped) {
      w.expiry.cancel(false);
      w.job.rejected(503, "the server is stopping", 5);
    }
    timer.shutdownNow();
    threads.shutdown();
  }
}
