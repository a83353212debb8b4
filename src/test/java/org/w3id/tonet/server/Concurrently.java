package org.w3id.tonet.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks a few at a time and waits for all of them, within a time limit; the threads are always
 * stopped, and a task's failure is the caller's.
 *
 * <pre>
 * Concurrently.run(8, Duration.ofMinutes(6), tasks); // TimeoutException past 6 minutes
 * </pre>
 */
final class Concurrently {

  private Concurrently() {}

  static void run(int atOnce, Duration within, List<? extends Callable<?>> tasks) throws Exception {
    long end = System.nanoTime() + within.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(atOnce);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<?> task : tasks) {
        futures.add(pool.submit(task));
      }
      for (Future<?> f : futures) {
        f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
