package org.w3id.tonet.cli;

import java.util.concurrent.CompletableFuture;
import org.apache.jena.sys.JenaSystem;
import org.slf4j.LoggerFactory;

/**
 * Jena's start (its subsystems and, through them, the logging) on a thread of its own from the
 * first moment of {@code serve}, while the JVM goes on loading and picocli reads the command line:
 * both the web server and the kept build need it, and it is the longest single step of a start
 * (issue 22: a third of a warm start). The command waits for it before it touches Jena itself, so
 * two threads never start Jena at once (its classes start it from their static initializers, and
 * two threads doing so together can each wait for the other).
 *
 * <pre>
 * JenaStart.begin();  // in main, first thing
 * JenaStart.await();  // in the command, before anything of Jena
 * </pre>
 */
final class JenaStart {

  private static volatile CompletableFuture<Void> started;

  private JenaStart() {}

  /** Starts Jena on a daemon thread; later calls do nothing. */
  static synchronized void begin() {
    if (started == null) {
      CompletableFuture<Void> future = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  JenaSystem.init();
                  future.complete(null);
                } catch (Throwable e) {
                  future.completeExceptionally(e);
                }
              },
              "tonet-lod-jena-start");
      thread.setDaemon(true);
      started = future;
      // The logging starts beside it: Jena's first classes wait for it, and it is as long as the
      // rest of Jena's start (log4j's plugins and configuration, about 300 ms on a fresh JVM).
      Thread logging =
          new Thread(() -> LoggerFactory.getLogger(JenaStart.class), "tonet-lod-logging-start");
      logging.setDaemon(true);
      logging.start();
      thread.start();
    }
  }

  /**
   * Waits until Jena has started, when {@link #begin()} was called; a start that failed is left to
   * the command, which starts Jena again on its own thread and meets the error there.
   */
  static void await() {
    CompletableFuture<Void> future = started;
    if (future != null) {
      try {
        future.join();
      } catch (RuntimeException e) {
        // Reported where the command first uses Jena.
      }
    }
  }
}
