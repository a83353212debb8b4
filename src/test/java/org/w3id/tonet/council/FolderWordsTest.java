package org.w3id.tonet.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;

/**
 * Row kinds are recognised by the shape of a row and the words of the folder, not by the Tone
 * table's own phrases: a title, a verb or a counter another council uses is read once its words.tsv
 * lists it, and a choice its table makes otherwise is a setting of its folder.
 */
class FolderWordsTest {

  @TempDir Path temp;

  private Path folder;

  @BeforeEach
  void copyTheToneFolder() throws Exception {
    folder = TestSeeds.copyOfTone(temp.resolve("council"));
    // Another council's table reads by the same folder: the Tone table's decisions are not its.
    Files.delete(folder.resolve("decisions.tsv"));
  }

  private void append(String file, String... rows) throws Exception {
    Files.writeString(
        folder.resolve(file),
        String.join("\n", rows) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  private void write(String file, String... rows) throws Exception {
    Files.writeString(folder.resolve(file), String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
  }

  /** The folder's reading of a table of these rows (header first). */
  private Timeline read(String... rows) throws Exception {
    Path table = temp.resolve("table.txt");
    Files.writeString(
        table, "年度\t月 日\t実 施 内 容\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return Council.read(CouncilFolder.of(folder), table)
        .parse(TimelineParser.Mode.STRICT)
        .timeline();
  }

  private static List<SourceProblem> problems(Path folder) {
    return assertThrows(SourceException.class, () -> Council.read(CouncilFolder.of(folder)))
        .problems();
  }

  @Test
  void aSymposiumTitleTheToneTableDoesNotUseIsReadOnceTheFolderListsIt() throws Exception {
    String row = "平成24年度\t9月1日\t地域医療連携シンポジウムの開催（パストラルかぞ） 約120人参加";
    assertInstanceOf(Entry.Unclassified.class, read(row).entries().get(0));
    append("words.tsv", "symposium\t地域医療連携シンポジウム\tRegional Medical Cooperation Symposium\t-\t-");
    Entry.Symposium s = assertInstanceOf(Entry.Symposium.class, read(row).entries().get(0));
    assertEquals(120, s.attendance());
    assertTrue(s.approximate());
    assertEquals(
        "Regional Medical Cooperation Symposium at Pastoral Kazo, 1 September 2012",
        s.base().labelEn());
  }

  /**
   * The folder's words are compared as its names and agenda are (issue 16: NFKC): a word written
   * with ASCII letters or digits reads a row written with full-width ones, and the reverse; the
   * labels keep the row as written.
   */
  @Test
  void wordsAndRowsWrittenInOtherWidthsAreReadAlike() throws Exception {
    String symposium = "平成24年度\t9月1日\tＩＣＴシンポジウム２０１２の開催（パストラルかぞ） 約120人参加";
    String assembly = "平成24年度\t10月1日\t第3回IT部会の開催（事業計画について）";
    assertInstanceOf(Entry.Unclassified.class, read(symposium).entries().get(0));
    assertInstanceOf(Entry.Unclassified.class, read(assembly).entries().get(0));
    append(
        "words.tsv",
        "symposium\tICTシンポジウム2012\tICT Symposium 2012\t-\t-",
        "assembly\t第{n}回ＩＴ部会\tIT Section, {nth} meeting\textraordinary\t-");
    Entry.Symposium s = assertInstanceOf(Entry.Symposium.class, read(symposium).entries().get(0));
    assertEquals(120, s.attendance());
    assertTrue(s.base().labelEn().startsWith("ICT Symposium 2012 at "), s.base().labelEn());
    assertTrue(s.base().labelJa().startsWith("ＩＣＴシンポジウム２０１２"), s.base().labelJa());
    Entry.Assembly a = assertInstanceOf(Entry.Assembly.class, read(assembly).entries().get(0));
    assertEquals(3, a.ordinal());
    assertEquals("IT Section, 3rd meeting", a.base().labelEn());
    assertTrue(a.base().labelJa().startsWith("第3回IT部会"), a.base().labelJa());
  }

  @Test
  void anAttendanceCountedAnotherWayIsReadByTheFoldersCounter() throws Exception {
    String row = "平成24年度\t9月1日\t地域医療ネットワークシンポジウムを開催（パストラルかぞ） 参加者 約95人";
    assertInstanceOf(Entry.Unclassified.class, read(row).entries().get(0));
    Path words = folder.resolve("words.tsv");
    Files.writeString(
        words, Files.readString(words).replace("attendance\t{n}人参加", "attendance\t参加者{n}人"));
    Entry.Symposium s = assertInstanceOf(Entry.Symposium.class, read(row).entries().get(0));
    assertEquals(95, s.attendance());
    assertTrue(s.approximate());
  }

  @Test
  void aPlanVerbTheToneTableDoesNotUseIsReadOnceTheFolderListsIt() throws Exception {
    String row = "平成21年度\t11月6日\t埼玉県が「埼玉県利根保健医療圏における地域医療再生計画」を策定";
    assertInstanceOf(Entry.Unclassified.class, read(row).entries().get(0));
    append("words.tsv", "plan-verb\t策定\tdrew up\tadoption\t-");
    Entry.Milestone m = assertInstanceOf(Entry.Milestone.class, read(row).entries().get(0));
    assertEquals(Entry.MilestoneKind.PLAN_ADOPTED, m.kind());
    assertTrue(
        m.base().labelEn().startsWith("Saitama Prefecture drew up the "), m.base().labelEn());
  }

  @Test
  void anAssemblyTitleOfAnotherCouncilIsReadWithItsKindAndEnglish() throws Exception {
    String row = "平成24年度\t6月1日\t第3回運営委員会の開催（事業計画について）";
    assertInstanceOf(Entry.Unclassified.class, read(row).entries().get(0));
    append(
        "words.tsv", "assembly\t第{n}回運営委員会\tSteering Committee, {nth} meeting\textraordinary\t-");
    Entry.Assembly a = assertInstanceOf(Entry.Assembly.class, read(row).entries().get(0));
    assertEquals(Entry.AssemblyKind.EXTRAORDINARY, a.kind());
    assertEquals(3, a.ordinal());
    assertEquals("Steering Committee, 3rd meeting", a.base().labelEn());
    assertEquals("事業計画について", a.agenda().get(0).labelJa());
  }

  @Test
  void aSeriesRowWithoutAGlossIsReadWhenItsNameIsASeries() throws Exception {
    String row = "平成22年度\t8月5日～\t行政連絡会議を月1回開催";
    Entry.MeetingSeries s = assertInstanceOf(Entry.MeetingSeries.class, read(row).entries().get(0));
    assertEquals("月1回", s.frequencyJa());
    assertEquals("", s.glossJa());
    // A plainer row naming no series is not a series, and not a problem either.
    assertInstanceOf(Entry.Unclassified.class, read("平成22年度\t8月5日\t説明会を開催").entries().get(0));
  }

  @Test
  void theAgendaDotSettingDecidesWhenAPairIsTwoItems() throws Exception {
    String row = "平成22年度\t11月30日\t第2回協議会総会の開催（システムの方向性の確認・決定）";
    Entry.Assembly tone = assertInstanceOf(Entry.Assembly.class, read(row).entries().get(0));
    assertEquals(1, tone.agenda().size(), "the Tone choice: a single ・ joins a pair");
    write("settings.tsv", "setting\tvalue\tnote", "agenda-dot-items\t2\tthis table lists pairs");
    Entry.Assembly split = assertInstanceOf(Entry.Assembly.class, read(row).entries().get(0));
    assertEquals(
        List.of("システムの方向性の確認", "決定"), split.agenda().stream().map(i -> i.labelJa()).toList());
  }

  @Test
  void theAssemblySeriesSettingNamesTheSeriesAssembliesBelongTo() throws Exception {
    String rows = "平成22年度\t11月30日\t第2回協議会総会の開催";
    String summary = "※ 会議等の開催状況(令和6年3月31日現在)\n・ 作業部会(ヒューマン、ITネットワーク担当部会) 69回";
    Timeline tone = read(rows, summary);
    assertFalse(tone.entries().get(0).base().partOf().contains("section-meetings"));
    write("settings.tsv", "setting\tvalue\tnote", "assembly-series\tsection-meetings\t-");
    Timeline other = read(rows, summary);
    assertEquals(List.of("section-meetings"), other.entries().get(0).base().partOf());
  }

  @Test
  void aWordsRowOutsideTheClosedSetIsNamedWithTheNearestKind() throws Exception {
    append("words.tsv", "symposum\t地域医療連携シンポジウム\tSymposium\t-\t-");
    SourceProblem p = problems(folder).get(0);
    assertTrue(p.file().endsWith("words.tsv"), p.toString());
    assertTrue(p.message().startsWith("column kind, \"symposum\": expected one of assembly"));
    assertTrue(p.message().endsWith("fix: did you mean symposium?"), p.message());
  }

  @Test
  void aPhrasingWithoutItsNumberIsRefusedWithTheFix() throws Exception {
    append("words.tsv", "assembly\t運営委員会\tSteering Committee\tcouncil\t-");
    SourceProblem p = problems(folder).get(0);
    assertEquals(2, p.cell());
    assertTrue(p.message().contains("an assembly has {n} once"), p.message());
    assertTrue(p.message().contains("fix: write the phrasing as the table writes it, with {n}"));
  }

  @Test
  void anUnknownSettingIsNamedWithTheNearestOne() throws Exception {
    write("settings.tsv", "setting\tvalue\tnote", "agenda-dot-item\t2\t-");
    SourceProblem p = problems(folder).get(0);
    assertTrue(p.message().endsWith("fix: did you mean agenda-dot-items?"), p.message());
  }
}
