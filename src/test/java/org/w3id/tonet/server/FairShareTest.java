package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.tonet.server.http.ConnectionGuard;
import org.w3id.tonet.sparql.QueryScheduler;

/**
 * The scarce things — query threads, the queue, connections — are shared by clients, not by
 * requests: attackers on several addresses (127.0.0.x), each at its per-client maximum, leave a
 * newcomer its query and its page. (Fifty addresses: ManyAddressesIT.)
 */
class FairShareTest {

  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(8);

  /**
   * The longest a newcomer's cheap query may take: a slice of a running query (then it is stopped
   * for the newcomer), the grace should it not stop at once, and two seconds for the rest — half
   * the time limit, at which the heavy queries end on their own.
   */
  static final long NEWCOMER_MILLIS =
      QueryScheduler.SLICE_MILLIS + QueryScheduler.GRACE_MILLIS + 2_000;

  static final QueryScheduler.Settings FAIR_USE =
      new QueryScheduler.Settings(2, 4, 5, Duration.ofSeconds(60));
  static final int MAX_CONNECTIONS = 100;
  static final int CLIENT_CONNECTIONS = 20;

  @RegisterExtension
  static final ServerOnTestSeed SERVER =
      new ServerOnTestSeed(
          b ->
              b.queryTimeout(QUERY_TIMEOUT)
                  .fairUse(FAIR_USE)
                  .maxConnections(MAX_CONNECTIONS)
                  .clientConnections(CLIENT_CONNECTIONS)
                  // The busy connection's body must not be due before the test is over.
                  .requestTimeout(Duration.ofSeconds(120))
                  .metrics(true));

  /** A query that runs until its time limit. */
  static final String HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

  /** A cheap query of queries/, made new each time (no kept answer helps it). */
  static String cheap(int n) throws Exception {
    return Files.readString(Path.of("queries/symposia.rq")) + "\n# newcomer " + n + "\n";
  }

  static List<String> addresses(int first, int count) {
    return IntStream.range(first, first + count).mapToObj(i -> "127.0.0." + i).toList();
  }

  /** Waits (bounded) for a state of the server. */
  static void await(BooleanSupplier state, Duration most, String what) throws Exception {
    await(state, most, () -> what);
  }

  /** Waits (bounded) for a state of the server; {@code what} says what, and how it stands. */
  static void await(BooleanSupplier state, Duration most, Supplier<String> what) throws Exception {
    long end = System.nanoTime() + most.toNanos();
    while (!state.getAsBoolean()) {
      assertTrue(
          System.nanoTime() < end, () -> "waited " + most.toSeconds() + " s for " + what.get());
      Thread.sleep(20);
    }
  }

  /**
   * Waits (bounded) until an attack of {@code addresses} runs at its maximum: every query thread
   * and the whole queue taken, and as many answers (refusals) as addresses, so that each has been
   * refused at least about once and has used the endpoint more than a newcomer. (At the very start
   * the attackers are as new as a newcomer, and a tie keeps the queue's order.)
   */
  static void awaitAtItsMaximum(
      AttackLoad attack, QueryScheduler scheduler, QueryScheduler.Settings fairUse, int addresses)
      throws Exception {
    await(
        () ->
            scheduler.running() == fairUse.slots()
                && scheduler.waiting() == fairUse.queueLength()
                && attack.answers() >= addresses,
        Duration.ofSeconds(30),
        () -> "the attack at its maximum: " + attack.statuses());
  }

  @Test
  void fourAddressesAtTheirMaximumLeaveANewcomerItsQuery() throws Exception {
    int port = SERVER.server().port();
    QueryScheduler scheduler = SERVER.server().scheduler();
    try (AttackLoad attack =
        AttackLoad.start(
            port,
            addresses(2, 4),
            FAIR_USE.clientQueries(),
            n -> RawHttp.sparqlPost(HEAVY + " # " + n),
            Duration.ofSeconds(60))) {
      awaitAtItsMaximum(attack, scheduler, FAIR_USE, 4);
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        RawHttp.Reply r =
            RawHttp.exchange(
                port,
                "127.0.0." + (60 + i),
                RawHttp.sparqlPost(cheap(i)),
                (int) QUERY_TIMEOUT.toMillis() * 3);
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertEquals(200, r.status(), "newcomer " + i + " (" + ms + " ms): " + r.head() + r.body());
        assertTrue(r.body().contains("2012-03-17"), r.body());
        assertTrue(
            ms <= NEWCOMER_MILLIS,
            "newcomer " + i + " waited for a thread no longer than a slice: " + ms + " ms");
      }
      assertTrue(
          Set.of("429", "503").containsAll(attack.statuses().keySet()),
          "the attackers are refused or cut short, nothing else: " + attack.statuses());
    }
  }

  @Test
  void nearTheCapTheClientsHoldingMostLoseTheirIdleConnectionsFirst() throws Exception {
    int port = SERVER.server().port();
    ConnectionGuard guard = SERVER.server().connections();
    List<Socket> sockets = new ArrayList<>();
    try {
      // The first holder keeps one connection busy: a POST whose body is still coming.
      Socket busy = RawHttp.open(port, "127.0.0.20");
      sockets.add(busy);
      busy.getOutputStream()
          .write(
              ("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                      + "Content-Length: 60000\r\n\r\nSELECT")
                  .getBytes(StandardCharsets.US_ASCII));
      await(() -> guard.busyFrom("127.0.0.20") == 1, Duration.ofSeconds(10), "the POST to arrive");
      List<String> holders = addresses(20, 9);
      for (String address : holders) {
        int idle = address.equals("127.0.0.20") ? CLIENT_CONNECTIONS - 1 : CLIENT_CONNECTIONS;
        for (int i = 0; i < idle; i++) {
          sockets.add(RawHttp.open(port, address));
        }
      }
      int roomAt = ConnectionGuard.roomAt(MAX_CONNECTIONS);
      await(
          () -> guard.open() <= roomAt,
          Duration.ofSeconds(10),
          () ->
              "room made near the cap: "
                  + guard.open()
                  + " open, by client "
                  + holders.stream().map(guard::openFrom).toList());
      long t = System.nanoTime();
      RawHttp.Reply page =
          RawHttp.exchange(
              port,
              "127.0.0.70",
              "GET /page/org/council HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
              10_000);
      long ms = (System.nanoTime() - t) / 1_000_000;
      assertEquals(200, page.status(), "a new client's page, beside " + sockets.size() + " held");
      assertFalse(RawHttp.closedByServer(busy, 100), "the busy connection is kept");
      List<Integer> held = holders.stream().map(guard::openFrom).toList();
      int most = held.stream().mapToInt(Integer::intValue).max().orElse(0);
      int least = held.stream().mapToInt(Integer::intValue).min().orElse(0);
      assertTrue(
          most - least <= 2,
          "the clients holding the most lost first, so they hold about as many: " + held);
      assertTrue(
          SERVER.server().refusals().total(ConnectionGuard.MADE_ROOM)
              >= holders.size() * CLIENT_CONNECTIONS - roomAt,
          "each closed connection is counted: " + SERVER.server().refusals().totals());
      assertTrue(ms < 10_000, "answered in " + ms + " ms");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void refusalsAreCountedPerClientAndServedAsAMetric() throws Exception {
    int port = SERVER.server().port();
    long before = SERVER.server().refusals().total("403");
    for (int i = 0; i < 5; i++) {
      RawHttp.Reply r =
          RawHttp.exchange(
              port,
              "127.0.0.80",
              "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\n"
                  + "Content-Length: 8\r\nConnection: close\r\n\r\nDROP ALL",
              5_000);
      assertEquals(403, r.status());
    }
    await(
        () -> SERVER.server().refusals().total("403") >= before + 5,
        Duration.ofSeconds(5),
        "the refusals to be counted");
    RawHttp.Reply metrics =
        RawHttp.exchange(
            port,
            "127.0.0.81",
            "GET /$/metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            5_000);
    assertEquals(200, metrics.status(), metrics.head());
    Map<String, Long> totals = SERVER.server().refusals().totals();
    assertTrue(
        java.util.regex.Pattern.compile(
                "(?m)^tonet_refused_total\\{[^}]*reason=\"403\"[^}]*\\} \\d")
            .matcher(metrics.body())
            .find(),
        "the metric: " + totals + "\n" + metrics.body());
  }
}
