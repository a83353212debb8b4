package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {

  @TempDir Path temp;

  /** What a run printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"export", "validate"})
  void everyCommandHasHelp(String command) {
    Run run = run(command, "--help");
    assertEquals(ExitCodes.OK, run.exit());
    assertTrue(run.out().contains("Usage: tonet-lod " + command), run.out());
    assertTrue(run.out().contains("--seed"), run.out());
  }

  @Test
  void theRootCommandListsItsSubcommands() {
    Run run = run();
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("export") && run.err().contains("validate"), run.err());
    assertTrue(run("--help").out().contains("Commands:"));
  }

  @Test
  void validateAcceptsTheSeed() {
    Run run = run("validate");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().startsWith("valid: council-timeline.txt"), run.out());
  }

  @Test
  void validateReportsEveryBadLineWithFileLineAndCell() throws Exception {
    Path seed = temp.resolve("bad.txt");
    Files.writeString(
        seed,
        "年度\t月 日\t実 施 内 容\n"
            + "平成22年度\t7月20日\t第1回協議会臨時総会の開催\n"
            + "\t2月30日\t第2回協議会臨時総会の開催\n"
            + "\t13月1日\t第3回協議会臨時総会の開催\n",
        StandardCharsets.UTF_8);
    Run run = run("validate", "--seed", seed.toString());
    assertEquals(ExitCodes.INVALID, run.exit());
    assertTrue(
        run.err().contains(seed + ": ") && run.err().contains("[line 3, cell 2]"), run.err());
    assertTrue(run.err().contains("[line 4, cell 2]"), run.err());
    assertTrue(run.err().contains("2 problems"), run.err());
  }

  @Test
  void exportWritesTheDumpsAndWarnsWithoutBaseIri() throws Exception {
    Path out = temp.resolve("dist");
    Run run = run("export", "--out", out.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.err().contains("--base-iri"), "warns that publication needs a base IRI");
    assertTrue(Files.readString(out.resolve("tonet.ttl")).contains("<http://localhost:3030/id/"));
    assertTrue(Files.exists(out.resolve("SHA256SUMS")));
  }

  @Test
  void exportUsesTheBaseIri() throws Exception {
    Path out = temp.resolve("dist");
    Run run = run("export", "--out", out.toString(), "--base-iri", "https://lod.example.jp/tonet");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertFalse(run.err().contains("warning"), run.err());
    String turtle = Files.readString(out.resolve("tonet.ttl"));
    assertTrue(turtle.contains("<https://lod.example.jp/tonet/id/assembly/ordinary/12>"));
    assertFalse(turtle.contains("localhost"));
  }

  @Test
  void exportOfABadSeedWritesNothing() throws Exception {
    Path seed = temp.resolve("bad.txt");
    Files.writeString(seed, "年度\t月 日\t実 施 内 容\n\t7月20日\t協議会の開催\n");
    Path out = temp.resolve("dist");
    Run run = run("export", "--out", out.toString(), "--seed", seed.toString());
    assertEquals(ExitCodes.INVALID, run.exit());
    assertTrue(
        run.err().contains("before any fiscal year") && run.err().contains("[line 2, cell 2]"),
        run.err());
    assertTrue(run.err().contains("nothing was written"));
    assertFalse(Files.exists(out));
  }

  @Test
  void aBadBaseIriIsAUsageError() throws Exception {
    Run run = run("export", "--out", temp.resolve("d").toString(), "--base-iri", "lod.example.jp");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertTrue(run.err().contains("--base-iri"), run.err());
  }

  @Test
  void aMissingSeedIsNamed() {
    Run run = run("validate", "--seed", temp.resolve("nope.txt").toString());
    assertEquals(ExitCodes.INVALID, run.exit());
    assertTrue(run.err().contains("nope.txt: no such file"), run.err());
  }

  @Test
  void lenientKeepsBadRowsAndSaysSo() throws Exception {
    Path seed = temp.resolve("bad.txt");
    Files.writeString(seed, "年度\t月 日\t実 施 内 容\n平成22年度\t7月20日\t第1回協議会臨時総会の開催\n\t2月30日\t何かの会議\n");
    Path out = temp.resolve("dist");
    Run run = run("export", "--lenient", "--out", out.toString(), "--seed", seed.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(
        run.err().contains("kept as unread text") && run.err().contains("[line 3, cell 2]"),
        run.err());
    String turtle = Files.readString(out.resolve("tonet.ttl"));
    assertTrue(
        turtle.contains("tonet:UnreadRow") && turtle.contains("何かの会議"), "row kept with its text");
  }
}
