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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.council.CouncilSource;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.server.Http;
import org.w3id.tonet.server.TonetServer;

/**
 * A start keeps what it built; the next start with the same seed, program build and options loads
 * it (after checking every digest) instead of parsing, validating and writing the dumps again, and
 * serves the very same bytes. A damaged entry is found out, removed and built again; what is not
 * this user's alone (a link, another user's, writable by others) is refused.
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

  @Test
  void aStartThatFindsItsKeptBuildByTheFoldersDigestDoesNotReadTheFolder() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    Council tone = TestSeeds.tone();
    CouncilSource counted =
        new CouncilSource() {
          @Override
          public Optional<String> digest() {
            return Optional.of(tone.digest());
          }

          @Override
          public Council read() {
            reads.incrementAndGet();
            return tone;
          }
        };
    List<String> steps = new ArrayList<>();
    TonetServer one =
        TonetServer.create().port(0).baseIri(BASE).council(counted).buildCache(cache).start();
    one.stop();
    assertEquals(1, reads.get(), "the first start reads the folder");
    awaitEntry(entry(null));
    TonetServer two =
        TonetServer.create()
            .port(0)
            .baseIri(BASE)
            .council(counted)
            .buildCache(cache)
            .progress((what, millis) -> steps.add(what))
            .start();
    try {
      assertTrue(keptBuildLoaded(steps), "the kept build is loaded: " + steps);
      assertEquals(1, reads.get(), "the second start does not read the folder again");
      assertEquals(200, Http.get(two.localUrl() + "page/org/council").statusCode());
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

  /** Rewrites the manifest of {@code entry} with {@code change} applied to its properties. */
  private static void editManifest(Path entry, java.util.function.Consumer<Properties> change)
      throws Exception {
    Path file = entry.resolve(BuildCache.MANIFEST);
    Properties manifest = new Properties();
    try (java.io.Reader in = Files.newBufferedReader(file)) {
      manifest.load(in);
    }
    change.accept(manifest);
    try (java.io.Writer out = Files.newBufferedWriter(file)) {
      manifest.store(out, null);
    }
  }

  /** The first start's entry, kept; then what a second start made of it after {@code change}. */
  private List<String> secondStartAfter(ThrowingConsumer<Path> change) throws Exception {
    start(new ArrayList<>(), null).stop();
    Path entry = entry(null);
    awaitEntry(entry);
    change.accept(entry);
    List<String> steps = new ArrayList<>();
    TonetServer two = start(steps, null);
    try {
      byte[] served = Http.get(two.localUrl() + "downloads/tonet.ttl").body();
      assertFalse(new String(served).contains(SECRET), "what was planted is never served");
    } finally {
      two.stop();
    }
    return steps;
  }

  /** A change to a kept entry. */
  @FunctionalInterface
  private interface ThrowingConsumer<T> {
    void accept(T t) throws Exception;
  }

  private static final String SECRET = "the host's secret";

  @TempDir Path elsewhere;

  @Test
  void aDumpReplacedByALinkIsRefusedEvenWithItsDigestInTheManifest() throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("hostname"), SECRET + "\n");
    List<String> steps =
        secondStartAfter(
            entry -> {
              Path dump = entry.resolve(BuildCache.FILES).resolve("tonet.ttl");
              Files.delete(dump);
              Files.createSymbolicLink(dump, secret);
              editManifest(
                  entry,
                  m ->
                      m.setProperty(
                          "file.tonet.ttl",
                          org.w3id.tonet.publish.Exporter.sha256(
                              (SECRET + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            });
    assertFalse(keptBuildLoaded(steps), "the entry is refused: " + steps);
  }

  @Test
  void aManifestNamingAFileOutsideItsEntryIsRefused() throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("hostname"), SECRET + "\n");
    List<String> steps =
        secondStartAfter(
            entry ->
                editManifest(
                    entry,
                    m ->
                        m.setProperty(
                            "file.../../" + cache.relativize(secret).toString(),
                            org.w3id.tonet.publish.Exporter.sha256(
                                (SECRET + "\n")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    assertFalse(keptBuildLoaded(steps), "the entry is refused: " + steps);
  }

  @Test
  void aFileWritableByOthersIsRefused() throws Exception {
    List<String> steps =
        secondStartAfter(
            entry -> {
              Path dump = entry.resolve(BuildCache.FILES).resolve("tonet.ttl");
              Set<PosixFilePermission> p = new HashSet<>(Files.getPosixFilePermissions(dump));
              p.add(PosixFilePermission.OTHERS_WRITE);
              Files.setPosixFilePermissions(dump, p);
            });
    assertFalse(keptBuildLoaded(steps), "the entry is refused: " + steps);
    awaitEntry(entry(null));
    assertTrue(
        !Files.getPosixFilePermissions(entry(null).resolve(BuildCache.FILES).resolve("tonet.ttl"))
            .contains(PosixFilePermission.OTHERS_WRITE),
        "it was removed and kept again, as it should be");
  }

  @Test
  void aFolderWritableByItsGroupIsNotUsedNorWritten() throws Exception {
    Set<PosixFilePermission> own = Files.getPosixFilePermissions(cache);
    List<String> steps =
        secondStartAfter(
            entry -> {
              Set<PosixFilePermission> p = new HashSet<>(own);
              p.add(PosixFilePermission.GROUP_WRITE);
              Files.setPosixFilePermissions(cache, p);
            });
    assertFalse(keptBuildLoaded(steps), "the folder is not used: " + steps);
    Files.setPosixFilePermissions(cache, own);
    List<String> third = new ArrayList<>();
    start(third, null).stop();
    assertTrue(keptBuildLoaded(third), "its entry was left as it was: " + third);
  }

  @Test
  void anEntryOfAnotherUserIsRefused() throws Exception {
    start(new ArrayList<>(), null).stop();
    Path entry = entry(null);
    awaitEntry(entry);
    int me = (Integer) Files.getAttribute(entry, "unix:uid");
    String key = entry.getFileName().toString();
    assertTrue(
        new BuildCache(cache, new OwnFiles(me + 1))
            .load(key, DatasetGraphFactory.createTxnMem(), false)
            .isEmpty(),
        "trusting only another user, the entry is refused");
  }

  /**
   * What serve prefetches while Jena starts is what the load then parses: read and checked once,
   * the files are not read again; a prefetch of another key is not used, and a damaged entry is
   * found out by the prefetch as by a load.
   */
  @Test
  void aPrefetchedEntryIsLoadedFromWhatWasReadAndCheckedAhead() throws Exception {
    TonetServer first = start(new ArrayList<>(), null);
    long triples = first.site().union().size();
    first.stop();
    Path entry = entry(null);
    awaitEntry(entry);
    String key = entry.getFileName().toString();

    BuildCache kept = new BuildCache(cache);
    kept.prefetch(key);
    Path graphs = entry.resolve(BuildCache.GRAPHS);
    Files.write(graphs, new byte[] {1, 2, 3}); // a load that read the file again would refuse it
    Optional<Site> site = kept.load(key, null, false);
    assertTrue(site.isPresent(), "loaded from the prefetched bytes");
    assertEquals(triples, site.get().union().size(), "the whole build");
    assertTrue(kept.load(key, null, false).isEmpty(), "taken once: the next load reads the file");
    assertFalse(Files.exists(entry), "and, finding it damaged, removes the entry");

    TonetServer again = start(new ArrayList<>(), null);
    byte[] sums = again.site().files().get(Dump.SHA256SUMS);
    again.stop();
    awaitEntry(entry);
    String licence = "https://creativecommons.org/licenses/by/4.0/";
    start(new ArrayList<>(), licence).stop();
    awaitEntry(entry(licence));
    BuildCache other = new BuildCache(cache);
    other.prefetch(entry(licence).getFileName().toString());
    Optional<Site> mine = other.load(key, null, false);
    assertTrue(mine.isPresent());
    assertArrayEquals(
        sums, mine.get().files().get(Dump.SHA256SUMS), "a prefetch of another key is not used");
  }

  /**
   * serve --tdb2 answers from the kept description before the rest is loaded (issue 22): that
   * description is held to what the whole entry is held to.
   */
  @Test
  void theKeptDescriptionIsTrustedAsTheWholeEntryIs() throws Exception {
    start(new ArrayList<>(), null).stop();
    Path entry = entry(null);
    awaitEntry(entry);
    String key = entry.getFileName().toString();
    var store = DatasetGraphFactory.createTxnMem();
    assertTrue(new BuildCache(cache).described(key, store).isPresent(), "sound, it is used");

    int me = (Integer) Files.getAttribute(entry, "unix:uid");
    assertTrue(
        new BuildCache(cache, new OwnFiles(me + 1)).described(key, store).isEmpty(),
        "trusting only another user, it is refused");

    Set<PosixFilePermission> own = Files.getPosixFilePermissions(cache);
    Set<PosixFilePermission> groupWritable = new HashSet<>(own);
    groupWritable.add(PosixFilePermission.GROUP_WRITE);
    Files.setPosixFilePermissions(cache, groupWritable);
    try {
      assertTrue(
          new BuildCache(cache).described(key, store).isEmpty(),
          "in a folder others can write, it is refused");
    } finally {
      Files.setPosixFilePermissions(cache, own);
    }

    Path description = entry.resolve(BuildCache.FILES).resolve("void.ttl");
    Path planted = Files.write(elsewhere.resolve("void.ttl"), Files.readAllBytes(description));
    Files.delete(description);
    Files.createSymbolicLink(description, planted);
    assertTrue(
        new BuildCache(cache).described(key, store).isEmpty(),
        "a link, even to the same bytes, is refused");
    Files.delete(description);
    Files.writeString(description, "<urn:x> <urn:y> \"planted\" .\n");
    editManifest(
        entry,
        m ->
            m.setProperty(
                "file.void.ttl",
                org.w3id.tonet.publish.Exporter.sha256(
                    "<urn:x> <urn:y> \"planted\" .\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    Set<PosixFilePermission> readable = new HashSet<>(Files.getPosixFilePermissions(description));
    readable.add(PosixFilePermission.OTHERS_WRITE);
    Files.setPosixFilePermissions(description, readable);
    assertTrue(
        new BuildCache(cache).described(key, store).isEmpty(),
        "a file others can write is refused, even with its digest in the manifest");
  }

  @Test
  void whatIsKeptIsReadableByItsOwnerOnly() throws Exception {
    Path folder = cache.resolve("made-here");
    TonetServer one =
        TonetServer.create()
            .port(0)
            .baseIri(BASE)
            .council(TestSeeds.tone())
            .buildCache(folder)
            .start();
    one.stop();
    Path entry =
        folder.resolve(BuildCache.key(TestSeeds.tone(), BASE, null, TimelineParser.Mode.STRICT));
    awaitEntry(entry);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    try (var files = Files.walk(entry)) {
      for (Path p : files.toList()) {
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", perms, p.toString());
      }
    }
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
