package org.w3id.tonet.server.cache;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.w3id.tonet.server.http.ClientAddress;

/**
 * Compressing an answer is work done for one request when no compressed copy is kept (an answer
 * made for this request alone, a copy pushed out of the cache, a server run with {@code
 * --cache-size 0}); it is shared by clients like query time: each client may spend so much of it a
 * minute (refilled continuously), and a client that has spent its share gets the answer as it is,
 * uncompressed — which every client accepts — until it has some again.
 *
 * <pre>
 * CompressionShare share = new CompressionShare(Duration.ofSeconds(2), clients);
 * byte[] gz = share.gzip(request, body); // null: send body as it is
 * </pre>
 */
public final class CompressionShare {

  /** What one client may spend compressing, a minute, unless told otherwise. */
  public static final Duration DEFAULT = Duration.ofSeconds(2);

  /** Clients remembered at most; beyond, those with a full share are forgotten. */
  static final int MAX_CLIENTS = 100_000;

  private final double perMinuteNanos;
  private final ClientAddress clients;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public CompressionShare(Duration perMinute, ClientAddress clients) {
    this.perMinuteNanos = perMinute.toNanos();
    this.clients = clients;
  }

  /** What one client has left, in nanoseconds of compression, refilled continuously. */
  private final class Bucket {
    double left = perMinuteNanos;
    long at = System.nanoTime();

    synchronized double refill(long now) {
      left = Math.min(perMinuteNanos, left + (now - at) * perMinuteNanos / 60e9);
      at = now;
      return left;
    }

    synchronized void spend(long nanos) {
      left -= nanos;
    }
  }

  /**
   * The gzip of {@code body} for the client of {@code request}, or null once it has spent its
   * share.
   */
  public byte[] gzip(Request request, byte[] body) {
    return gzip(clients.of(request), body);
  }

  /** As {@link #gzip(Request, byte[])}, for a servlet's request. */
  public byte[] gzip(HttpServletRequest request, byte[] body) {
    return gzip(ServletContextRequest.getServletContextRequest(request), body);
  }

  /** The gzip of {@code body} for {@code client}, or null once it has spent its share. */
  byte[] gzip(String client, byte[] body) {
    long now = System.nanoTime();
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      if (buckets.size() >= MAX_CLIENTS) {
        buckets.values().removeIf(b -> b.refill(now) >= perMinuteNanos);
      }
      bucket = buckets.computeIfAbsent(client, k -> new Bucket());
    }
    if (bucket.refill(now) <= 0) {
      return null;
    }
    byte[] compressed = HttpCaching.gzip(body);
    bucket.spend(System.nanoTime() - now);
    return compressed;
  }
}
