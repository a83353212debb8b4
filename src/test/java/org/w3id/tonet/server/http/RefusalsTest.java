package org.w3id.tonet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Refusals are written a line per client and interval, never a line per refusal. */
class RefusalsTest {

  @Test
  void aMillionRefusalsFromManyClientsAreAFewLines() {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (Refusals refusals = new Refusals(Duration.ofHours(1), lines::add)) {
      for (int client = 0; client < 500; client++) {
        for (int i = 0; i < 2_000; i++) {
          refusals.count("203.0.113." + client, i % 4 == 0 ? "503" : "429");
        }
      }
      refusals.count("198.51.100.1", ConnectionGuard.MADE_ROOM);
      refusals.flush();
      assertEquals(Refusals.LINES + 1, lines.size(), "one line per client named, one for the rest");
      assertTrue(
          lines
              .get(0)
              .matches(
                  "in the last 3600 s: 203\\.0\\.113\\.\\d+ refused 2,000 times"
                      + " \\(429 ×1,500, 503 ×500\\)"),
          lines.get(0));
      assertEquals(
          "in the last 3600 s: 481 more clients refused 960,001 times in all", lines.get(20));
      assertEquals(
          Map.of("429", 750_000L, "503", 250_000L, ConnectionGuard.MADE_ROOM, 1L),
          refusals.totals(),
          "the counts since the start, by reason: the metric");
      lines.clear();
      refusals.flush();
      assertEquals(List.of(), lines, "an interval without refusals writes nothing");
    }
  }

  @Test
  void clientsBeyondTheBoundOfOneIntervalAreCountedTogether() {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (Refusals refusals = new Refusals(Duration.ofHours(1), lines::add)) {
      for (int i = 0; i < Refusals.CLIENTS + 5_000; i++) {
        refusals.count("client-" + i, "429");
      }
      for (int i = 0; i < 10; i++) {
        refusals.count("client-late", "429"); // the bound is reached: counted with the others
      }
      refusals.flush();
      assertTrue(
          lines.get(0).startsWith("in the last 3600 s: " + Refusals.OTHERS + " refused 5,010"),
          lines.get(0));
      assertEquals(Refusals.CLIENTS + 5_010L, refusals.total("429"));
    }
  }

  @Test
  void statusesThatAreRefusals() {
    for (int status : new int[] {400, 403, 405, 408, 413, 414, 415, 429, 431, 503}) {
      assertTrue(Refusals.isRefusal(status), Integer.toString(status));
    }
    for (int status : new int[] {200, 204, 303, 304, 404, 500}) {
      assertTrue(!Refusals.isRefusal(status), Integer.toString(status));
    }
  }
}
