package org.w3id.tonet.server;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one client from holding the server's connections: at most so many open connections per
 * client address (a trusted reverse proxy excepted: it carries everyone's), and no connection may
 * take longer than a few seconds to send a request's headers (the "slowloris" attack: headers sent
 * a byte at a time keep a connection open for ever, since every byte resets the idle timeout).
 * Connections over either limit are closed. Waiting for headers holds no thread (Jetty reads them
 * without one); this bounds the connections and memory they hold.
 *
 * <pre>
 * connector.addBean(new ConnectionGuard(100, Duration.ofSeconds(10), clients));
 * </pre>
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  private final int perClient;
  private final long headerMillis;
  private final ClientAddress clients;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Map<Connection, String> keys = new ConcurrentHashMap<>();
  private final Map<Connection, Long> inHeaders = new ConcurrentHashMap<>();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper;

  ConnectionGuard(int perClient, java.time.Duration headerTimeout, ClientAddress clients) {
    this.perClient = perClient;
    this.headerMillis = headerTimeout.toMillis();
    this.clients = clients;
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tonet-connection-sweeper");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    connections.add(connection);
    InetAddress peer = ClientAddress.peer(connection.getEndPoint().getRemoteSocketAddress());
    if (peer == null || clients.isTrusted(peer)) {
      return;
    }
    String key = ClientAddress.key(peer);
    keys.put(connection, key);
    int now = open.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (now > perClient) {
      LOG.info("closing a connection from {}: it has {} open, the most one client may", key, now);
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    connections.remove(connection);
    inHeaders.remove(connection);
    String key = keys.remove(connection);
    if (key != null) {
      open.computeIfPresent(key, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /** Connections now open, from every client. */
  int open() {
    return connections.size();
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
          LOG.info(
              "closing a connection from {}: its request headers took more than {} ms",
              keys.getOrDefault(c, "a trusted proxy"),
              headerMillis);
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
