package org.w3id.tonet.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the query threads are shared: slots, queue, per-client shares, and fair order. */
class QuerySchedulerTest {

  /**
   * Seconds a wait for a query thread's next step may take. Each wait ends as soon as the step is
   * taken; only on a machine busy with other work does it take more than milliseconds.
   */
  private static final long PATIENCE = 60;

  private QueryScheduler scheduler;

  @AfterEach
  void close() {
    if (scheduler != null) {
      scheduler.close();
    }
  }

  /** A job that records its outcome and, when run, waits for {@code release}. */
  private static final class Probe implements QueryScheduler.Job {
    final String name;
    final List<String> log;
    final CountDownLatch release;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch done = new CountDownLatch(1);
    volatile int status;
    volatile int retryAfter;

    Probe(String name, List<String> log, CountDownLatch release) {
      this.name = name;
      this.log = log;
      this.release = release;
    }

    @Override
    public Runnable run() {
      log.add("run " + name);
      started.countDown();
      try {
        release.await(PATIENCE, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status = 200;
      return done::countDown;
    }

    @Override
    public void rejected(int status, String message, int retryAfterSeconds) {
      log.add(status + " " + name);
      this.status = status;
      this.retryAfter = retryAfterSeconds;
      done.countDown();
    }
  }

  /** A deadline no query here reaches: after every wait of the test. */
  private static long far() {
    return System.nanoTime() + TimeUnit.SECONDS.toNanos(10 * PATIENCE);
  }

  @Test
  void aClientRunsHalfTheSlotsAndTheClientWithFewestRunningGoesFirst() throws Exception {
    scheduler = new QueryScheduler(new QueryScheduler.Settings(2, 8, 5, Duration.ofSeconds(60)));
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Probe a1 = new Probe("a1", log, release);
    Probe a2 = new Probe("a2", log, release);
    Probe a3 = new Probe("a3", log, release);
    Probe b1 = new Probe("b1", log, release);
    scheduler.submit("a", far(), a1);
    scheduler.submit("a", far(), a2);
    scheduler.submit("a", far(), a3);
    assertTrue(a1.started.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(1, scheduler.running(), "client a runs one of the two slots, not both");
    scheduler.submit("b", far(), b1);
    assertTrue(b1.started.await(PATIENCE, TimeUnit.SECONDS), "b gets the free slot at once");
    assertEquals(List.of("run a1", "run b1"), log);
    release.countDown();
    for (Probe p : List.of(a1, a2, a3, b1)) {
      assertTrue(p.done.await(PATIENCE, TimeUnit.SECONDS), p.name);
      assertEquals(200, p.status, p.name);
    }
  }

  @Test
  void aClientOverItsQueriesGets429() throws Exception {
    scheduler = new QueryScheduler(new QueryScheduler.Settings(2, 8, 2, Duration.ofSeconds(60)));
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Probe first = new Probe("1", log, release);
    Probe second = new Probe("2", log, release);
    Probe third = new Probe("3", log, release);
    scheduler.submit("a", far(), first);
    scheduler.submit("a", far(), second);
    scheduler.submit("a", far(), third);
    assertTrue(third.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(429, third.status);
    assertTrue(third.retryAfter >= 1);
    release.countDown();
    assertTrue(second.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(200, second.status);
  }

  @Test
  void aClientOverItsQueryTimeGets429UntilItRefills() throws Exception {
    scheduler = new QueryScheduler(new QueryScheduler.Settings(2, 8, 5, Duration.ofMillis(100)));
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch never = new CountDownLatch(1);
    Probe slow = new Probe("slow", log, never);
    scheduler.submit("a", far(), slow);
    assertTrue(slow.started.await(PATIENCE, TimeUnit.SECONDS));
    Thread.sleep(400); // 400 ms of query time against 100 ms a minute
    never.countDown();
    assertTrue(slow.done.await(PATIENCE, TimeUnit.SECONDS));
    Probe next = new Probe("next", log, new CountDownLatch(0));
    scheduler.submit("a", far(), next);
    assertTrue(next.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(429, next.status, "over its minute's query time");
    assertTrue(next.retryAfter >= 60, "it refills 100 ms a minute: " + next.retryAfter + " s");
    Probe other = new Probe("other", log, new CountDownLatch(0));
    scheduler.submit("b", far(), other);
    assertTrue(other.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(200, other.status, "another client is not held to a's time");
  }

  @Test
  void aFullQueueGivesTheGreediestClientsNewestPlaceToANewcomer() throws Exception {
    scheduler = new QueryScheduler(new QueryScheduler.Settings(2, 2, 5, Duration.ofSeconds(60)));
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Probe a1 = new Probe("a1", log, release);
    Probe b1 = new Probe("b1", log, release);
    Probe a2 = new Probe("a2", log, release);
    Probe a3 = new Probe("a3", log, release);
    Probe c1 = new Probe("c1", log, release);
    scheduler.submit("a", far(), a1); // runs
    scheduler.submit("b", far(), b1); // runs
    scheduler.submit("a", far(), a2); // waits
    scheduler.submit("a", far(), a3); // waits: the queue is full
    scheduler.submit("c", far(), c1); // a has the most waiting: its newest gives way
    assertTrue(a3.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(503, a3.status);
    release.countDown();
    for (Probe p : List.of(a1, b1, a2, c1)) {
      assertTrue(p.done.await(PATIENCE, TimeUnit.SECONDS), p.name);
      assertEquals(200, p.status, p.name);
    }
    assertTrue(
        log.indexOf("run c1") < log.indexOf("run a2"),
        "c, with nothing running, goes before a's second: " + log);
  }

  @Test
  void aQueryThatWaitsPastItsDeadlineGets503() throws Exception {
    scheduler = new QueryScheduler(new QueryScheduler.Settings(1, 4, 5, Duration.ofSeconds(60)));
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Probe running = new Probe("running", log, release);
    scheduler.submit("a", far(), running);
    assertTrue(running.started.await(PATIENCE, TimeUnit.SECONDS));
    Probe waiting = new Probe("waiting", log, release);
    scheduler.submit("b", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), waiting);
    assertTrue(waiting.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(503, waiting.status);
    assertTrue(waiting.retryAfter > 0);
    release.countDown();
    assertTrue(running.done.await(PATIENCE, TimeUnit.SECONDS));
  }
}
