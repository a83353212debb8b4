package org.w3id.tonet.server.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded cache of rendered pages and documents: the site does not change while the server runs,
 * so each is made once, but a large dataset must not keep every page in memory. The least recently
 * used entry goes first.
 *
 * <pre>
 * String html = cache.get("page " + iri, () -> render(iri));
 * </pre>
 */
public final class PageCache {

  private final Map<String, String> entries;

  public PageCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The cached value, or the one made now (made outside the lock; the first stored wins). */
  public String get(String key, Supplier<String> make) {
    synchronized (entries) {
      String cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    String made = make.get();
    synchronized (entries) {
      String raced = entries.putIfAbsent(key, made);
      return raced != null ? raced : made;
    }
  }
}
