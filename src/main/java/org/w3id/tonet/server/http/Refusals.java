package org.w3id.tonet.server.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.tonet.sparql.Sizes;

/**
 * What the server refused (requests answered 4xx other than 404, and 503; connections it closed),
 * counted per client and written to the log once per interval — a line for each of the clients
 * refused most, one for all the others — instead of a line per refusal: an attack of a million
 * requests from a million addresses writes {@value #LINES} lines and a summary a minute, not a
 * million lines. The counts since the start, by reason, are a metric ({@link #totals()}, and {@code
 * tonet_refused_total} on /$/metrics with {@code --metrics}).
 *
 * <pre>
 * Refusals refusals = new Refusals(Duration.ofMinutes(1));
 * refusals.count("203.0.113.7", "429");
 * // 12:01:00 INFO Refusals in the last 60 s: 203.0.113.7 refused 1,234 times (429 ×1,234)
 * </pre>
 */
public final class Refusals implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

  /** How often the refusals are written to the log. */
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  /** Clients named in one interval's lines; the others are summed in one more line. */
  static final int LINES = 20;

  /** Clients counted apart in one interval; beyond, they are counted together. */
  static final int CLIENTS = 10_000;

  /** Where refusals beyond {@value #CLIENTS} clients in an interval are counted. */
  static final String OTHERS = "(other clients)";

  private final Duration interval;
  private final Consumer<String> log;
  private final ScheduledExecutorService flusher;
  private volatile Map<String, Map<String, LongAdder>> current = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();
  private volatile Consumer<String> newReason = reason -> {};

  /** Counts refusals and writes them to the log every {@code interval}. */
  public Refusals(Duration interval) {
    this(interval, LOG::info);
  }

  /** Counts refusals and writes their lines to {@code log} every {@code interval}. */
  public Refusals(Duration interval, Consumer<String> log) {
    this.interval = interval;
    this.log = log;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tonet-refusals");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleAtFixedRate(
        this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether a status is a refusal: a 4xx other than 404, or 503. */
  static boolean isRefusal(int status) {
    return status == 503 || (status >= 400 && status < 500 && status != 404);
  }

  /** Counts one refusal of {@code client} for {@code reason} (a status, or why it was closed). */
  void count(String client, String reason) {
    Map<String, Map<String, LongAdder>> now = current;
    Map<String, LongAdder> of = now.get(client);
    if (of == null) {
      of =
          now.size() < CLIENTS
              ? now.computeIfAbsent(client, k -> new ConcurrentHashMap<>())
              : now.computeIfAbsent(OTHERS, k -> new ConcurrentHashMap<>());
    }
    of.computeIfAbsent(reason, k -> new LongAdder()).increment();
    LongAdder total = totals.get(reason);
    if (total == null) {
      total = totals.computeIfAbsent(reason, k -> new LongAdder());
      newReason.accept(reason);
    }
    total.increment();
  }

  /** Refusals since the start, by reason. */
  public Map<String, Long> totals() {
    Map<String, Long> out = new TreeMap<>();
    totals.forEach((reason, n) -> out.put(reason, n.sum()));
    return out;
  }

  /** The count since the start of one reason (0 when it never happened). */
  public long total(String reason) {
    LongAdder n = totals.get(reason);
    return n == null ? 0 : n.sum();
  }

  /** Tells {@code listener} of every reason now counted and every new one as it first comes. */
  void onReason(Consumer<String> listener) {
    newReason = listener;
    totals.keySet().forEach(listener);
  }

  /** Writes the interval that just ended to the log and starts a new one. */
  void flush() {
    Map<String, Map<String, LongAdder>> ended = current;
    current = new ConcurrentHashMap<>();
    if (ended.isEmpty()) {
      return;
    }
    record Client(String id, long all, Map<String, Long> byReason) {}
    List<Client> refused = new ArrayList<>();
    ended.forEach(
        (id, reasons) -> {
          Map<String, Long> by = new TreeMap<>();
          reasons.forEach((reason, n) -> by.put(reason, n.sum()));
          refused.add(new Client(id, by.values().stream().mapToLong(Long::longValue).sum(), by));
        });
    refused.sort(Comparator.comparingLong(Client::all).reversed().thenComparing(Client::id));
    String span = "in the last " + Sizes.seconds(interval.toMillis()) + ": ";
    long rest = 0;
    int restClients = 0;
    for (int i = 0; i < refused.size(); i++) {
      Client c = refused.get(i);
      if (i < LINES) {
        List<String> parts = new ArrayList<>();
        c.byReason().forEach((reason, n) -> parts.add(reason + " ×" + Sizes.count(n)));
        log.accept(
            span
                + c.id()
                + " refused "
                + Sizes.count(c.all())
                + " times ("
                + String.join(", ", parts)
                + ")");
      } else {
        rest += c.all();
        restClients++;
      }
    }
    if (restClients > 0) {
      log.accept(
          span + restClients + " more clients refused " + Sizes.count(rest) + " times in all");
    }
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    flush();
  }
}
