package org.w3id.tonet.server.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A map bounded in bytes: the least recently used entries go first once the values add up to more
 * than the bound. A value larger than an eighth of the bound is not kept (one answer must not push
 * out everything else).
 *
 * <pre>
 * LruBytes&lt;String, byte[]&gt; gz = new LruBytes&lt;&gt;(8 &lt;&lt; 20, b -&gt; b.length);
 * gz.put(etag, gzipped);
 * byte[] hit = gz.get(etag); // null when absent
 * </pre>
 */
public final class LruBytes<K, V> {

  private final long max;
  private final ToLongFunction<V> sizeOf;
  private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  public LruBytes(long max, ToLongFunction<V> sizeOf) {
    this.max = max;
    this.sizeOf = sizeOf;
  }

  /** The value, or null. */
  public synchronized V get(K key) {
    return entries.get(key);
  }

  /** Keeps a value, pushing out the least recently used ones to stay within the bound. */
  public synchronized void put(K key, V value) {
    long size = sizeOf.applyAsLong(value);
    if (max <= 0 || size > max / 8) {
      return;
    }
    V old = entries.put(key, value);
    if (old != null) {
      bytes -= sizeOf.applyAsLong(old);
    }
    bytes += size;
    Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
    while (bytes > max && eldest.hasNext()) {
      bytes -= sizeOf.applyAsLong(eldest.next().getValue());
      eldest.remove();
    }
  }

  /** The bytes held. */
  public synchronized long bytes() {
    return bytes;
  }

  /** The entries held. */
  public synchronized int size() {
    return entries.size();
  }
}
