package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

public class CliTest {

  @TempDir Path temp;

  /** What a run printed and returned. */
  public record Run(int exit, String out, String err) {}

  /** Runs the program as its command line would, capturing what it prints. */
  public static Run run(String... args) {
    return run(Main.commandLine(args), args);
  }

  private static Run run(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * main gives picocli only the subcommand named first (issue 22: reading every option of all six
   * was a sixth of a warm start): what a user sees is what the whole command line shows.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "serve --help",
        "export --help",
        "validate --help",
        "query --help",
        "push --help",
        "draft --help",
        "help serve",
        "serve --bogus",
        "serve --port many",
        "query",
        "serv",
        "--version"
      })
  void theCommandLineOfOneSubcommandSaysWhatTheWholeOneSays(String line) {
    String[] args = line.split(" ");
    Run whole = run(Main.commandLine(), args);
    Run alone = run(args);
    assertEquals(whole, alone);
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"serve", "export", "validate", "query", "push"})
  void everyCommandThatReadsATableTakesACouncilFolder(String command) {
    Run run = run(command, "--help");
    assertEquals(ExitCodes.OK, run.exit());
    assertTrue(run.out().contains("Usage: tonet-lod " + command), run.out());
    assertTrue(run.out().contains("--council=DIR"), run.out());
    assertTrue(run.out().contains("--seed"), run.out());
  }

  @Test
  void validateReadsACouncilFolderGivenByItsPath() {
    Run run = run("validate", "--council", "seeds");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().startsWith("valid: council-timeline.txt"), run.out());
  }

  @Test
  void aCouncilFolderThatIsNotThereIsSaid() {
    Run run = run("validate", "--council", temp.resolve("nowhere").toString());
    assertEquals(ExitCodes.INVALID, run.exit());
    assertTrue(run.err().startsWith("error: " + temp.resolve("nowhere") + ": no such folder"));
    assertTrue(run.err().contains("1 problem;"), run.err());
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
            + "\t13月1日\t第3回協議会臨時総会の開催\n"
            + "\t2月30日\t第4回協議会臨時総会の開催\n"
            + "\t2月30日\t第5回協議会臨時総会の開催\n");
    Run run = run("validate", "--seed", seed.toString());
    List<String> errors = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(2, errors.size(), run.err());
    assertTrue(
        errors.get(0).contains("2月30日 is not a day")
            && errors.get(0).endsWith("[lines 3, 5–6; cell 2]"),
        errors.get(0));
    assertTrue(errors.get(1).endsWith("[line 4, cell 2]"), errors.get(1));
    assertTrue(run.err().contains("4 problems"), run.err());
  }

  @Test
  void lineListsAreShortEvenForManyLines() {
    assertEquals("line 7", SourceOptions.lineList(List.of(7)));
    assertEquals("lines 3–6, 8, 10", SourceOptions.lineList(List.of(3, 4, 5, 6, 8, 10)));
    List<Integer> many = new ArrayList<>();
    for (int i = 1; i <= 40; i += 2) {
      many.add(i);
    }
    assertEquals("20 lines: 1, 3, 5, 7, 9, 11, 13, 15, …, 39", SourceOptions.lineList(many));
  }

  @Test
  void validateLenientExitsAsExportLenientDoes() throws Exception {
    Path seed = temp.resolve("bad.txt");
    Files.writeString(seed, "年度\t月 日\t実 施 内 容\n平成22年度\t7月20日\t第1回協議会臨時総会の開催\n\t2月30日\t何かの会議\n");
    Run validate = run("validate", "--lenient", "--seed", seed.toString());
    Run export =
        run(
            "export",
            "--lenient",
            "--out",
            temp.resolve("d").toString(),
            "--seed",
            seed.toString());
    assertEquals(ExitCodes.OK, export.exit(), export.err());
    assertEquals(export.exit(), validate.exit(), validate.err());
    assertTrue(validate.out().contains("1 row kept as unread text"), validate.out());
    assertTrue(
        validate.err().contains("kept as unread text: ")
            && validate.err().contains("[line 3, cell 2]"));
    assertEquals(ExitCodes.INVALID, run("validate", "--seed", seed.toString()).exit(), "strict");
  }

  // ---- export: why a folder cannot be written ----------------------------------------------

  @Test
  void exportNamesThePublisherAndContactGiven() throws Exception {
    Path out = temp.resolve("dumps");
    Run run =
        run(
            "export",
            "--out",
            out.toString(),
            "--base-iri",
            "https://lod.example.jp/t/",
            "--publisher",
            "https://city.example/org",
            "--publisher-name",
            "Example City",
            "--contact",
            "mailto:lod@city.example");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    String meta = Files.readString(out.resolve("void.ttl"));
    assertTrue(meta.contains("dcterms:publisher <https://city.example/org>"), meta);
    assertTrue(meta.contains("\"Example City\""), meta);
    assertTrue(meta.contains("<mailto:lod@city.example>"), meta);
  }

  @Test
  void aContactThatCannotBeReachedIsAUsageError() {
    Run run =
        run(
            "export",
            "--out",
            temp.resolve("x").toString(),
            "--base-iri",
            "https://lod.example.jp/t/",
            "--contact",
            "ftp://city.example/");
    assertEquals(ExitCodes.USAGE, run.exit());
    assertEquals(
        "error: --contact: ftp://city.example/ is not a mailto:, https: or http: address",
        run.err().strip());
    assertFalse(Files.exists(temp.resolve("x")), "nothing written");
  }

  @Test
  void exportToAPlainFileSaysWhyAndWritesNothing() throws Exception {
    Path file = Files.writeString(temp.resolve("afile"), "mine");
    Run run = run("export", "--out", file.toString(), "--base-iri", "https://lod.example.jp/t/");
    assertEquals(ExitCodes.IO_ERROR, run.exit());
    assertEquals(
        "error: --out "
            + file
            + ": is a file, not a folder; give a folder (it is made if missing);"
            + " nothing was written",
        run.err().strip());
    assertEquals("mine", Files.readString(file));
  }

  @Test
  void exportNamesWhatIsInTheWay() throws Exception {
    Path out = temp.resolve("dist");
    Files.createDirectories(out.resolve("tonet.ttl"));
    Run run = run("export", "--out", out.toString(), "--base-iri", "https://lod.example.jp/t/");
    assertEquals(ExitCodes.IO_ERROR, run.exit());
    assertTrue(
        run.err().contains("cannot write into " + out + ": ")
            && run.err().contains("tonet.ttl is a folder")
            && run.err().contains("nothing there was replaced"),
        run.err());
  }

  @Test
  void exportDoesNotSpreadASiteOverAGitCheckout() throws Exception {
    Path checkout = temp.resolve("checkout");
    Files.createDirectories(checkout.resolve(".git"));
    Run run =
        run("export", "--site", checkout.toString(), "--base-iri", "https://lod.example.jp/t/");
    assertEquals(ExitCodes.IO_ERROR, run.exit());
    assertTrue(
        run.err().contains("is the top of a git checkout") && run.err().contains("--site site"),
        run.err());
    try (var files = Files.list(checkout)) {
      assertEquals(List.of(checkout.resolve(".git")), files.toList());
    }
  }
}
