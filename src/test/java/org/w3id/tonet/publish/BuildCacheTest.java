package org.w3id.tonet.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.server.Http;
import org.w3id.tonet.server.TonetServer;

/**
 * A start keeps what it built; the next start with the same seed, program build and options loads
 * it (after checking every digest) instead of parsing, validating and writing the dumps again, and
 * serves the very same bytes. A damaged entry is found out, removed and built again.
 */
class BuildCacheTest {

  private static final String BASE = "http://localhost:3030/";

  @TempDir Path cache;

  /** A server on a free port with the fixed base, keeping its builds in {@link #cache}. */
  private TonetServer start(List<String> steps, String license) throws Exception {
    return TonetServer.create()
        .port(0)
        .baseIri(BASE)
        .license(license)
        .council(TestSeeds.tone())
        .buildCache(cache)
        .progress((what, millis) -> steps.add(what))
        .start();
  }

  private Path entry(String license) throws Exception {
    return cache.resolve(
        BuildCache.key(TestSeeds.tone(), BASE, license, TimelineParser.Mode.STRICT));
  }

  /** The entry is written once the first server serves: wait for it, bounded. */
  private void awaitEntry(Path entry) throws Exception {
    for (int i = 0; i < 300 && !Files.isRegularFile(entry.resolve(BuildCache.MANIFEST)); i++) {
      Thread.sleep(100);
    }
    assertTrue(Files.isRegularFile(entry.resolve(BuildCache.MANIFEST)), "the build is kept");
  }

  private static boolean keptBuildLoaded(List<String> steps) {
    return steps.stream().anyMatch(s -> s.startsWith("the build kept from an earlier start"));
  }

  @Test
  void theSecondStartLoadsTheFirstsBuildAndServesTheSameBytes() throws Exception {
    List<String> first = new ArrayList<>();
    TonetServer one = start(first, null);
    Map<String, byte[]> files;
    String tag;
    byte[] answer;
    try {
      assertFalse(keptBuildLoaded(first), "nothing to load yet: " + first);
      files = one.site().files();
      tag = one.site().tag();
      answer = sparql(one);
    } finally {
      one.stop();
    }
    awaitEntry(entry(null));

    List<String> second = new ArrayList<>();
    TonetServer two = start(second, null);
    try {
      assertTrue(keptBuildLoaded(second), "the kept build is loaded: " + second);
      assertTrue(
          second.stream().noneMatch(s -> s.startsWith("seed read")), "nothing parsed: " + second);
      assertEquals(files.keySet(), two.site().files().keySet());
      for (String name : files.keySet()) {
        assertArrayEquals(files.get(name), two.site().files().get(name), name);
        HttpResponse<byte[]> served = Http.get(two.localUrl() + "downloads/" + name);
        assertArrayEquals(files.get(name), served.body(), "served " + name);
      }
      assertEquals(tag, two.site().tag(), "the same publication: the same ETags");
      assertArrayEquals(answer, sparql(two), "the same answers");
      assertEquals(
          200, Http.get(two.localUrl() + "page/org/council").statusCode(), "pages are made");
    } finally {
      two.stop();
    }
  }

  private static byte[] sparql(TonetServer s) throws Exception {
    return Http.get(
            s.localUrl()
                + "sparql?query="
                + java.net.URLEncoder.encode(
                    "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                    java.nio.charset.StandardCharsets.UTF_8),
            "Accept",
            "text/csv")
        .body();
  }

  @Test
  void aDamagedEntryIsFoundOutRemovedAndBuiltAgain() throws Exception {
    TonetServer one = start(new ArrayList<>(), null);
    one.stop();
    Path entry = entry(null);
    awaitEntry(entry);
    Files.write(
        entry.resolve(BuildCache.FILES).resolve("tonet.ttl"),
        "# tampered\n".getBytes(),
        StandardOpenOption.APPEND);

    List<String> steps = new ArrayList<>();
    TonetServer two = start(steps, null);
    try {
      assertFalse(keptBuildLoaded(steps), "a damaged entry is not loaded: " + steps);
      assertTrue(steps.stream().anyMatch(s -> s.startsWith("seed read")), "built again: " + steps);
      byte[] served = Http.get(two.localUrl() + "downloads/tonet.ttl").body();
      assertFalse(new String(served).contains("# tampered"), "the damage is never served");
    } finally {
      two.stop();
    }
    awaitEntry(entry);
    List<String> three = new ArrayList<>();
    start(three, null).stop();
    assertTrue(keptBuildLoaded(three), "the entry was written again, sound: " + three);
  }

  @Test
  void anotherLicenceIsAnotherBuild() throws Exception {
    String cc = "https://creativecommons.org/licenses/by/4.0/";
    assertNotEquals(entry(null), entry(cc));
    TonetServer one = start(new ArrayList<>(), null);
    one.stop();
    awaitEntry(entry(null));
    List<String> steps = new ArrayList<>();
    TonetServer two = start(steps, cc);
    try {
      assertFalse(keptBuildLoaded(steps), "a build under another licence is not reused");
      assertTrue(
          new String(two.site().files().get("void.ttl")).contains(cc), "the licence is stated");
    } finally {
      two.stop();
    }
  }

  @Test
  void aFolderThatCannotBeWrittenLeavesTheServerRunning() throws Exception {
    Path file = Files.writeString(cache.resolve("not-a-folder"), "x");
    TonetServer s =
        TonetServer.create()
            .port(0)
            .baseIri(BASE)
            .council(TestSeeds.tone())
            .buildCache(file)
            .start();
    try {
      assertEquals(200, Http.get(s.localUrl()).statusCode());
    } finally {
      s.stop();
    }
  }
}
