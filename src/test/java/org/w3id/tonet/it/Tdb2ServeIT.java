package org.w3id.tonet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;

/**
 * {@code serve --tdb2 DIR} from the shaded jar, in two separate processes one after the other: the
 * second finds the database the first left on disk, reuses it and answers the same. (In one JVM,
 * TDB2 could answer from a connection it still holds; two processes prove the files themselves.)
 */
class Tdb2ServeIT {

  private static final Duration START_DEADLINE = Duration.ofSeconds(120);
  private static final Pattern SERVING = Pattern.compile("tonet-lod is serving at (\\S+)");

  @TempDir Path temp;

  @Test
  void secondProcessReusesTheDatabaseTheFirstBuilt() throws Exception {
    Path db = temp.resolve("db");
    Map<String, Long> first;
    try (Serve serve = Serve.start(db)) {
      assertTrue(serve.said("TDB2 database " + db + ": built from the seed"), serve.output());
      System.out.println("first start: " + serve.startLine());
      first = triplesPerGraph(serve.url());
    }
    assertEquals(3, first.size(), "three named graphs: " + first);
    assertTrue(first.get(TestSeeds.BASE + "graph/data") > 2000, first.toString());

    try (Serve serve = Serve.start(db)) {
      assertTrue(serve.said("TDB2 database " + db + ": reused as it was"), serve.output());
      assertTrue(serve.said("nothing rebuilt"), serve.output());
      System.out.println("second start: " + serve.startLine());
      assertEquals(first, triplesPerGraph(serve.url()));
    }
  }

  private static Map<String, Long> triplesPerGraph(String url) {
    Map<String, Long> counts = new TreeMap<>();
    try (RDFConnection sparql =
        RDFConnectionRemote.newBuilder().destination(url + "sparql").queryOnly().build()) {
      sparql.querySelect(
          "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
          (QuerySolution row) ->
              counts.put(row.getResource("g").getURI(), row.getLiteral("n").getLong()));
    }
    return counts;
  }

  /** {@code java -jar tonet-lod.jar serve --tdb2 DIR} on a free loopback port, until closed. */
  private static final class Serve implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final String url;

    private Serve(Process process, String url, List<String> lines) {
      this.process = process;
      this.url = url;
      this.lines.addAll(lines);
    }

    static Serve start(Path db) throws IOException, InterruptedException {
      List<String> command =
          TonetJar.command(
              "serve",
              "--port",
              "0",
              "--base-iri",
              TestSeeds.BASE,
              "--tdb2",
              db.toString(),
              // Kept builds go beside the database (a temporary folder), not to the user's cache.
              "--build-cache",
              db.resolveSibling(db.getFileName() + "-builds").toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      BlockingQueue<String> output = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                  }
                } catch (IOException e) {
                  output.add("(output lost: " + e + ")");
                }
              },
              "serve-output");
      reader.setDaemon(true);
      reader.start();

      // The server is ready once it printed its SPARQL endpoint; it prints the URL just before.
      List<String> seen = new ArrayList<>();
      String url = null;
      long deadline = System.nanoTime() + START_DEADLINE.toNanos();
      try {
        while (true) {
          long left = deadline - System.nanoTime();
          String line = left > 0 ? output.poll(left, TimeUnit.NANOSECONDS) : null;
          if (line == null) {
            throw new AssertionError(
                (process.isAlive()
                        ? "serve did not start within " + START_DEADLINE
                        : "serve exited")
                    + ":\n"
                    + String.join("\n", seen));
          }
          seen.add(line);
          Matcher m = SERVING.matcher(line);
          if (m.find()) {
            url = m.group(1);
          }
          if (line.startsWith("SPARQL endpoint:") && url != null) {
            return new Serve(process, url, seen);
          }
        }
      } catch (AssertionError | InterruptedException e) {
        stop(process);
        throw e;
      }
    }

    String url() {
      return url;
    }

    boolean said(String text) {
      return lines.stream().anyMatch(line -> line.contains(text));
    }

    /** The line that says where it serves and how long the start took. */
    String startLine() {
      return lines.stream().filter(l -> SERVING.matcher(l).find()).findFirst().orElse("");
    }

    String output() {
      return String.join("\n", lines);
    }

    /** SIGTERM runs serve's shutdown hook, which stops the server and closes the database. */
    @Override
    public void close() throws InterruptedException {
      stop(process);
      assertFalse(process.isAlive(), "serve did not stop within the deadline:\n" + output());
    }

    private static void stop(Process process) throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
