package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.publish.Exporter;

/**
 * Runs the shaded jar as a user would: Jena's subsystems (RIOT, ARQ, SHACL) must initialise inside
 * it, which needs the merged META-INF/services.
 */
class ShadedJarIT {

  @TempDir Path temp;

  /** What the jar printed and returned. */
  record Result(int exit, String out) {}

  static Result java(String... args) throws Exception {
    Path jar = Path.of(System.getProperty("tonet.jar", "target/tonet-lod.jar"));
    assertTrue(Files.exists(jar), "build the jar first: " + jar);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
      throw new AssertionError("the jar did not finish in 120 s: " + command);
    }
    return new Result(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void exportFromTheJarWritesVerifiableDumps() throws Exception {
    Path out = temp.resolve("dist");
    Result r = java("export", "--out", out.toString());
    assertEquals(0, r.exit(), r.out());
    for (String line : Files.readAllLines(out.resolve("SHA256SUMS"))) {
      String[] parts = line.split("  ", 2);
      assertEquals(parts[0], Exporter.sha256(Files.readAllBytes(out.resolve(parts[1]))), parts[1]);
    }
    Model ttl = RDFDataMgr.loadModel(out.resolve("tonet.ttl").toString());
    Model jsonld = RDFDataMgr.loadModel(out.resolve("tonet.jsonld").toString());
    assertTrue(ttl.size() > 2000);
    assertTrue(ttl.isIsomorphicWith(jsonld));
  }

  @Test
  void validateInsideTheJarRunsShaclAndSparql() throws Exception {
    Result r = java("validate");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("valid: council-timeline.txt"), r.out());
  }

  @Test
  void helpNamesEveryCommand() throws Exception {
    Result r = java("--help");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("export") && r.out().contains("validate"), r.out());
  }
}
