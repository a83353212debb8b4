package org.w3id.tonet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;

/**
 * The data owner's tools: {@code draft} makes a first folder from a table, {@code validate} says
 * for each row not read which file to add what to and holds the data to the folder's expected.ttl,
 * and {@code export --dry-run} shows what the first rows become.
 */
class FolderToolsTest {

  @TempDir Path temp;

  /** A copy of the Tone council's folder (the repository's seeds/) to change. */
  private Path copyOfTone() throws Exception {
    return TestSeeds.copyOfTone(temp.resolve("tone"));
  }

  @Test
  void validateSaysForEachRowNotReadWhichFileToAddWhatTo() throws Exception {
    Path folder = copyOfTone();
    TestSeeds.replace(
        folder.resolve("words.tsv"),
        "symposium\t地域医療ネットワークシンポジウム\tRegional Medical Network Symposium\t-\t-\n",
        "");
    // The expected output names a symposium the folder no longer reads: that is said too.
    Files.delete(folder.resolve("expected.ttl"));
    CliTest.Run run = CliTest.run("validate", "--council", folder.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    List<String> out = run.out().lines().toList();
    int line23 =
        out.indexOf("not read: council-timeline.txt line 23: 地域医療ネットワークシンポジウムの開催（パストラルかぞ） 約230人参加");
    assertTrue(line23 > 0, run.out());
    assertTrue(
        out.get(line23 + 1)
            .startsWith("  add to words.tsv: symposium 地域医療ネットワークシンポジウム ? - -  (a title"),
        out.get(line23 + 1));
    assertTrue(run.out().contains("8 rows kept as plain events (tonet:TimelineEvent)"), run.out());
  }

  @Test
  void theExpectedOutputIsARegressionTest() throws Exception {
    Path folder = copyOfTone();
    TestSeeds.replace(
        folder.resolve("expected.ttl"),
        "\"Saitama Prefecture submitted the",
        "\"Saitama Prefecture sent the");
    CliTest.Run run = CliTest.run("validate", "--council", folder.toString());
    assertEquals(ExitCodes.INVALID, run.exit(), run.out());
    assertTrue(
        run.err()
            .contains(
                "expected.ttl: <id/event/2009-11-06-plan-submitted> rdfs:label: expected \"Saitama"
                    + " Prefecture sent the"),
        run.err());
    assertTrue(run.err().contains("the data has \"Saitama Prefecture submitted the"), run.err());
    assertTrue(run.err().contains("1 violation"), run.err());
    CliTest.Run export =
        CliTest.run(
            "export", "--council", folder.toString(), "--out", temp.resolve("out").toString());
    assertEquals(ExitCodes.INVALID, export.exit());
    assertFalse(Files.exists(temp.resolve("out")), "nothing is written");
  }

  @Test
  void aDryRunShowsTheFirstRowsTriplesAndWritesNothing() throws Exception {
    CliTest.Run run = CliTest.run("export", "--dry-run", "1");
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().startsWith("# line 6: 平成21年度 11月6日 埼玉県が"), run.out());
    assertTrue(run.out().contains("<id/event/2009-11-06-plan-submitted>"), run.out());
    assertFalse(run.out().contains("<id/event/2010-01-29-plan-adopted>"), "line 7 is not shown");
    assertTrue(run.out().contains("# dry run: 4427 triples made and valid; nothing was written"));
    // What it prints is Turtle a folder's expected.ttl can hold: it parses with IRIs below a base.
    String turtle =
        run.out().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    Model m = ModelFactory.createDefaultModel();
    RDFParser.fromString(turtle, Lang.TURTLE).base("http://example.org/x/").parse(m);
    assertTrue(
        m.containsResource(
            m.getResource("http://example.org/x/id/event/2009-11-06-plan-submitted")));
  }

  @Test
  void draftWritesAFolderWithTheNamesAndWordsOfATableAndEveryDecisionMarked() throws Exception {
    Path folder = temp.resolve("draft");
    CliTest.Run run =
        CliTest.run("draft", "seeds/council-timeline.txt", "--out", folder.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.out().contains("then run: validate --council " + folder), run.out());
    assertTrue(Files.exists(folder.resolve("council-timeline.txt")));
    assertEquals(
        -1L,
        Files.mismatch(
            folder.resolve("council-timeline.txt"), Path.of("seeds/council-timeline.txt")),
        "the table is copied byte for byte");
    List<String> names = Files.readAllLines(folder.resolve("names.tsv"));
    assertTrue(names.contains("venue\tパストラルかぞ\t?\t?\t-\t-\tline 23"), names.toString());
    assertTrue(names.contains("unit\tヒューマンネットワーク担当部会\t?\t?\t-\t?\tlines 9, 10"), names.toString());
    List<String> words = Files.readAllLines(folder.resolve("words.tsv"));
    assertTrue(
        words.contains("header\t年度 月 日 実 施 内 容\t-\t-\tthe line above the first fiscal year"));
    assertTrue(
        words.stream()
            .anyMatch(w -> w.startsWith("symposium\t地域医療ネットワークシンポジウム\t?\t-\tlines 23, 33")),
        words.toString());
    assertTrue(
        words.stream().anyMatch(w -> w.startsWith("assembly\t第{n}回協議会臨時総会\t?\t?\tlines 19, 20")),
        words.toString());
    // Until every ? is filled in, validate names each one with its file, line and cell.
    CliTest.Run validate = CliTest.run("validate", "--council", folder.toString());
    assertEquals(ExitCodes.INVALID, validate.exit());
    assertTrue(
        validate
            .err()
            .contains(
                folder.resolve("names.tsv")
                    + ": column slug, \"?\": still to be filled in; expected lower-case ASCII words"),
        validate.err());
    assertTrue(validate.err().contains("identity.tsv: column value, \"?\": still to be filled in"));
    assertFalse(validate.err().contains("has no council"), "a value to fill in is said once");
  }

  @Test
  void draftRefusesAFolderThatHoldsFiles() throws Exception {
    Path folder = temp.resolve("full");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("notes.txt"), "mine");
    CliTest.Run run =
        CliTest.run("draft", "seeds/council-timeline.txt", "--out", folder.toString());
    assertEquals(ExitCodes.IO_ERROR, run.exit());
    assertTrue(run.err().contains("exists and is not an empty folder"), run.err());
    try (Stream<Path> left = Files.list(folder)) {
      assertEquals(List.of(folder.resolve("notes.txt")), left.toList());
    }
  }
}
