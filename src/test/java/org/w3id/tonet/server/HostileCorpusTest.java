package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attacks of the {@link HostileCorpus} that are answered or refused at once: each ends with one
 * of its statuses and an answer of ours while pages are served. Those a limit of the server's ends,
 * and those of many requests, take seconds each and run in the integration phase ({@link
 * HostileCorpusIT}).
 */
class HostileCorpusTest {

  @RegisterExtension
  static final ServerOnTestSeed SERVER = new ServerOnTestSeed(HostileCorpus::options);

  private static final HostileCorpus CORPUS = new HostileCorpus(SERVER);

  static Stream<Arguments> atOnce() {
    return HostileCorpus.atOnce();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("atOnce")
  void everyAttackEndsWithAnAnswerOfOursWhilePagesAreServed(HostileCorpus.Case c) throws Exception {
    CORPUS.assertEndsInTimeWithAnAnswerOfOursWhilePagesAreServed(c);
  }

  @Test
  void aMalformedAcceptIsIgnoredEverywhere() throws Exception {
    for (String path :
        Arrays.asList(
            "id/org/council", "data/org/council", "ontology", "void", "sparql", "nothing")) {
      for (String accept : List.of(";", " ; ", "text/html,;")) {
        RawHttp.Reply r =
            RawHttp.exchange(
                SERVER.server().port(),
                "GET /"
                    + path
                    + " HTTP/1.1\r\nHost: x\r\nAccept: "
                    + accept
                    + "\r\n"
                    + "Connection: close\r\n\r\n",
                5_000);
        assertNotNull(r.status(), path + " with Accept: " + accept);
        assertTrue(r.status() < 500, path + " with Accept: " + accept + " → " + r.status());
        assertTrue(
            r.status() / 100 == 3 || !r.body().isEmpty(),
            path + " answers with a body: " + r.head());
      }
    }
  }
}
