package org.w3id.tonet.sparql;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.NotificationEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence for the heap, behind the budgets: when the old generation is still more
 * than {@value #THRESHOLD_PERCENT}% full after a collection, the running query that holds the most
 * is stopped (503, "the server is short of memory") and new queries are refused for {@value
 * #PAUSE_MILLIS} ms. The budgets are estimates; this makes sure an estimate that is too low costs
 * one query, not the server.
 *
 * <pre>
 * HeapGuard guard = HeapGuard.get();
 * guard.running(budget); try { … } finally { guard.done(budget); }
 * </pre>
 */
final class HeapGuard {

  private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);

  static final int THRESHOLD_PERCENT = 85;
  static final long PAUSE_MILLIS = 2_000;

  private static final HeapGuard INSTANCE = new HeapGuard();

  private final Set<QueryBudget> running = ConcurrentHashMap.newKeySet();
  private volatile long refuseUntil;

  private HeapGuard() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && pool.isCollectionUsageThresholdSupported()
          && pool.getUsage().getMax() > 0
          && isOldGeneration(pool.getName())) {
        pool.setCollectionUsageThreshold(pool.getUsage().getMax() / 100 * THRESHOLD_PERCENT);
      }
    }
    NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
    emitter.addNotificationListener(
        (notification, handback) -> {
          if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(
              notification.getType())) {
            shortOfMemory();
          }
        },
        null,
        null);
  }

  private static boolean isOldGeneration(String name) {
    return name.contains("Old") || name.contains("Tenured");
  }

  static HeapGuard get() {
    return INSTANCE;
  }

  void running(QueryBudget budget) {
    running.add(budget);
  }

  void done(QueryBudget budget) {
    running.remove(budget);
  }

  /** Whether new queries are refused for now. */
  boolean refusing() {
    return System.currentTimeMillis() < refuseUntil;
  }

  /** Stops the query that holds the most and pauses new ones. */
  void shortOfMemory() {
    refuseUntil = System.currentTimeMillis() + PAUSE_MILLIS;
    running.stream()
        .max(Comparator.comparingLong(QueryBudget::held))
        .ifPresent(
            heaviest -> {
              LOG.warn(
                  "the heap is short of memory: stopping the query that holds the most ({})",
                  Sizes.bytes(heaviest.held()));
              heaviest.stop(QueryStop.shortOfMemory());
            });
  }
}
