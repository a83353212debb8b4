package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Exporter;

/**
 * An independent parser, Debian's rapper (raptor2-utils, installed by .ci/setup), reads every dump
 * and counts the same triples Jena made.
 */
class RapperIT {

  private static final Pattern RETURNED = Pattern.compile("returned (\\d+) triples");

  @TempDir static Path dist;

  private static boolean exported;

  private static synchronized Path dist() throws Exception {
    if (!exported) {
      Exporter.export(TestSeeds.seedBuild(), dist, null);
      exported = true;
    }
    return dist;
  }

  @ParameterizedTest(name = "rapper reads {0}")
  @CsvSource({"tonet.ttl, turtle", "tonet.nt, ntriples", "tonet.rdf, rdfxml"})
  void rapperCountsTheSameTriples(String file, String syntax) throws Exception {
    long expected = TestSeeds.seedData().size();
    assertEquals(expected, rapperCount(dist().resolve(file), syntax), file);
  }

  @Test
  void rapperReadsTheTrigWithEveryGraph() throws Exception {
    long data = TestSeeds.seedData().size();
    long all = rapperCount(dist().resolve("tonet.trig"), "trig");
    assertTrue(all > data, "TriG holds the data, the ontology and the description: " + all);
  }

  private static long rapperCount(Path file, String syntax) throws Exception {
    Process p =
        new ProcessBuilder("rapper", "-i", syntax, "-c", file.toString())
            .redirectErrorStream(true)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("rapper did not finish on " + file);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(!out.contains("Error"), out);
    Matcher m = RETURNED.matcher(out);
    assertTrue(m.find(), out);
    return Long.parseLong(m.group(1));
  }
}
