package org.w3id.tonet.server.http;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Shares the server's connections among clients, not among connections. A client (an address, as
 * {@link ClientAddress} keys it; a trusted reverse proxy excepted: it carries everyone's) may hold
 * at most so many; no connection may take longer than a few seconds to send a request's headers
 * (the "slowloris" attack: headers sent a byte at a time keep a connection open for ever, since
 * every byte resets the idle timeout); and when the server nears its connection cap, each new
 * connection of a client makes room by closing one of the client that holds the most, if that one
 * holds more — an idle one (waiting for a request, or for the rest of its headers) before one that
 * is being answered — or, when its own client is among those holding the most, is itself closed. So
 * however many addresses hold as many connections as they may, a new client is accepted and
 * answered. Waiting for headers holds no thread (Jetty reads them without one); this bounds the
 * connections and memory they hold. Every connection closed here is counted in {@link Refusals}.
 *
 * <pre>
 * connector.addBean(new ConnectionGuard(64, 2000, Duration.ofSeconds(10), clients, refusals));
 * </pre>
 */
public final class ConnectionGuard implements Connection.Listener, AutoCloseable {

  /** Why a connection was closed, as {@link Refusals} counts it. */
  static final String OVER_CLIENT_LIMIT = "connection closed: over the client's limit";

  static final String SLOW_HEADERS = "connection closed: headers too slow";
  public static final String MADE_ROOM = "connection closed: room made near the cap";

  private final int perClient;
  private final int roomAt;
  private final long headerMillis;
  private final ClientAddress clients;
  private final Refusals refusals;
  private final Map<String, Set<Connection>> byClient = new ConcurrentHashMap<>();
  private final Map<Connection, String> keys = new ConcurrentHashMap<>();
  private final Map<Connection, Long> inHeaders = new ConcurrentHashMap<>();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final ScheduledExecutorService sweeper;

  /**
   * A guard allowing {@code perClient} connections per client, making room once {@code
   * maxConnections} is near (a tenth of it left), and closing connections whose headers take longer
   * than {@code headerTimeout}.
   */
  public ConnectionGuard(
      int perClient,
      int maxConnections,
      java.time.Duration headerTimeout,
      ClientAddress clients,
      Refusals refusals) {
    this.perClient = perClient;
    this.roomAt = roomAt(maxConnections);
    this.headerMillis = headerTimeout.toMillis();
    this.clients = clients;
    this.refusals = refusals;
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tonet-connection-sweeper");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * How many connections may be open before each new one makes room: nine tenths of the cap (the
   * rest is headroom for new clients while room is made).
   */
  public static int roomAt(int maxConnections) {
    return Math.max(1, maxConnections - Math.max(1, maxConnections / 10));
  }

  @Override
  public void onOpened(Connection connection) {
    connections.add(connection);
    int total = open.incrementAndGet();
    InetAddress peer = ClientAddress.peer(connection.getEndPoint().getRemoteSocketAddress());
    Set<Connection> mine = null;
    if (peer != null && !clients.isTrusted(peer)) {
      String key = ClientAddress.key(peer);
      keys.put(connection, key);
      mine = byClient.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
      mine.add(connection);
      if (mine.size() > perClient) {
        refusals.count(key, OVER_CLIENT_LIMIT);
        forget(connection);
        connection.getEndPoint().close();
        return;
      }
    }
    if (total > roomAt) {
      makeRoom(connection, mine == null ? 0 : mine.size());
    }
  }

  @Override
  public void onClosed(Connection connection) {
    forget(connection);
    inHeaders.remove(connection);
    keys.remove(connection);
  }

  /** Connections now open from a client. */
  public int openFrom(String key) {
    Set<Connection> mine = byClient.get(key);
    return mine == null ? 0 : mine.size();
  }

  /** Connections of a client now being answered (not idle). */
  public int busyFrom(String key) {
    Set<Connection> mine = byClient.get(key);
    return mine == null ? 0 : (int) mine.stream().filter(c -> !isIdle(c)).count();
  }

  /** Connections now open. */
  public int open() {
    return open.get();
  }

  /**
   * Makes room for {@code newcomer}, whose client holds {@code held} connections with it (0 for a
   * trusted proxy): closes an idle connection of the client holding the most among those with an
   * idle one, else one being answered of the client holding the most — if that client holds more
   * than the newcomer's. When none holds more, the newcomer's client is among those holding the
   * most, and its new connection (idle) is the one closed: clients that hold about as many do not
   * take turns closing each other's, and a client that keeps opening connections near the cap only
   * loses its new ones.
   */
  private synchronized void makeRoom(Connection newcomer, int held) {
    // One at a time, and until there is room: two new connections must not both choose (and
    // count) the same victim, and one chosen by another (being closed) no longer counts.
    while (open.get() > roomAt) {
      boolean counted = connections.contains(newcomer);
      Connection victim = choose(newcomer, counted ? held : 0);
      if (victim == null) {
        return;
      }
      refusals.count(keys.getOrDefault(victim, "a trusted proxy"), MADE_ROOM);
      forget(victim);
      victim.getEndPoint().close();
    }
  }

  /** The connection to close for {@code newcomer}, as {@link #makeRoom} says; null for none. */
  private Connection choose(Connection newcomer, int held) {
    Connection idle = null;
    int idleHeld = held;
    Connection busy = null;
    int busyHeld = held;
    for (Set<Connection> theirs : byClient.values()) {
      int size = theirs.size();
      boolean wantIdle = size > idleHeld;
      boolean wantBusy = size > busyHeld;
      for (Connection c : theirs) {
        if (!wantIdle && !wantBusy) {
          break;
        }
        if (c == newcomer || !connections.contains(c)) {
          continue;
        }
        if (isIdle(c)) {
          if (wantIdle) {
            idle = c;
            idleHeld = size;
            wantIdle = false;
          }
        } else if (wantBusy) {
          busy = c;
          busyHeld = size;
          wantBusy = false;
        }
      }
    }
    return idle != null ? idle : busy != null ? busy : held > 0 ? newcomer : null;
  }

  /**
   * No longer counts a connection being closed (Jetty tells of the close later): the next one to
   * make room must neither choose it again nor count it.
   */
  private void forget(Connection connection) {
    if (connections.remove(connection)) {
      open.decrementAndGet();
    }
    String key = keys.get(connection);
    if (key != null) {
      byClient.computeIfPresent(
          key,
          (k, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
          });
    }
  }

  /**
   * Whether a connection is waiting for a request (or the rest of one's headers), not answering.
   */
  private static boolean isIdle(Connection c) {
    return c instanceof HttpConnection http && http.getMessagesIn() <= http.getMessagesOut();
  }

  /** Closes connections that have been sending one request's headers for too long. */
  private void sweep() {
    long now = System.currentTimeMillis();
    for (Connection c : connections) {
      if (!(c instanceof HttpConnection http)) {
        continue;
      }
      HttpParser parser = http.getParser();
      if (!parser.isStart() && parser.inHeaderState()) {
        long since = inHeaders.computeIfAbsent(c, k -> now);
        if (now - since > headerMillis) {
          refusals.count(keys.getOrDefault(c, "a trusted proxy"), SLOW_HEADERS);
          forget(c);
          c.getEndPoint().close();
        }
      } else {
        inHeaders.remove(c);
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
