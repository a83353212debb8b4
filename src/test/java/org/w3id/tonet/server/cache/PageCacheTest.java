package org.w3id.tonet.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded cache behind pages, documents and the result cap's decisions. */
class PageCacheTest {

  @Test
  void eachValueIsMadeOnceWhileItIsKept() {
    PageCache cache = new PageCache(2);
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertEquals("A", cache.get("a", () -> make(made, "A")));
    }
    assertEquals(List.of("A"), made);
  }

  @Test
  void theLeastRecentlyUsedEntryGoesFirstWhenFull() {
    PageCache cache = new PageCache(2);
    List<String> made = new ArrayList<>();
    cache.get("a", () -> make(made, "A"));
    cache.get("b", () -> make(made, "B"));
    cache.get("a", () -> make(made, "A")); // a is now the most recently used
    cache.get("c", () -> make(made, "C")); // full: b goes
    cache.get("a", () -> make(made, "A"));
    cache.get("b", () -> make(made, "B"));
    assertEquals(List.of("A", "B", "C", "B"), made);
  }

  private static String make(List<String> made, String value) {
    made.add(value);
    return value;
  }
}
