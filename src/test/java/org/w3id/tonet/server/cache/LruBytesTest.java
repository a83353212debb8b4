package org.w3id.tonet.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LruBytesTest {

  @Test
  void staysWithinItsBoundDroppingTheLeastRecentlyUsed() {
    LruBytes<String, byte[]> cache = new LruBytes<>(10_000, b -> b.length);
    for (int i = 0; i < 100; i++) {
      cache.put("k" + i, new byte[1_000]);
      cache.get("k0"); // k0 is used all the time: it stays
      assertTrue(cache.bytes() <= 10_000, "bytes " + cache.bytes());
    }
    assertNotNull(cache.get("k0"), "the entry used most recently stays");
    assertNull(cache.get("k1"), "an old entry is gone");
    assertNotNull(cache.get("k99"), "the newest is there");
    assertEquals(10, cache.size());
  }

  @Test
  void aValueLargerThanAnEighthIsNotKept() {
    LruBytes<String, byte[]> cache = new LruBytes<>(8_000, b -> b.length);
    cache.put("small", new byte[500]);
    cache.put("large", new byte[1_001]);
    assertNull(cache.get("large"));
    assertNotNull(cache.get("small"), "nothing was pushed out for it");
  }

  @Test
  void sizeZeroKeepsNothing() {
    LruBytes<String, byte[]> cache = new LruBytes<>(0, b -> b.length);
    cache.put("x", new byte[1]);
    assertNull(cache.get("x"));
  }
}
