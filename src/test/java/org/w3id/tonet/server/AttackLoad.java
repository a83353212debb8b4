package org.w3id.tonet.server;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Attackers on loopback addresses of their own (127.0.0.x): each of {@code perAddress} workers of
 * each address sends a request, reads its answer, and sends the next as soon as it has one,
 * whatever it is — the way the audit kept 5 heavy queries going per address. Bounded in time and in
 * requests per worker; {@link #close()} ends every worker at once (it closes their sockets).
 *
 * <pre>
 * try (AttackLoad attack = AttackLoad.start(port, addresses, 5, n -> RawHttp.sparqlPost(q + n), limit)) {
 *   … measure a newcomer …
 * }
 * </pre>
 */
final class AttackLoad implements AutoCloseable {

  /** Requests one worker sends at most. */
  static final int MOST_PER_WORKER = 10_000;

  private final List<Thread> workers = new ArrayList<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  private AttackLoad() {}

  /**
   * Starts {@code perAddress} workers on each address, each sending {@code request.apply(n)} (n
   * counts every request of the attack), for at most {@code most}.
   */
  static AttackLoad start(
      int port,
      List<String> addresses,
      int perAddress,
      IntFunction<String> request,
      Duration most) {
    AttackLoad load = new AttackLoad();
    AtomicInteger sent = new AtomicInteger();
    long end = System.nanoTime() + most.toNanos();
    for (String address : addresses) {
      for (int w = 0; w < perAddress; w++) {
        Thread t =
            new Thread(
                () -> {
                  for (int i = 0;
                      i < MOST_PER_WORKER && !load.stopped && System.nanoTime() < end;
                      i++) {
                    load.send(port, address, request.apply(sent.incrementAndGet()), most);
                  }
                },
                "attacker-" + address + "-" + w);
        t.setDaemon(true);
        load.workers.add(t);
        t.start();
      }
    }
    return load;
  }

  private void send(int port, String address, String request, Duration most) {
    Socket socket = null;
    try {
      socket = RawHttp.open(port, address);
      sockets.add(socket);
      if (stopped) {
        return;
      }
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      RawHttp.Reply reply = RawHttp.read(socket, (int) most.toMillis());
      count(reply.status() == null ? "closed" : Integer.toString(reply.status()));
    } catch (IOException e) {
      count(stopped ? "stopped" : "failed");
      if (!stopped) {
        pause(); // the server refused the connection: try again a little later
      }
    } finally {
      if (socket != null) {
        sockets.remove(socket);
        try {
          socket.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void count(String what) {
    statuses.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  /** How many answers (or failures) the attackers have had so far. */
  int answers() {
    return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** What the attackers got so far: status (or "closed", "failed") → how many times. */
  Map<String, Integer> statuses() {
    Map<String, Integer> out = new TreeMap<>();
    statuses.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Stops every worker, closing its socket, and waits (bounded) for them to end. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    for (Thread t : workers) {
      t.join(5_000);
    }
  }
}
