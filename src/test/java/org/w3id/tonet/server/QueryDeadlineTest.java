package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.tonet.sparql.QueryScheduler;

/**
 * Every query ends by its time limit and a second, whatever it is doing, with the message that says
 * it timed out — even with a long idle timeout, which used to end the audit's OFFSET query after
 * 27–60 s with "the client went away".
 */
class QueryDeadlineTest {

  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

  @RegisterExtension
  static final ServerOnTestSeed SERVER =
      new ServerOnTestSeed(
          b -> b.queryTimeout(QUERY_TIMEOUT).idleTimeout(Duration.ofSeconds(60)).cacheSize(0));

  /** The longest a timed-out query may take: its limit, the grace, and a second for the rest. */
  private static long mostMillis() {
    return QUERY_TIMEOUT.toMillis() + QueryScheduler.GRACE_MILLIS + 1_000;
  }

  @Test
  void aHugeOffsetOverACrossProductEndsAtItsTimeLimitSayingSo() throws Exception {
    for (String accept : new String[] {"application/sparql-results+json", "text/html"}) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r =
          Http.get(
              SERVER.url()
                  + "sparql?query="
                  + ServerTest.enc(
                      "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } OFFSET 9223372036854775000"),
              "Accept",
              accept);
      long ms = (System.nanoTime() - t) / 1_000_000;
      String body = Http.text(r);
      assertEquals(503, r.statusCode(), accept + ": " + body);
      assertTrue(body.contains("timed out"), accept + ": " + body);
      assertFalse(body.contains("went away"), accept + ": " + body);
      assertTrue(ms <= mostMillis(), accept + ": took " + ms + " ms, at most " + mostMillis());
    }
  }
}
