package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.tonet.server.HostileCorpus.IDLE_TIMEOUT;
import static org.w3id.tonet.server.HostileCorpus.QUERY_TIMEOUT;
import static org.w3id.tonet.server.HostileCorpus.REQUEST_TIMEOUT;
import static org.w3id.tonet.server.HostileCorpus.SLACK;
import static org.w3id.tonet.server.HostileCorpus.awaitUntil;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.tonet.TestSeeds;

/**
 * The attacks of the {@link HostileCorpus} that a limit of the server's ends (the query time, the
 * request time, the idle time), and those of many requests: seconds each, so they run in the
 * integration phase, after the quick tests. Each ends within its limit and {@link
 * HostileCorpus#SLACK}, with one of its statuses and an answer of ours, while pages are served.
 */
class HostileCorpusIT {

  @RegisterExtension
  static final ServerOnTestSeed SERVER = new ServerOnTestSeed(HostileCorpus::options);

  private static final HostileCorpus CORPUS = new HostileCorpus(SERVER);

  static Stream<Arguments> endedByALimit() {
    return HostileCorpus.endedByALimit();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endedByALimit")
  void everyAttackEndsInTimeWithAnAnswerOfOursWhilePagesAreServed(HostileCorpus.Case c)
      throws Exception {
    CORPUS.assertEndsInTimeWithAnAnswerOfOursWhilePagesAreServed(c);
  }

  @Test
  void queriesOfOneClientDoNotStarveAnother() throws Exception {
    String slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    List<CompletableFuture<Integer>> attacker =
        IntStream.range(0, 20)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            return Http.get(
                                    SERVER.url()
                                        + "sparql?query="
                                        + ServerTest.enc(slow + " # " + i),
                                    "X-Forwarded-For",
                                    "203.0.113.200")
                                .statusCode();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        }))
            .toList();
    // All twenty have arrived once fifteen are refused: five may run or wait, one at a time.
    assertTrue(
        awaitUntil(() -> attacker.stream().filter(CompletableFuture::isDone).count() >= 15, SLACK),
        "the attacker's queries beyond its five are refused at once");
    long t = System.nanoTime();
    assertEquals(200, CORPUS.normalQuery(), "another client's ASK is answered");
    long askMillis = (System.nanoTime() - t) / 1_000_000;
    // Behind the attacker's queries, it would wait for them to run out of time.
    assertTrue(
        askMillis < QUERY_TIMEOUT.toMillis(), "another client's ASK took " + askMillis + " ms");
    assertTrue(CORPUS.pagesServed(), "a page is served at once");
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Integer> f : attacker) {
      statuses.add(f.get(QUERY_TIMEOUT.plus(SLACK).toSeconds(), TimeUnit.SECONDS));
    }
    long refused = statuses.stream().filter(s -> s == 429).count();
    assertTrue(refused >= 15, "one client may have 5 queries running or waiting: " + statuses);
    assertTrue(
        statuses.stream().allMatch(s -> s == 429 || s == 503),
        "the rest ran to the time limit or waited in vain: " + statuses);
  }

  @Test
  void headersSentAByteAtATimeAreCutOff() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        Socket s = RawHttp.open(SERVER.server().port());
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes());
        sockets.add(s);
      }
      long deadline = System.nanoTime() + REQUEST_TIMEOUT.plus(SLACK).toNanos();
      int rounds = 0;
      while (System.nanoTime() < deadline && !allClosed(sockets)) {
        assertTrue(CORPUS.pagesServed(), "pages are served while headers dribble in");
        for (Socket s : sockets) {
          try {
            s.getOutputStream().write(("X-" + rounds + ": y\r\n").getBytes());
          } catch (java.io.IOException closed) {
            // closed by the server: what this test waits for
          }
        }
        rounds++;
        Thread.sleep(500); // the attacker's pace: a header line every half second
      }
      assertTrue(allClosed(sockets), "connections still sending headers after the request timeout");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static boolean allClosed(List<Socket> sockets) {
    return sockets.stream().allMatch(s -> RawHttp.closedByServer(s, 10));
  }

  /**
   * Once the server holds {@code sockets}, a page and a query are served beside them; then, left
   * alone, they are closed once the idle timeout has passed: the server says when it holds none
   * (ours idle too). Jetty closes them within about twice the idle timeout, not at it (5 to 6.5 s
   * here with 3 s).
   */
  private static void assertServedBesideThenClosed(List<Socket> sockets, String what)
      throws Exception {
    awaitUntil(() -> SERVER.server().openConnections() >= sockets.size(), SLACK);
    assertTrue(CORPUS.pagesServed(), "pages are served beside " + what);
    assertEquals(200, CORPUS.normalQuery(), "a query is answered beside " + what);
    assertTrue(
        awaitUntil(
            () -> SERVER.server().openConnections() == 0, IDLE_TIMEOUT.multipliedBy(2).plus(SLACK)),
        what
            + " outlive the idle timeout: "
            + SERVER.server().openConnections()
            + " connections open");
  }

  @Test
  void clientsThatNeverReadTheirAnswerHoldNoThread() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 80; i++) {
        Socket s = new Socket();
        s.setReceiveBufferSize(1024);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", SERVER.server().port()), 5_000);
        s.getOutputStream()
            .write(
                ("GET /downloads/tonet.nt HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "GET /sparql?query=CONSTRUCT%7B?s%20?p%20?o%7DWHERE%7B?s%20?p%20?o%7D"
                        + " HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.201\r\n\r\n")
                    .getBytes());
        sockets.add(s);
      }
      // Untouched (any byte we sent or read would count as activity).
      assertServedBesideThenClosed(sockets, "80 clients that do not read");
      // The server's count is the state this test is about; reading each socket to its end here
      // would first drain what the kernel still holds of each answer (half a minute on a busy
      // machine, for 80 of them).
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void hundredsOfIdleConnectionsHoldNoThreadAndAreClosed() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        sockets.add(RawHttp.open(SERVER.server().port()));
      }
      assertServedBesideThenClosed(sockets, "300 idle connections");
      assertTrue(
          sockets.stream().allMatch(s -> RawHttp.closedByServer(s, 200)),
          "idle connections are closed after the idle timeout");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void oneClientMayHoldOnlySoManyConnections() throws Exception {
    TonetServer direct =
        TonetServer.create().port(0).council(TestSeeds.tone()).clientConnections(16).start();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) {
        sockets.add(RawHttp.open(direct.port()));
      }
      // Closed as they are accepted: wait until the server holds what it keeps, then count.
      List<Socket> closed = new ArrayList<>();
      awaitUntil(
          () -> {
            for (Socket s : sockets) {
              if (!closed.contains(s) && RawHttp.closedByServer(s, 10)) {
                closed.add(s);
              }
            }
            return closed.size() >= 8 && direct.openConnections() == 16;
          },
          SLACK);
      assertEquals(8, closed.size(), "connections beyond the 16 a client may have are closed");
      assertEquals(16, direct.openConnections(), "the 16 a client may have are kept");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
      awaitUntil(() -> direct.openConnections() == 0, SLACK);
      try {
        assertEquals(
            200,
            Http.get(direct.localUrl() + "page/org/council").statusCode(),
            "the client is served again once it holds fewer");
      } finally {
        direct.stop();
      }
    }
  }
}
