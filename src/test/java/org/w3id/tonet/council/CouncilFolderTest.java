package org.w3id.tonet.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;

/**
 * A council folder is a closed set of files and columns: anything else is an error naming the
 * nearest valid one, and every error names file, line, cell, value, what was expected and the fix,
 * all of them in one run.
 */
class CouncilFolderTest {

  @TempDir Path temp;

  /** A copy of the Tone council's folder (the repository's seeds/) to change. */
  private Path copyOfTone() throws Exception {
    return TestSeeds.copyOfTone(temp.resolve("tone"));
  }

  private static List<SourceProblem> problems(Path folder) {
    return assertThrows(SourceException.class, () -> Council.read(CouncilFolder.of(folder)))
        .problems();
  }

  private static SourceProblem only(List<SourceProblem> problems, String file) {
    List<SourceProblem> in = problems.stream().filter(p -> p.file().endsWith(file)).toList();
    assertEquals(1, in.size(), problems.toString());
    return in.get(0);
  }

  @Test
  void theBundledFolderIsTheRepositorysSeedsFolder() throws Exception {
    Council bundled = Council.bundled();
    Council repository = Council.read(CouncilFolder.of(Path.of("seeds")));
    assertEquals(repository.digest(), bundled.digest());
    assertEquals("council-timeline.txt", bundled.identity().table());
    assertEquals("council", bundled.identity().council());
  }

  @Test
  void aMisspelledColumnIsNamedWithTheNearestOne() throws Exception {
    Path folder = copyOfTone();
    TestSeeds.replace(folder.resolve("names.tsv"), "\tenglish\t", "\tenglsh\t");
    SourceProblem p = only(problems(folder), "names.tsv");
    assertEquals(15, p.line());
    assertEquals(4, p.cell());
    assertTrue(p.message().contains("column \"englsh\" is not a column"), p.message());
    assertTrue(p.message().endsWith("fix: did you mean english?"), p.message());
  }

  @Test
  void aStrayFileIsNamedWithTheNearestFileOfAFolder() throws Exception {
    Path folder = copyOfTone();
    Files.move(folder.resolve("phrases.tsv"), folder.resolve("phrase.tsv"));
    SourceProblem p = only(problems(folder), "phrase.tsv");
    assertTrue(p.message().contains("is not a file of a council folder"), p.message());
    assertTrue(p.message().endsWith("fix: did you mean phrases.tsv?"), p.message());
  }

  @Test
  void aValueStillToFillInNamesItsColumnAndTheFix() throws Exception {
    Path folder = copyOfTone();
    TestSeeds.replace(
        folder.resolve("names.tsv"), "\tpastoral-kazo\tPastoral Kazo\t", "\tpastoral-kazo\t?\t");
    SourceProblem p = only(problems(folder), "names.tsv");
    assertEquals(4, p.cell());
    assertTrue(p.message().startsWith("column english, \"?\": still to be filled in"), p.message());
    assertTrue(p.message().contains("fix: write it in, or '-' for none"), p.message());
    assertTrue(p.rawText().contains("パストラルかぞ"), p.rawText());
  }

  @Test
  void everyFilesProblemsAreFoundInOneRun() throws Exception {
    Path folder = copyOfTone();
    TestSeeds.replace(folder.resolve("names.tsv"), "venue\tパストラルかぞ", "venu\tパストラルかぞ");
    TestSeeds.replace(folder.resolve("identity.tsv"), "site-name\ten\t", "site-nam\ten\t");
    TestSeeds.replace(
        folder.resolve("gazetteer.tsv"), "\tcity\t2010-03-23\t", "\tcitty\t2010-03-23\t");
    TestSeeds.replace(folder.resolve("readings.tsv"), "\tschema:superEvent\t", "\tsuperEvent\t");
    List<SourceProblem> problems = problems(folder);
    SourceProblem kind = problems.get(0);
    assertTrue(kind.file().endsWith("names.tsv"), problems.toString());
    assertTrue(kind.message().startsWith("column kind, \"venu\": expected org, unit, venue"));
    assertTrue(kind.message().endsWith("fix: did you mean venue?"), kind.message());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.file().endsWith("identity.tsv")
                        && p.message().contains("\"site-nam\"")
                        && p.message().endsWith("did you mean site-name?")),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.file().endsWith("gazetteer.tsv")
                        && p.cell() == 7
                        && p.message().contains("\"citty\": expected city or town")),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.file().endsWith("readings.tsv")
                        && p.message().startsWith("column property, \"superEvent\"")),
        problems.toString());
    // The venue that lost its row is then unknown where the table and the gazetteer use it.
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.file().endsWith("gazetteer.tsv")
                        && p.message().contains("no venue pastoral-kazo in names.tsv")),
        problems.toString());
  }

  @Test
  void theIdentityNamesACouncilOfTheNames() throws Exception {
    Path folder = copyOfTone();
    TestSeeds.replace(
        folder.resolve("identity.tsv"), "council\t-\tcouncil\n", "council\t-\tcouncill\n");
    SourceProblem p = only(problems(folder), "identity.tsv");
    assertTrue(
        p.message().contains("names.tsv has no org row with the slug councill"), p.message());
  }

  @Test
  void aRequiredFileOrFieldMissingIsSaidWithItsFix() throws Exception {
    Path folder = copyOfTone();
    Files.delete(folder.resolve("names.tsv"));
    TestSeeds.replace(
        folder.resolve("identity.tsv"),
        "attribution\tja\t出典：埼玉利根保健医療圏医療連携推進協議会「協議会の経過」を加工して作成\n",
        "");
    List<SourceProblem> problems = problems(folder);
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.file().endsWith("names.tsv")
                        && p.message().startsWith("is missing; every council folder has one")),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.file().endsWith("identity.tsv")
                        && p.message().contains("has no attribution in ja")
                        && p.message().contains("fix: add a row: attribution\tja")),
        problems.toString());
  }

  @Test
  void aDecisionNamesALineOfTheTable() throws Exception {
    Path folder = copyOfTone();
    Files.writeString(
        folder.resolve("decisions.tsv"),
        "line\tdecision\treason\n999\tmakes id/x\tbecause\n",
        StandardCharsets.UTF_8);
    SourceProblem p = only(problems(folder), "decisions.tsv");
    assertTrue(p.message().contains("expected a line number of council-timeline.txt (1 to 88)"));
  }

  @Test
  void anotherTableReplacesOnlyTheTable() throws Exception {
    Path table = temp.resolve("other.txt");
    Files.writeString(
        table, "年度\t月 日\t実 施 内 容\n平成22年度\t7月20日\t第1回協議会臨時総会の開催\n", StandardCharsets.UTF_8);
    Council council = Council.read(CouncilFolder.of(Path.of("seeds")), table);
    assertEquals("other.txt", council.table().fileName());
    assertEquals(Council.bundled().identity(), council.identity());
    assertTrue(
        !council.digest().equals(Council.bundled().digest()), "another table, another build");
  }
}
