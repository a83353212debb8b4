package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;

/**
 * Compressing an answer is work done per request when no compressed copy is kept: a cache-buster no
 * longer makes one (the kept copy is the path's), and what is made for one request comes out of its
 * client's share, beyond which the answer goes uncompressed — to that client only.
 */
class CompressionShareTest {

  /** tonet-lod on the test seed, on a free port, with {@code options} set. */
  private static TonetServer started(UnaryOperator<TonetServer.Builder> options) throws Exception {
    return options.apply(TonetServer.create().port(0).council(TestSeeds.tone())).start();
  }

  private static String landing(String bust) {
    return "GET /"
        + bust
        + " HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n"
        + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n";
  }

  @Test
  void aCacheBusterGetsTheKeptCopyAndItsETag() throws Exception {
    TonetServer server = started(UnaryOperator.identity());
    try {
      RawHttp.Reply first = RawHttp.exchange(server.port(), landing(""), 10_000);
      assertEquals("gzip", first.header("Content-Encoding"));
      for (int i = 0; i < 20; i++) {
        RawHttp.Reply busted = RawHttp.exchange(server.port(), landing("?v=" + i), 10_000);
        assertEquals(200, busted.status());
        assertEquals("gzip", busted.header("Content-Encoding"));
        assertEquals(first.header("ETag"), busted.header("ETag"), "the same representation");
        assertEquals(first.header("Content-Length"), busted.header("Content-Length"));
      }
    } finally {
      server.stop();
    }
  }

  /**
   * With the edge cache on: what a client past its share is sent uncompressed is not kept for the
   * others, who take gzip and get it compressed.
   */
  @Test
  void anAnswerSentUncompressedToAClientPastItsShareIsNotKeptForOthers() throws Exception {
    // A share of a nanosecond a minute: one compression spends it.
    TonetServer server = started(b -> b.compressionShare(Duration.ofNanos(1)));
    try {
      String page =
          "GET /page/org/council HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n"
              + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n";
      RawHttp.Reply first = RawHttp.exchange(server.port(), "127.0.0.93", landing(""), 10_000);
      assertEquals("gzip", first.header("Content-Encoding"), "its first compression");
      RawHttp.Reply past = RawHttp.exchange(server.port(), "127.0.0.93", page, 10_000);
      assertEquals(200, past.status());
      assertNull(past.header("Content-Encoding"), "past its share");
      RawHttp.Reply other = RawHttp.exchange(server.port(), "127.0.0.94", page, 10_000);
      assertEquals(200, other.status());
      assertEquals("gzip", other.header("Content-Encoding"), "not the copy made for the other");
      RawHttp.Reply again = RawHttp.exchange(server.port(), "127.0.0.93", page, 10_000);
      assertEquals("gzip", again.header("Content-Encoding"), "the copy now kept, for everyone");
    } finally {
      server.stop();
    }
  }

  @Test
  void aClientPastItsShareGetsAnswersUncompressedAndOthersDoNot() throws Exception {
    // Nothing is kept, so every gzip is made for its request.
    TonetServer server = started(b -> b.cacheSize(0).compressionShare(Duration.ofMillis(30)));
    try {
      int compressed = 0;
      RawHttp.Reply plain = null;
      for (int i = 0; i < 1_000 && plain == null; i++) {
        RawHttp.Reply r = RawHttp.exchange(server.port(), "127.0.0.90", landing(""), 10_000);
        assertEquals(200, r.status());
        if (r.header("Content-Encoding") == null) {
          plain = r;
        } else {
          compressed++;
        }
      }
      assertNotNull(plain, "a client compressing page after page reaches its share");
      assertTrue(compressed > 0, "it had its share first");
      assertNull(plain.header("Content-Encoding"));
      assertTrue(plain.body().contains("</html>"), "the page, as it is");
      RawHttp.Reply other = RawHttp.exchange(server.port(), "127.0.0.91", landing(""), 10_000);
      assertEquals("gzip", other.header("Content-Encoding"), "another client has its own share");
      RawHttp.Reply answer = null;
      for (int i = 0; i < 100 && answer == null; i++) {
        RawHttp.Reply r =
            RawHttp.exchange(
                server.port(),
                "127.0.0.92",
                "GET /sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D HTTP/1.1\r\nHost: x\r\n"
                    + "Accept: application/sparql-results+json\r\nAccept-Encoding: gzip\r\n"
                    + "Connection: close\r\n\r\n",
                30_000);
        assertEquals(200, r.status());
        answer = r.header("Content-Encoding") == null ? r : null;
      }
      assertNotNull(answer, "the share covers SPARQL answers too");
    } finally {
      server.stop();
    }
  }
}
