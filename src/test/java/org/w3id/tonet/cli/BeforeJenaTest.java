package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.council.Council;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.publish.BuildCache;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.rdf.Iris;

/**
 * {@code serve} starts Jena on a thread of its own and, meanwhile, does only what needs none of it
 * (cli/JenaStart): Jena's classes start Jena from their static initializers, and two threads doing
 * that at once can each wait for the other, for ever. A fresh JVM reads a serve command line as
 * main does (picocli's model included) and runs that part of serve, a kept build found and
 * prefetched: Jena must not have been started.
 */
class BeforeJenaTest {

  private static final String BASE = "http://localhost:3999/";

  @TempDir Path cache;

  @Test
  void whatServeDoesBeforeJenaHasStartedTouchesNoJena() throws Exception {
    String[] args = {
      "serve", "--port", "3999", "--base-iri", BASE, "--build-cache", cache.toString()
    };
    // A kept build under the key these options look for, so that the probe reads and checks one.
    ServeCommand serve =
        (ServeCommand)
            Main.commandLine(args).parseArgs(args).subcommand().commandSpec().userObject();
    ServeCommand.BeforeJena here = serve.beforeJena();
    Optional<String> key = serve.keptBuildKey(here.council());
    assertTrue(key.isPresent());
    Site site =
        Site.of(Build.of(Council.bundled(), TimelineParser.Mode.STRICT, new Iris(BASE)), null);
    new BuildCache(cache).store(key.get(), site);

    Process probe =
        new ProcessBuilder(
                List.of(
                        List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "--add-opens",
                            "java.base/java.lang=ALL-UNNAMED",
                            "-cp",
                            System.getProperty("java.class.path"),
                            BeforeJenaProbe.class.getName()),
                        List.of(args))
                    .stream()
                    .flatMap(List::stream)
                    .toList())
            .redirectErrorStream(true)
            .start();
    assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "the probe ends");
    String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, probe.exitValue(), said);
    assertTrue(said.contains("prefetched=true"), "the kept build was read and checked: " + said);
    assertTrue(said.contains("jena=false"), "Jena was not started: " + said);
  }
}
