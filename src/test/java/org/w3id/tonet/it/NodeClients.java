package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JavaScript clients of src/test/node (Comunica, jsonld.js), run with Node as their users run
 * them. Their packages are installed by {@code ./.ci/setup} ({@code npm ci} from the committed
 * lock) into {@code $TONET_NODE_DIR}, else {@code $XDG_CACHE_HOME/tonet-lod-node}, else {@code
 * ~/.cache/tonet-lod-node}: outside the repository. A test that needs them and does not find them
 * fails, saying what to run; it is never skipped.
 *
 * <pre>
 * List&lt;String&gt; rows = NodeClients.run(Duration.ofSeconds(60), null, "comunica", iri, query);
 * </pre>
 */
final class NodeClients {

  private NodeClients() {}

  /** Where .ci/setup installs the packages (the same rule as the script's). */
  static Path dir() {
    String explicit = System.getenv("TONET_NODE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    // Beside the build cache's folder, not in it (that one keeps only its own entries).
    return org.w3id.tonet.server.BuildCache.defaultFolder().resolveSibling("tonet-lod-node");
  }

  /** axe-core's browser bundle, which the browser test runs in each page; fails if missing. */
  static Path axeCore() {
    Path file = dir().resolve("node_modules/axe-core/axe.min.js");
    assertTrue(
        Files.isRegularFile(file),
        "the npm package axe-core is not installed in "
            + dir()
            + ": run ./.ci/setup (npm ci of src/test/node, outside the repository)");
    return file;
  }

  /** Fails, saying what to run, unless node and the packages are installed. */
  static void requireInstalled() {
    Path dir = dir();
    for (String pkg : List.of("@comunica/query-sparql", "jsonld")) {
      assertTrue(
          Files.isDirectory(dir.resolve("node_modules").resolve(pkg)),
          "the npm package "
              + pkg
              + " is not installed in "
              + dir
              + ": run ./.ci/setup (npm ci of src/test/node, outside the repository)");
    }
  }

  /**
   * Runs {@code node src/test/node/clients.js ARGS…}, with {@code stdin} as its input (or none),
   * and returns the lines it printed; a run longer than {@code limit}, or that fails, fails the
   * test with what it printed.
   */
  static List<String> run(Duration limit, String stdin, String... args) throws Exception {
    requireInstalled();
    List<String> command = new ArrayList<>(List.of("node", "src/test/node/clients.js"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TONET_NODE_DIR", dir().toString());
    Path err = Files.createTempFile("node-clients", ".err");
    builder.redirectError(err.toFile());
    Process p;
    try {
      p = builder.start();
    } catch (IOException e) {
      throw new AssertionError("node could not be started: install Node.js (./.ci/setup)", e);
    }
    try {
      Thread writer =
          new Thread(
              () -> {
                try (OutputStream in = p.getOutputStream()) {
                  if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                  }
                } catch (IOException e) {
                  // The process ended before reading all: its exit status says why.
                }
              });
      writer.start();
      byte[][] out = new byte[1][];
      Thread reader =
          new Thread(
              () -> {
                try {
                  out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                  out[0] = new byte[0];
                }
              });
      reader.start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("node did not finish in " + limit.toSeconds() + " s: " + command);
      }
      reader.join(10_000);
      writer.join(10_000);
      String printed = new String(out[0], StandardCharsets.UTF_8);
      assertEquals(
          0,
          p.exitValue(),
          () -> {
            try {
              return String.join(" ", args) + " failed:\n" + Files.readString(err) + printed;
            } catch (IOException e) {
              return e.toString();
            }
          });
      return printed.lines().filter(l -> !l.isBlank()).toList();
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
