package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shaded jar ({@code -Dtonet.jar}, else target/tonet-lod.jar) run in a JVM of its own, as a
 * user runs it.
 *
 * <pre>
 * TonetJar.Result r = TonetJar.run(Duration.ofSeconds(120), Map.of(), "validate");
 * </pre>
 */
final class TonetJar {

  private TonetJar() {}

  /** What the jar printed (out and err together) and returned. */
  record Result(int exit, String out) {}

  /** The command line {@code java -jar tonet-lod.jar ARGS…}; the jar must have been built. */
  static List<String> command(String... args) {
    Path jar = Path.of(System.getProperty("tonet.jar", "target/tonet-lod.jar"));
    assertTrue(Files.exists(jar), "build the jar first: " + jar);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs the jar to its end with these environment variables added; a run longer than {@code limit}
   * is killed and fails the test.
   */
  static Result run(Duration limit, Map<String, String> env, String... args) throws Exception {
    List<String> command = command(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    // Read while it runs, so a full pipe cannot stall it; the wait below is bounded.
    byte[][] output = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                output[0] = p.getInputStream().readAllBytes();
              } catch (IOException e) {
                output[0] = ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
              }
            });
    reader.start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("the jar did not finish in " + limit.toSeconds() + " s: " + command);
    }
    reader.join(10_000);
    return new Result(p.exitValue(), new String(output[0], StandardCharsets.UTF_8));
  }
}
