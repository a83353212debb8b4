package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.tonet.server.sparql.SparqlHandler;
import org.w3id.tonet.sparql.QueryScheduler;

/**
 * A run of a query shared by the clients asking for it at once is judged per client: when the
 * scheduler stops it to make room (its client had used the endpoint most), the clients waiting for
 * it are not handed that stop; each runs the query as the client it is, within its own time limit.
 */
class SharedRunTest {

  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(20);

  /**
   * The follower's own limit: far more than the slice after which the leader's run is stopped for a
   * newcomer who comes when the follower has waited half of it, so that the stop comes while it
   * waits.
   */
  static final Duration FOLLOWER_TIMEOUT = Duration.ofSeconds(8);

  /** One query thread: the newcomer can only run once the shared run is stopped. */
  @RegisterExtension
  static final ServerOnTestSeed SERVER =
      new ServerOnTestSeed(
          b ->
              b.queryTimeout(QUERY_TIMEOUT)
                  .fairUse(new QueryScheduler.Settings(1, 4, 5, Duration.ofSeconds(60))));

  private static String get(String query, String more) {
    return "GET /sparql?query="
        + ServerTest.enc(query)
        + more
        + " HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
        + "Connection: close\r\n\r\n";
  }

  @Test
  void aRunStoppedToMakeRoomIsNotHandedToTheClientsWaitingForIt() throws Exception {
    int port = SERVER.server().port();
    QueryScheduler scheduler = SERVER.server().scheduler();
    SparqlHandler sparql = SERVER.server().sparql();
    int most = (int) QUERY_TIMEOUT.toMillis() * 3;
    String heavy = FairShareTest.HEAVY + " # shared";
    ExecutorService asking = Executors.newFixedThreadPool(2);
    try {
      Future<RawHttp.Reply> leader =
          asking.submit(() -> RawHttp.exchange(port, "127.0.0.91", get(heavy, ""), most));
      FairShareTest.await(() -> scheduler.running() == 1, Duration.ofSeconds(30), "the run");
      long asked = System.nanoTime();
      Future<RawHttp.Reply> follower =
          asking.submit(
              () ->
                  RawHttp.exchange(
                      port,
                      "127.0.0.92",
                      get(heavy, "&timeout=" + FOLLOWER_TIMEOUT.toSeconds()),
                      most));
      FairShareTest.await(
          () -> sparql.following() == 1, Duration.ofSeconds(30), "a client waiting for the run");
      // It has waited half its limit when the newcomer comes: what is left of its time is half.
      long half = FOLLOWER_TIMEOUT.toNanos() / 2 - (System.nanoTime() - asked);
      if (half > 0) {
        TimeUnit.NANOSECONDS.sleep(half);
      }

      RawHttp.Reply newcomer =
          RawHttp.exchange(port, "127.0.0.93", RawHttp.sparqlPost(FairShareTest.cheap(0)), most);
      assertEquals(200, newcomer.status(), newcomer.head() + newcomer.body());

      RawHttp.Reply l = leader.get(most, TimeUnit.MILLISECONDS);
      assertEquals(503, l.status(), l.body());
      assertTrue(l.body().contains("used this endpoint less"), "stopped to make room: " + l.body());

      RawHttp.Reply f = follower.get(most, TimeUnit.MILLISECONDS);
      long ms = (System.nanoTime() - asked) / 1_000_000;
      assertFalse(
          f.body().contains("used this endpoint less"),
          "the follower's client had not used the endpoint: " + f.body());
      assertEquals(503, f.status(), f.body());
      assertTrue(
          f.body().contains("timed out") && f.body().contains(FOLLOWER_TIMEOUT.toSeconds() + " s"),
          "run on its own, it ends at its own limit: " + f.body());
      long bound = FOLLOWER_TIMEOUT.toMillis() + QueryScheduler.GRACE_MILLIS + 1_000;
      assertTrue(
          ms <= bound, "its limit counts from its request, not from the retry: " + ms + " ms");
    } finally {
      asking.shutdownNow();
    }
  }
}
