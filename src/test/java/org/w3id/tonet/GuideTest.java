package org.w3id.tonet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.cli.CliTest;

/**
 * Runs the steps of docs/second-council.md, the guide to publishing a second council, in order: a
 * step is a line {@code <!-- step -->} before a {@code sh} block holding one command, and the next
 * plain block, if any, is what it prints (errors, then output), line for line. Two kinds of command
 * are run from the checkout: {@code java -jar target/tonet-lod.jar ARGS [> FILE]} in this JVM, and
 * {@code cp FILE… DIR/}. The guide's folder {@code councils/} is a temporary folder here.
 */
class GuideTest {

  static final Path GUIDE = Path.of("docs", "second-council.md");
  static final String MARKER = "<!-- step -->";
  static final String JAR = "java -jar target/tonet-lod.jar ";

  @TempDir Path temp;

  /** One step: the guide's line of its marker, its command, and what it prints (or null). */
  record Step(int line, String command, String shown) {}

  @Test
  void everyStepOfTheGuideDoesWhatTheGuideSays() throws Exception {
    List<Step> steps = steps();
    assertTrue(steps.size() >= 8, "the guide's steps are found: " + steps.size());
    assertTrue(steps.get(0).command().startsWith(JAR + "draft "), "it starts with a draft");
    for (Step step : steps) {
      long began = System.nanoTime();
      String printed = run(step);
      if (step.shown() != null) {
        assertEquals(step.shown(), printed, "guide line " + step.line() + ": " + step.command());
      }
      System.out.printf(
          "guide line %d: %d ms: %s%n",
          step.line(), (System.nanoTime() - began) / 1_000_000, step.command());
    }
    // The guide ends with the folder it set out to make: it reads as the example folder does.
    Path made = temp.resolve("councils/mizunagi");
    for (String file :
        List.of("identity.tsv", "names.tsv", "words.tsv", "phrases.tsv", "gazetteer.tsv")) {
      assertEquals(
          -1L,
          Files.mismatch(made.resolve(file), Path.of("examples/mizunagi", file)),
          file + " as in examples/mizunagi");
    }
    assertTrue(Files.isRegularFile(temp.resolve("councils/mizunagi-dumps/tonet.ttl")));
  }

  private String run(Step step) throws Exception {
    String command = step.command();
    if (command.startsWith("cp ")) {
      String[] words = command.substring(3).trim().split("\\s+");
      Path target = local(words[words.length - 1]);
      for (String source : Arrays.copyOf(words, words.length - 1)) {
        Path from = Path.of(source);
        Files.copy(from, target.resolve(from.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      return "";
    }
    if (!command.startsWith(JAR)) {
      fail("guide line " + step.line() + ": not a command this test runs: " + command);
    }
    String rest = command.substring(JAR.length());
    Path redirect = null;
    int arrow = rest.indexOf(" > ");
    if (arrow >= 0) {
      redirect = local(rest.substring(arrow + 3).trim());
      rest = rest.substring(0, arrow);
    }
    List<String> args = new ArrayList<>();
    for (String arg : rest.trim().split("\\s+")) {
      args.add(arg.startsWith("councils/") ? local(arg).toString() : arg);
    }
    CliTest.Run run = CliTest.run(args.toArray(String[]::new));
    if (redirect != null) {
      Files.writeString(redirect, run.out(), StandardCharsets.UTF_8);
      return run.err().replace(temp + "/", "");
    }
    return (run.err() + run.out()).replace(temp + "/", "");
  }

  /** A path of the guide's councils/ folder, in the temporary folder. */
  private Path local(String path) {
    return path.startsWith("councils/") ? temp.resolve(path) : Path.of(path);
  }

  static List<Step> steps() throws Exception {
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals(MARKER)) {
        continue;
      }
      int open = i + 1;
      assertEquals("```sh", lines.get(open), "guide line " + (open + 1) + ": a sh block");
      String command = lines.get(open + 1);
      assertEquals("```", lines.get(open + 2), "guide line " + (open + 3) + ": one command");
      int next = open + 3;
      while (next < lines.size() && lines.get(next).isBlank()) {
        next++;
      }
      String shown = null;
      if (next < lines.size() && lines.get(next).equals("```")) {
        StringBuilder block = new StringBuilder();
        for (int j = next + 1; !lines.get(j).equals("```"); j++) {
          block.append(lines.get(j)).append('\n');
        }
        shown = block.toString();
      }
      steps.add(new Step(i + 1, command, shown));
    }
    return steps;
  }
}
