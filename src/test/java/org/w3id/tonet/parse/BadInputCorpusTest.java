package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.parse.TimelineParser.Mode;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceProblem;

/**
 * The bad-input corpus: every file of src/test/resources/bad is read, parsed in strict and in
 * lenient mode and built to RDF, and what happens is held to the row of bad/expected.tsv for that
 * file and mode. A file without both rows, or a row without its file, fails.
 */
class BadInputCorpusTest {

  private static final Path CORPUS = Path.of("src", "test", "resources", "bad");
  private static final Path EXPECTED = CORPUS.resolve("expected.tsv");

  /** What happened to a file in one mode. */
  enum Outcome {
    /** SourceFile.read refused the bytes: nothing was parsed. */
    REFUSED,
    /** Strict parsing threw. */
    ERROR,
    /** Parsing returned, and Build.of threw (two entries for one IRI). */
    BUILD_ERROR,
    /** Parsing and Build.of returned (in lenient mode, perhaps with warnings and unread rows). */
    ACCEPTED
  }

  /**
   * One row of expected.tsv.
   *
   * @param file the corpus file's name
   * @param mode the parser mode
   * @param outcome what happens
   * @param line the first problem's line (0: the whole file), or -1 when there is no problem
   * @param cell the first problem's cell (0: the whole line), or -1 when there is no problem
   * @param problems how many problems the failing step reports, or how many warnings an accepted
   *     file has
   * @param unread rows kept as unread text, or -1 when nothing was parsed
   * @param entries entries of the timeline, or -1 when nothing was parsed
   * @param message a fragment of the first problem's message, or "" when there is no problem
   * @param checks further checks: "same-entries-as FILE" or "keeps TEXT", joined by " | "
   * @param tsvLine the row's line in expected.tsv, for messages
   */
  record Expectation(
      String file,
      Mode mode,
      Outcome outcome,
      int line,
      int cell,
      int problems,
      int unread,
      int entries,
      String message,
      List<String> checks,
      int tsvLine) {

    @Override
    public String toString() {
      return file + " " + mode.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Stream<Expectation> expectations() throws IOException {
    List<Expectation> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8);
    boolean header = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (header) {
        assertEquals(
            "file\tmode\toutcome\tline\tcell\tproblems\tunread\tentries\tmessage\tchecks",
            line,
            "expected.tsv's header");
        header = false;
        continue;
      }
      int tsvLine = i + 1;
      assertEquals(10, c.length, () -> "ten columns on expected.tsv line " + tsvLine);
      rows.add(
          new Expectation(
              c[0],
              Mode.valueOf(c[1].toUpperCase(java.util.Locale.ROOT)),
              Outcome.valueOf(c[2].toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
              number(c[3]),
              number(c[4]),
              number(c[5]),
              number(c[6]),
              number(c[7]),
              c[8].equals("-") ? "" : c[8],
              c[9].equals("-") ? List.of() : List.of(c[9].split(" \\| ")),
              tsvLine));
    }
    return rows.stream();
  }

  private static int number(String cell) {
    return cell.equals("-") ? -1 : Integer.parseInt(cell);
  }

  @Test
  void everyFileHasAnExpectationInEachModeAndEveryExpectationAFile() throws IOException {
    Set<String> files;
    try (Stream<Path> listing = Files.list(CORPUS)) {
      files =
          listing
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.equals("expected.tsv"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    List<Expectation> all = expectations().toList();
    Set<String> expected = new TreeSet<>();
    for (Expectation e : all) {
      expected.add(e.file());
    }
    Set<String> withoutExpectation = new TreeSet<>(files);
    withoutExpectation.removeAll(expected);
    Set<String> withoutFile = new TreeSet<>(expected);
    withoutFile.removeAll(files);
    assertEquals(Set.of(), withoutExpectation, "corpus files with no row in expected.tsv");
    assertEquals(Set.of(), withoutFile, "rows of expected.tsv whose file is not in the corpus");
    for (String file : files) {
      for (Mode mode : Mode.values()) {
        long rows = all.stream().filter(e -> e.file().equals(file) && e.mode() == mode).count();
        assertEquals(1, rows, () -> file + " needs exactly one row for mode " + mode);
      }
    }
    assertTrue(files.size() >= 25, "the corpus holds at least 25 files, found " + files.size());
  }

  // Each file reads in well under a second; the limit turns a row pattern gone super-linear (a
  // 35,000-character row once took hours) into a failure instead of a hung build.
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void outcomeAsRecorded(Expectation e) throws Exception {
    Path path = CORPUS.resolve(e.file());
    String where = " (expected.tsv line " + e.tsvLine() + ")";
    if (e.outcome() == Outcome.REFUSED || e.outcome() == Outcome.ERROR) {
      assertEquals(-1, e.unread(), "nothing was parsed, so no unread rows are recorded" + where);
      assertEquals(-1, e.entries(), "nothing was parsed, so no entries are recorded" + where);
    }
    if (e.outcome() == Outcome.REFUSED) {
      SourceException refused = assertThrows(SourceException.class, () -> SourceFile.read(path));
      assertProblems(e, refused.problems(), where);
      return;
    }
    SourceFile file = SourceFile.read(path);
    assertEquals(path.toString(), file.name());
    if (e.outcome() == Outcome.ERROR) {
      assertEquals(Mode.STRICT, e.mode(), "only strict parsing throws" + where);
      SourceException error =
          assertThrows(SourceException.class, () -> TestSeeds.parse(file, e.mode()));
      assertProblems(e, error.problems(), where);
      assertEquals(List.of(), UnaccountedRows.problemsMislocated(file, error.problems()));
      // Build.of parses first: it refuses the file with the very same problems.
      SourceException viaBuild =
          assertThrows(
              SourceException.class,
              () -> TestSeeds.build(file, e.mode(), new Iris(TestSeeds.BASE)),
              "Build.of refuses what the parser refuses" + where);
      assertEquals(error.problems(), viaBuild.problems());
      return;
    }
    TimelineParser.Result parsed = TestSeeds.parse(file, e.mode());
    assertEquals(
        List.of(), UnaccountedRows.in(file, parsed), "rows lost or mislocated in " + e + where);
    if (e.mode() == Mode.STRICT) {
      assertEquals(List.of(), parsed.problems(), "strict parsing that returns has no problems");
    }
    assertEquals(e.unread(), unread(parsed), "rows kept as unread text" + where);
    assertEquals(e.entries(), parsed.timeline().entries().size(), "entries" + where);
    if (e.outcome() == Outcome.BUILD_ERROR) {
      SourceException error =
          assertThrows(
              SourceException.class,
              () -> TestSeeds.build(parsed, new Iris(TestSeeds.BASE)),
              where);
      assertProblems(e, error.problems(), where);
      assertEquals(List.of(), UnaccountedRows.problemsMislocated(file, error.problems()));
      return;
    }
    Build build = TestSeeds.build(parsed, new Iris(TestSeeds.BASE));
    assertProblems(e, parsed.problems(), where);
    assertEquals(parsed.problems(), build.warnings(), "the build carries the parser's warnings");
    for (String check : e.checks()) {
      check(check, parsed, build.data(), where);
    }
  }

  /** The problem count, and the first problem's line, cell and message, as recorded. */
  private static void assertProblems(Expectation e, List<SourceProblem> problems, String where) {
    String all = problems.stream().map(SourceProblem::toString).collect(Collectors.joining("\n"));
    assertEquals(e.problems(), problems.size(), () -> "problems" + where + ":\n" + all);
    if (problems.isEmpty()) {
      assertEquals(-1, e.line(), "no problem, so no line is recorded" + where);
      return;
    }
    SourceProblem first = problems.get(0);
    assertEquals(e.line(), first.line(), () -> "line of " + first + where);
    assertEquals(e.cell(), first.cell(), () -> "cell of " + first + where);
    assertFalse(e.message().isEmpty(), "a problem's message fragment is recorded" + where);
    assertTrue(
        first.message().contains(e.message()),
        () -> "expected \"" + e.message() + "\" in " + first + where);
    assertTrue(first.toString().endsWith(first.location()), first::toString);
  }

  private static void check(String check, TimelineParser.Result parsed, Model data, String where)
      throws Exception {
    if (check.startsWith("same-entries-as ")) {
      Path other = CORPUS.resolve(check.substring("same-entries-as ".length()));
      TimelineParser.Result reference = TestSeeds.parse(SourceFile.read(other), Mode.STRICT);
      assertEquals(reference.timeline().entries(), parsed.timeline().entries(), check + where);
      assertEquals(reference.timeline().counts(), parsed.timeline().counts(), check + where);
      assertEquals(reference.timeline().rows(), parsed.timeline().rows(), check + where);
    } else if (check.startsWith("keeps ")) {
      String text = check.substring("keeps ".length());
      boolean kept =
          data.listObjects().toList().stream()
              .filter(RDFNode::isLiteral)
              .map(RDFNode::asLiteral)
              .map(Literal::getLexicalForm)
              .anyMatch(lexical -> lexical.contains(text));
      assertTrue(kept, () -> "no literal of the data keeps \"" + text + "\"" + where);
    } else {
      fail("unknown check \"" + check + "\"" + where);
    }
  }

  private static int unread(TimelineParser.Result parsed) {
    int n = 0;
    for (Entry entry : parsed.timeline().entries()) {
      if (entry instanceof Entry.Unclassified u && !u.problem().isEmpty()) {
        n++;
      }
    }
    return n;
  }
}
