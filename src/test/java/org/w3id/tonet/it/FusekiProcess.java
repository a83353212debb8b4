package org.w3id.tonet.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Apache Jena Fuseki server (jena-fuseki-server from Maven Central, copied into
 * target/ by the build) run as a separate {@code java -jar} process with a TDB2 database in a
 * folder, on a free loopback port.
 *
 * <pre>
 * try (FusekiProcess store = FusekiProcess.start(dir, FusekiProcess.Options.writable())) {
 *   … store.datasetUrl() …
 * }
 * </pre>
 */
final class FusekiProcess implements AutoCloseable {

  /** Start-up of the full server (UI, Shiro, TDB2) takes 10–15 s on a small CI machine. */
  private static final Duration START_DEADLINE = Duration.ofSeconds(120);

  private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);

  /**
   * How to start it.
   *
   * @param update accept SPARQL Update and Graph Store Protocol writes
   * @param user a user required for every request (HTTP Basic), or null for none
   * @param password that user's password
   */
  record Options(boolean update, String user, String password) {
    static Options writable() {
      return new Options(true, null, null);
    }

    static Options readOnly() {
      return new Options(false, null, null);
    }

    Options withUser(String user, String password) {
      return new Options(update, user, password);
    }
  }

  private final Process process;
  private final int port;
  private final Path log;

  private FusekiProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The server jar, copied by maven-dependency-plugin before the integration tests. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("fuseki.jar", "target/it-tools/jena-fuseki-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no Fuseki server jar at " + jar + ": run the integration tests with `mvn verify`");
    }
    return jar;
  }

  /**
   * Starts a server in a folder (its database, its run area and its log) and waits until it answers
   * HTTP; a server that does not is stopped and reported with its log.
   */
  static FusekiProcess start(Path folder, Options options) throws IOException {
    return launch(folder, options).awaitReady();
  }

  /**
   * Starts the process without waiting for it, so that several servers can start side by side; call
   * {@link #awaitReady()} (or {@link #close()}) on each.
   */
  static FusekiProcess launch(Path folder, Options options) throws IOException {
    Path database = Files.createDirectories(folder.resolve("tdb2"));
    Path log = folder.resolve("fuseki.log");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.add("--tdb2");
    command.add("--loc=" + database);
    if (options.update()) {
      command.add("--update");
    }
    if (options.user() != null) {
      Path passwd = folder.resolve("passwd");
      // Jetty's realm file: "user: password".
      Files.writeString(passwd, options.user() + ": " + options.password() + "\n");
      command.add("--passwd=" + passwd);
      command.add("--auth=basic");
    }
    command.add("--localhost");
    command.add("--port=" + port);
    command.add("/ds");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The full server keeps its configuration and logs under FUSEKI_BASE (default ./run).
    builder.environment().put("FUSEKI_BASE", folder.resolve("run").toString());
    return new FusekiProcess(builder.start(), port, log);
  }

  /**
   * Waits until the server answers HTTP; one that does not is stopped and reported with its log.
   */
  FusekiProcess awaitReady() throws IOException {
    try {
      awaitHttp();
      return this;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The dataset's URL: its Graph Store Protocol and SPARQL endpoint. */
  String datasetUrl() {
    return "http://127.0.0.1:" + port + "/ds";
  }

  int port() {
    return port;
  }

  /** What the server logged so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the process: politely first, then forcibly; never waits without bound. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Polls /$/ping until the server answers with any HTTP status (with --passwd even the ping asks
   * for credentials, and a 401 proves it is up), the process dies, or the deadline passes.
   */
  private void awaitHttp() throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "Fuseki exited with " + process.exitValue() + " before answering:\n" + log());
      }
      try {
        client.send(ping, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(250));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for Fuseki", e);
      }
    }
    throw new IOException(
        "Fuseki did not answer on port " + port + " within " + START_DEADLINE + ":\n" + log());
  }

  /** A port nothing listens on right now (the OS's pick). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Fuseki", e);
    }
  }
}
