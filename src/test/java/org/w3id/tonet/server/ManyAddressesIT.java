package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.server.http.ConnectionGuard;
import org.w3id.tonet.sparql.QueryScheduler;

/**
 * Issue 17's guarantees against fifty attacking addresses (127.0.0.2 … 127.0.0.51), each at its
 * per-client maximum: a newcomer's cheap query is answered (200, never a 503 for a full queue), and
 * a new client's page is answered while every address holds as many connections as it may. The
 * bounds come from the configured limits, not from this machine's speed; the figures (p95) are in
 * bench/README.md.
 */
class ManyAddressesIT {

  static final int ADDRESSES = 50;
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  /** Newcomers' queries: long enough to see the attack at work, short enough for the suite. */
  static final int NEWCOMERS = 8;

  @Test
  void fiftyAddressesRunningTheirWorstQueriesLeaveNewcomersTheirQueries() throws Exception {
    QueryScheduler.Settings fairUse = new QueryScheduler.Settings(2, 4, 5, Duration.ofSeconds(60));
    TonetServer server =
        TonetServer.create()
            .port(0)
            .council(TestSeeds.tone())
            .queryTimeout(QUERY_TIMEOUT)
            .fairUse(fairUse)
            .start();
    try (AttackLoad attack =
        AttackLoad.start(
            server.port(),
            FairShareTest.addresses(2, ADDRESSES),
            fairUse.clientQueries(),
            n -> RawHttp.sparqlPost(FairShareTest.HEAVY + " # " + n),
            Duration.ofMinutes(3))) {
      QueryScheduler scheduler = server.scheduler();
      FairShareTest.awaitAtItsMaximum(attack, scheduler, fairUse, ADDRESSES);
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < NEWCOMERS; i++) {
        long t = System.nanoTime();
        RawHttp.Reply r =
            RawHttp.exchange(
                server.port(),
                "127.0.0." + (100 + i),
                RawHttp.sparqlPost(FairShareTest.cheap(i)),
                (int) QUERY_TIMEOUT.toMillis() * 3);
        long ms = (System.nanoTime() - t) / 1_000_000;
        millis.add(ms);
        assertEquals(200, r.status(), "newcomer " + i + " after " + ms + " ms: " + r.head());
        assertTrue(
            ms < QUERY_TIMEOUT.toMillis() / 2,
            "newcomer " + i + " took " + ms + " ms, half its time limit or more: " + millis);
      }
      assertTrue(
          Set.of("429", "503").containsAll(attack.statuses().keySet()),
          "the attackers are refused or cut short: " + attack.statuses());
    } finally {
      server.stop();
    }
  }

  @Test
  void fiftyAddressesHoldingTheirConnectionsLeaveANewClientItsPage() throws Exception {
    // Scaled down, so that the sockets of both ends fit a default limit of 1,024 open files.
    int maxConnections = 200;
    int perClient = 8;
    TonetServer server =
        TonetServer.create()
            .port(0)
            .council(TestSeeds.tone())
            .maxConnections(maxConnections)
            .clientConnections(perClient)
            .start();
    List<Socket> sockets = new ArrayList<>();
    try {
      List<String> holders = FairShareTest.addresses(2, ADDRESSES);
      for (String address : holders) {
        for (int i = 0; i < perClient; i++) {
          sockets.add(RawHttp.open(server.port(), address));
        }
      }
      ConnectionGuard guard = server.connections();
      FairShareTest.await(
          () -> guard.open() <= ConnectionGuard.roomAt(maxConnections),
          Duration.ofSeconds(10),
          () ->
              "room made near the cap: "
                  + guard.open()
                  + " open; by client "
                  + holders.stream().map(guard::openFrom).toList());
      for (int i = 0; i < NEWCOMERS; i++) {
        RawHttp.Reply page =
            RawHttp.exchange(
                server.port(),
                "127.0.0." + (100 + i),
                "GET /page/org/council HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                10_000);
        assertEquals(200, page.status(), "new client " + i + ", beside " + sockets.size());
        // The holders try again, as a flood does.
        for (String address : holders.subList(0, 10)) {
          sockets.add(RawHttp.open(server.port(), address));
        }
      }
      int most = holders.stream().mapToInt(guard::openFrom).max().orElse(0);
      int least = holders.stream().mapToInt(guard::openFrom).min().orElse(0);
      assertTrue(most - least <= 2, "the holders were evened out: " + least + " to " + most);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
      server.stop();
    }
  }
}
