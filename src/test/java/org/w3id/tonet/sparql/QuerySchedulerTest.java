package org.w3id.tonet.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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

  /**
   * A job that records its outcome and, when run, waits for {@code release}, or for a stop when it
   * {@code obeys} one (as a query does: a stopped query answers 503).
   */
  private static final class Probe implements QueryScheduler.Job {
    final String name;
    final List<String> log;
    final CountDownLatch release;
    final boolean obeys;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch done = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);
    final CountDownLatch answered = new CountDownLatch(1);
    volatile int status;
    volatile int retryAfter;
    volatile String message;
    volatile QueryStop stop;
    volatile long stoppedAt;

    Probe(String name, List<String> log, CountDownLatch release) {
      this(name, log, release, true);
    }

    Probe(String name, List<String> log, CountDownLatch release, boolean obeys) {
      this.name = name;
      this.log = log;
      this.release = release;
      this.obeys = obeys;
    }

    @Override
    public Runnable run() {
      log.add("run " + name);
      started.countDown();
      try {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE);
        while (release.getCount() > 0 && (!obeys || stop == null) && System.nanoTime() < until) {
          release.await(10, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (stop != null && obeys) {
        answer(stop.status(), stop.message());
      } else {
        answer(200, "done");
      }
      return done::countDown;
    }

    private synchronized void answer(int status, String message) {
      if (answered.getCount() > 0) {
        this.status = status;
        this.message = message;
        answered.countDown();
      }
    }

    @Override
    public void rejected(int status, String message, int retryAfterSeconds) {
      log.add(status + " " + name);
      this.retryAfter = retryAfterSeconds;
      answer(status, message);
      done.countDown();
    }

    @Override
    public void stop(QueryStop why) {
      log.add("stop " + name);
      stoppedAt = System.nanoTime();
      stop = why;
      stopped.countDown();
    }

    @Override
    public void overdue() {
      log.add("overdue " + name);
      answer(503, "overdue");
    }
  }

  /** A scheduler of {@code slots} query threads and a queue of {@code queue}: 5 queries, 60 s. */
  private void scheduler(int slots, int queue) {
    scheduler =
        new QueryScheduler(new QueryScheduler.Settings(slots, queue, 5, Duration.ofSeconds(60)));
  }

  /** Submits {@code probe} for {@code client} and waits until it runs. */
  private Probe started(String client, Probe probe) throws InterruptedException {
    scheduler.submit(client, far(), probe);
    assertTrue(probe.started.await(PATIENCE, TimeUnit.SECONDS), probe.name + " runs");
    return probe;
  }

  /** A deadline no query here reaches: after every wait of the test. */
  private static long far() {
    return System.nanoTime() + TimeUnit.SECONDS.toNanos(10 * PATIENCE);
  }

  @Test
  void aClientRunsHalfTheSlotsAndTheClientWithFewestRunningGoesFirst() throws Exception {
    scheduler(2, 8);
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
    Probe slow = started("a", new Probe("slow", log, never));
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
    scheduler(2, 2);
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch firstEnds = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Probe a1 = new Probe("a1", log, firstEnds);
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
    // One slot frees (a1 ends, b1 runs on): the one query that starts is c's, which has used the
    // endpoint less than a, though a now runs nothing and its a2 came first. Which of the two
    // starts is the scheduler's choice, not the order in which two threads happen to log.
    firstEnds.countDown();
    assertTrue(a1.done.await(PATIENCE, TimeUnit.SECONDS));
    assertTrue(c1.started.await(PATIENCE, TimeUnit.SECONDS), "c goes next: " + log);
    assertEquals(1, a2.started.getCount(), "a's second still waits: " + log);
    release.countDown();
    for (Probe p : List.of(a1, b1, a2, c1)) {
      assertTrue(p.done.await(PATIENCE, TimeUnit.SECONDS), p.name);
      assertEquals(200, p.status, p.name);
    }
  }

  @Test
  void aNewcomerStopsTheRunningQueryOfTheClientThatHasUsedTheMost() throws Exception {
    scheduler(1, 4);
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch never = new CountDownLatch(1);
    long submitted = System.nanoTime(); // the scheduler counts its slice from later
    Probe heavy = started("heavy", new Probe("heavy", log, never));
    Probe cheap = new Probe("cheap", log, new CountDownLatch(0));
    scheduler.submit("newcomer", far(), cheap);
    assertTrue(heavy.stopped.await(PATIENCE, TimeUnit.SECONDS), "the heavy query is told to stop");
    long ran = (heavy.stoppedAt - submitted) / 1_000_000;
    assertTrue(
        ran >= QueryScheduler.SLICE_MILLIS,
        "not before it has had its slice of " + QueryScheduler.SLICE_MILLIS + " ms: " + ran);
    assertEquals(QueryStop.Kind.PREEMPTED, heavy.stop.kind());
    assertTrue(cheap.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(200, cheap.status, "the newcomer runs");
    assertEquals(503, heavy.status);
    assertTrue(heavy.message.contains("clients that have used this endpoint less"), heavy.message);
    assertEquals(5, heavy.stop.retryAfterSeconds());
    never.countDown();
  }

  @Test
  void aQueryIsNotStoppedForAClientThatHasUsedAsMuch() throws Exception {
    scheduler(1, 4);
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Probe first = started("a", new Probe("first", log, release));
    Probe second = new Probe("second", log, release);
    scheduler.submit("a", far(), second); // the same client: it waits its turn
    assertFalse(
        first.stopped.await(QueryScheduler.SLICE_MILLIS * 3, TimeUnit.MILLISECONDS),
        "a client's own query never stops its other one: " + log);
    release.countDown();
    assertTrue(second.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(List.of("run first", "run second"), log);
  }

  @Test
  void theClientThatHasUsedLeastGoesFirstWhateverItsAddress() throws Exception {
    scheduler(1, 8);
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Probe running = started("x", new Probe("running", log, release));
    // Five addresses that keep sending: each request counts as use, even refused ones.
    List<Probe> busy = new ArrayList<>();
    for (int client = 0; client < 5; client++) {
      for (int i = 0; i < 6; i++) {
        Probe p = new Probe("busy" + client + "-" + i, log, release);
        busy.add(p);
        scheduler.submit("busy" + client, far(), p);
      }
    }
    Probe quiet = new Probe("quiet", log, release);
    scheduler.submit("quiet", far(), quiet);
    release.countDown();
    assertTrue(quiet.done.await(PATIENCE, TimeUnit.SECONDS));
    for (Probe p : busy) {
      assertTrue(p.done.await(PATIENCE, TimeUnit.SECONDS), p.name);
    }
    List<String> runs = log.stream().filter(l -> l.startsWith("run ")).toList();
    assertEquals("run quiet", runs.get(1), "after the one running, the quiet client: " + runs);
  }

  @Test
  void aQueryThatDoesNotStopIsAnsweredAfterTheGraceAndItsSlotGoesOn() throws Exception {
    scheduler(1, 4);
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch never = new CountDownLatch(1);
    Probe stuck = new Probe("stuck", log, never, false);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    scheduler.submit("a", deadline, stuck);
    assertTrue(stuck.started.await(PATIENCE, TimeUnit.SECONDS));
    Probe next = new Probe("next", log, new CountDownLatch(0));
    scheduler.submit("b", far(), next);
    assertTrue(
        stuck.answered.await(PATIENCE, TimeUnit.SECONDS), "the stuck query's client is answered");
    long late = (System.nanoTime() - deadline) / 1_000_000;
    assertEquals(503, stuck.status);
    assertTrue(
        late >= QueryScheduler.GRACE_MILLIS - 50,
        "answered once the grace after its deadline is over: " + late + " ms");
    assertTrue(next.done.await(PATIENCE, TimeUnit.SECONDS), "the next query gets the slot: " + log);
    assertEquals(200, next.status);
    assertEquals(1, stuck.done.getCount(), "while the stuck one's thread still runs");
    assertEquals(0, scheduler.running(), "and no longer counts as running");
    never.countDown();
    assertTrue(stuck.done.await(PATIENCE, TimeUnit.SECONDS), "its thread ends in the end");
  }

  @Test
  void aQueryThatWaitsPastItsDeadlineGets503() throws Exception {
    scheduler(1, 4);
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    Probe running = started("a", new Probe("running", log, release));
    Probe waiting = new Probe("waiting", log, release);
    scheduler.submit("b", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), waiting);
    assertTrue(waiting.done.await(PATIENCE, TimeUnit.SECONDS));
    assertEquals(503, waiting.status);
    assertTrue(waiting.retryAfter > 0);
    release.countDown();
    assertTrue(running.done.await(PATIENCE, TimeUnit.SECONDS));
  }
}
