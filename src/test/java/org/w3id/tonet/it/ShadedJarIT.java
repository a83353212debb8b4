package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.it.TonetJar.Result;
import org.w3id.tonet.publish.Exporter;

/**
 * Runs the shaded jar as a user would: Jena's subsystems (RIOT, ARQ, SHACL) must initialise inside
 * it, which needs the merged META-INF/services.
 */
class ShadedJarIT {

  @TempDir Path temp;

  static Result java(String... args) throws Exception {
    return TonetJar.run(Duration.ofSeconds(120), Map.of(), args);
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
