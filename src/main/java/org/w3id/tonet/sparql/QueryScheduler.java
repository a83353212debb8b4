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
 * Runs queries on threads of their own, a few at a time, shared fairly among clients — the way the
 * Wikidata Query Service shares its endpoint: each client may have a few queries running or
 * waiting, may run at most half of the slots at once, and has a budget of query time that refills
 * over a minute; beyond that it gets 429 with Retry-After. When every slot is busy a query waits in
 * a short queue, from which the client with the fewest queries running goes first; when the queue
 * is full the client with the most queries waiting loses its newest, and when a query has waited
 * until its deadline it gets 503 with Retry-After. Pages never run here: they are served by the web
 * server's own threads, which queries cannot take.
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
  }

  private final Settings settings;
  private final ThreadPoolExecutor threads;
  private final ScheduledExecutorService timer;
  private final Map<String, Client> clients = new HashMap<>();
  private final Deque<Waiting> queue = new ArrayDeque<>();
  private int running;
  private boolean closed;

  public QueryScheduler(Settings settings) {
    this.settings = settings;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            settings.slots(),
            settings.slots(),
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
  }

  /** Its settings. */
  public Settings settings() {
    return settings;
  }

  /** One client's share. */
  private final class Client {
    final String id;
    int running;
    int waiting;
    double tokensMillis = budgetMillis();
    long refilledAt = System.nanoTime();
    long lastStarted = Long.MIN_VALUE;

    Client(String id) {
      this.id = id;
    }

    void refill(long now) {
      double perNano = budgetMillis() / 60e9;
      tokensMillis = Math.min(budgetMillis(), tokensMillis + (now - refilledAt) * perNano);
      refilledAt = now;
    }

    boolean idle() {
      return running == 0 && waiting == 0 && tokensMillis >= budgetMillis();
    }
  }

  private double budgetMillis() {
    return settings.clientTimePerMinute().toMillis();
  }

  /** A query waiting for a slot. */
  private static final class Waiting {
    final Client client;
    final Job job;
    ScheduledFuture<?> expiry;

    Waiting(Client client, Job job) {
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
      start(client, job);
      return;
    }
    if (queue.size() >= settings.queueLength() && !makeRoom(client, outside)) {
      outside.add(() -> job.rejected(503, "the endpoint is busy; try again in a moment", 2));
      return;
    }
    Waiting waiting = new Waiting(client, job);
    client.waiting++;
    queue.addLast(waiting);
    long delay = Math.max(0, deadlineNanos - now);
    waiting.expiry = timer.schedule(() -> expire(waiting), delay, TimeUnit.NANOSECONDS);
  }

  /**
   * Frees a place in the full queue for {@code newcomer} by refusing the newest waiting query of
   * the client with the most waiting, if that client has more waiting than the newcomer.
   */
  private boolean makeRoom(Client newcomer, List<Runnable> outside) {
    Client greediest = null;
    for (Waiting w : queue) {
      if (greediest == null || w.client.waiting > greediest.waiting) {
        greediest = w.client;
      }
    }
    if (greediest == null || greediest == newcomer || greediest.waiting <= newcomer.waiting) {
      return false;
    }
    for (Iterator<Waiting> it = queue.descendingIterator(); it.hasNext(); ) {
      Waiting w = it.next();
      if (w.client == greediest) {
        it.remove();
        w.client.waiting--;
        w.expiry.cancel(false);
        outside.add(
            () ->
                w.job.rejected(
                    503,
                    "the endpoint is busy and other clients are waiting; try again in a moment",
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

  private void start(Client client, Job job) {
    running++;
    client.running++;
    client.lastStarted = System.nanoTime();
    long started = System.nanoTime();
    threads.execute(
        () -> {
          Runnable deliver = null;
          try {
            deliver = job.run();
          } catch (RuntimeException | Error e) {
            LOG.warn("a query job failed", e);
          } finally {
            finished(client, System.nanoTime() - started);
          }
          if (deliver != null) {
            deliver.run();
          }
        });
  }

  private void finished(Client client, long nanos) {
    synchronized (this) {
      running--;
      client.running--;
      client.refill(System.nanoTime());
      client.tokensMillis -= nanos / 1e6;
      dispatch();
    }
  }

  /**
   * Starts waiting queries while slots are free: the client with the fewest running first, then the
   * one served longest ago, then the one that has waited longest.
   */
  private void dispatch() {
    while (running < settings.slots() && !queue.isEmpty()) {
      Waiting next = null;
      for (Waiting w : queue) {
        if (w.client.running < settings.clientSlots()
            && (next == null
                || w.client.running < next.client.running
                || (w.client.running == next.client.running
                    && w.client.lastStarted < next.client.lastStarted))) {
          next = w;
        }
      }
      if (next == null) {
        return;
      }
      queue.remove(next);
      next.client.waiting--;
      next.expiry.cancel(false);
      start(next.client, next.job);
    }
  }

  private void forgetIdle() {
    long now = System.nanoTime();
    clients
        .values()
        .removeIf(
            c -> {
              c.refill(now);
              return c.idle();
            });
  }

  /** Queries running now. */
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
    for (Waiting w : dropped) {
      w.expiry.cancel(false);
      w.job.rejected(503, "the server is stopping", 5);
    }
    timer.shutdownNow();
    threads.shutdown();
  }
}
