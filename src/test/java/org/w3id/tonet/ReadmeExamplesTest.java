package org.w3id.tonet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.tonet.cli.CliTest;
import org.w3id.tonet.rdf.Prefixes;
import org.w3id.tonet.server.TonetServer;

/**
 * The README's examples are what the program prints. An example is marked with a line {@code <!--
 * example -->} before a {@code sh} block holding one command; the next fenced block is what it
 * prints. Two kinds of command are run:
 *
 * <ul>
 *   <li>{@code java -jar target/tonet-lod.jar ARGS}: run in this JVM from the checkout; what it
 *       prints (output, then errors) must be the block, line for line, where a line {@code …}
 *       stands for any number of lines;
 *   <li>{@code curl [-H 'Accept: …'] [-L] http://localhost:3030/…}: asked of a server started with
 *       that base on a free loopback port; a {@code turtle} block must be a subset of the answer
 *       (an abridged example; the project's prefixes are declared for it), any other block is
 *       compared as text.
 * </ul>
 *
 * <p>Nothing here knows what the examples say: change an example, or the program, and this test
 * compares the two again.
 */
class ReadmeExamplesTest {

  static final Path README = Path.of("README.md");
  static final String MARKER = "<!-- example -->";
  static final String README_BASE = "http://localhost:3030/";
  static final String GAP = "…";

  private static TonetServer server;

  /** One marked example: the README line of its marker, its command and what it shows. */
  record Example(int line, String command, String language, String shown) {}

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyMarkedExampleShowsWhatTheProgramPrints() throws Exception {
    return examples().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "README line " + e.line() + ": " + e.command(), () -> check(e)));
  }

  @Test
  void theReadmeHasExamplesOfBothKinds() throws Exception {
    List<Example> examples = examples();
    assertTrue(
        examples.stream().anyMatch(e -> e.command().startsWith("java -jar target/tonet-lod.jar")),
        "a command-line example");
    assertTrue(examples.stream().anyMatch(e -> e.command().startsWith("curl ")), "a curl example");
  }

  @Test
  void everyOutputBlockOfTheReadmeIsAMarkedExample() throws Exception {
    // Blocks of program output (plain ``` or ```turtle) that no marker covers could drift.
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<Integer> covered = new ArrayList<>();
    for (Example e : examples()) {
      covered.add(outputBlockLine(lines, e.line()));
    }
    List<Integer> unmarked = new ArrayList<>();
    boolean inside = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("```")) {
        continue;
      }
      if (!inside && (l.equals("```") || l.equals("```turtle")) && !covered.contains(i + 1)) {
        unmarked.add(i + 1);
      }
      inside = !inside;
    }
    assertEquals(List.of(), unmarked, "README lines of output blocks without " + MARKER);
  }

  // ---- reading the README ------------------------------------------------------------------

  static List<Example> examples() throws Exception {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals(MARKER)) {
        continue;
      }
      int open = next(lines, i + 1, "```");
      if (!lines.get(open).equals("```sh")) {
        fail("README line " + (i + 1) + ": " + MARKER + " is not followed by a ```sh block");
      }
      List<String> command = block(lines, open);
      int output = next(lines, open + command.size() + 2, "```");
      String language = lines.get(output).substring(3).strip();
      examples.add(
          new Example(
              i + 1,
              String.join("\n", command).replace("\\\n", " ").replaceAll("\\s+", " ").strip(),
              language,
              String.join("\n", block(lines, output))));
    }
    return examples;
  }

  /** The 1-based line that opens the output block of the example marked at a line. */
  private static int outputBlockLine(List<String> lines, int markerLine) {
    int open = next(lines, markerLine, "```");
    int close = next(lines, open + 1, "```");
    return next(lines, close + 1, "```") + 1;
  }

  private static int next(List<String> lines, int from, String prefix) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("README: no " + prefix + " after line " + from);
  }

  private static List<String> block(List<String> lines, int open) {
    return lines.subList(open + 1, next(lines, open + 1, "```"));
  }

  // ---- running an example -------------------------------------------------------------------

  private static void check(Example e) throws Exception {
    List<String> words = words(e.command());
    if (words.size() >= 3
        && words.subList(0, 3).equals(List.of("java", "-jar", "target/tonet-lod.jar"))) {
      assertPrints(e, run(words.subList(3, words.size())));
    } else if (words.get(0).equals("curl")) {
      curl(e, words);
    } else {
      fail(
          "README line "
              + e.line()
              + ": an example must run java -jar target/tonet-lod.jar or curl");
    }
  }

  private static String run(List<String> args) {
    CliTest.Run run = CliTest.run(args.toArray(String[]::new));
    return run.out() + run.err();
  }

  private static void curl(Example e, List<String> words) throws Exception {
    String accept = null;
    String url = null;
    boolean follow = false;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-H") || w.equals("--header")) {
        String header = words.get(++i);
        if (header.toLowerCase(java.util.Locale.ROOT).startsWith("accept:")) {
          accept = header.substring("accept:".length()).strip();
        }
      } else if (w.equals("-L") || w.equals("--location")) {
        follow = true;
      } else if (w.startsWith("http")) {
        url = w;
      } else {
        fail("README line " + e.line() + ": curl option " + w + " is not understood by this test");
      }
    }
    assertTrue(url != null && url.startsWith(README_BASE), "a URL under " + README_BASE);
    HttpResponse<String> answer = get(url, accept, follow);
    assertEquals(200, answer.statusCode(), url + "\n" + answer.body());
    if (e.language().equals("turtle")) {
      assertTriplesIn(e, url, answer.body());
    } else {
      assertPrints(e, answer.body());
    }
  }

  private static HttpResponse<String> get(String url, String accept, boolean follow)
      throws Exception {
    synchronized (ReadmeExamplesTest.class) {
      if (server == null) {
        server =
            TonetServer.create().port(0).baseIri(README_BASE).council(TestSeeds.tone()).start();
      }
    }
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String next = url;
    for (int hop = 0; hop < 5; hop++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(server.localUrl() + next.substring(README_BASE.length())))
              .timeout(Duration.ofSeconds(30));
      if (accept != null) {
        request.header("Accept", accept);
      }
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String location = r.headers().firstValue("Location").orElse(null);
      if (!follow || r.statusCode() / 100 != 3 || location == null) {
        return r;
      }
      next = location;
    }
    throw new AssertionError(url + ": more than 5 redirects");
  }

  // ---- comparing -----------------------------------------------------------------------------

  /** Line for line; a line "…" in the README stands for any number of lines. */
  static void assertPrints(Example e, String printed) {
    List<String> shown = e.shown().lines().map(String::stripTrailing).toList();
    List<String> actual = printed.lines().map(String::stripTrailing).toList();
    if (!matches(shown, 0, actual, 0)) {
      fail(
          "README line "
              + e.line()
              + ": `"
              + e.command()
              + "` does not print what the README shows.\n--- README shows:\n"
              + e.shown()
              + "\n--- the program prints:\n"
              + printed);
    }
  }

  private static boolean matches(List<String> shown, int s, List<String> actual, int a) {
    if (s == shown.size()) {
      return a == actual.size();
    }
    if (shown.get(s).strip().equals(GAP)) {
      for (int skip = a; skip <= actual.size(); skip++) {
        if (matches(shown, s + 1, actual, skip)) {
          return true;
        }
      }
      return false;
    }
    return a < actual.size()
        && shown.get(s).equals(actual.get(a))
        && matches(shown, s + 1, actual, a + 1);
  }

  /** Every triple the README shows is in the answer (the README may leave triples out). */
  private static void assertTriplesIn(Example e, String url, String answer) {
    StringBuilder prefixed = new StringBuilder();
    for (Map.Entry<String, String> p : Prefixes.all().entrySet()) {
      prefixed
          .append("@prefix ")
          .append(p.getKey())
          .append(": <")
          .append(p.getValue())
          .append("> .\n");
    }
    Graph shown = GraphFactory.createDefaultGraph();
    try {
      RDFParser.fromString(prefixed + e.shown(), Lang.TURTLE).base(url).parse(shown);
    } catch (RiotException notTurtle) {
      fail(
          "README line "
              + e.line()
              + ": the example is not Turtle (the project's prefixes are declared for it; declare"
              + " any other with @prefix): "
              + notTurtle.getMessage());
    }
    Graph served = GraphFactory.createDefaultGraph();
    RDFParser.fromString(answer, Lang.TURTLE).base(url).parse(served);
    List<String> missing = new ArrayList<>();
    shown
        .find()
        .forEachRemaining(
            (Triple t) -> {
              if (!served.contains(t)) {
                missing.add(NodeFmtLib.str(t));
              }
            });
    assertTrue(shown.size() > 0, "README line " + e.line() + ": the example shows no triple");
    assertEquals(
        List.of(),
        missing,
        "README line "
            + e.line()
            + ": triples the README shows that `"
            + e.command()
            + "` does not give. It gives:\n"
            + answer);
  }

  /** Words of a shell command: split at spaces, '…' and "…" kept whole. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
