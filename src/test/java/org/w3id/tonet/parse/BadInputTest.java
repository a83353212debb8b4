package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.SourceRow;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.model.When;
import org.w3id.tonet.publish.Build;
import org.w3id.tonet.rdf.Iris;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceProblem;

/**
 * Bad input, one line each: strict mode refuses it with a problem naming the file, the line and the
 * cell and saying what was expected; lenient mode keeps what it cannot read as text. Rows are
 * placed under one header, so a single row stands on line 2.
 */
class BadInputTest {

  private static final String HEADER = "年度\t月 日\t実 施 内 容";
  private static final String MILESTONE = "参加登録者5,000人を超える";

  // ---- eras and fiscal years --------------------------------------------------------------

  @Test
  void badEra_unknown() {
    assertParseError("和暦5年度\t7月20日\t" + MILESTONE, 1, "unknown era \"和暦\" in \"和暦5年度\"");
  }

  @Test
  void badEra_reiwaYear0() {
    assertParseError("令和0年度\t7月20日\t" + MILESTONE, 1, "an era has no year 0; expected 元 (or 1)");
  }

  @Test
  void badEra_heisei32BeganAfterHeiseiEnded() {
    assertParseError(
        "平成32年度\t7月20日\t" + MILESTONE,
        1,
        "it would begin on 2020-04-01, after 平成 ended on 2019-04-30");
  }

  @Test
  void badEra_showa64BeganAfterShowaEnded() {
    assertParseError("昭和64年度\t7月20日\t" + MILESTONE, 1, "after 昭和 ended on 1989-01-07");
  }

  @Test
  void badEra_fiscalYearInTheSecondCell() {
    assertParseError("\t令和0年度\t7月20日\t" + MILESTONE, 2, "an era has no year 0");
  }

  @Test
  void badRow_beforeAnyFiscalYear() {
    assertParseError("\t7月20日\t" + MILESTONE, 2, "this row comes before any fiscal year; expected");
  }

  @Test
  void badRow_noText() {
    assertParseError("平成22年度\t7月20日\t", 2, "the row has no text; expected what happened");
  }

  @Test
  void badRow_underAnUnreadableFiscalYearNamesThatYearsLine() {
    SourceException e = strictFails("和暦5年度\t7月20日\t" + MILESTONE, "\t8月20日\t参加登録者6,000人を超える");
    assertEquals(List.of("[line 2, cell 1]", "[line 3, cell 2]"), locations(e));
    assertTrue(
        e.problems()
            .get(1)
            .message()
            .contains("its fiscal year, given on line 2, could not be read"),
        e::getMessage);
  }

  // ---- date cells -------------------------------------------------------------------------

  @Test
  void badDate_feb30() {
    assertParseError(
        "平成22年度\t2月30日\t" + MILESTONE,
        2,
        "2月30日 is not a day: February 2011 (in 平成22年度) has 28 days");
  }

  @Test
  void badDate_feb29InACommonYear() {
    assertParseError(
        "平成22年度\t2月29日\t" + MILESTONE,
        2,
        "2月29日 is not a day: February 2011 (in 平成22年度) has 28 days");
  }

  @Test
  void goodDate_feb29InALeapYear() throws Exception {
    Timeline t = TestSeeds.parse(TestSeeds.table("平成23年度\t2月29日\t" + MILESTONE));
    assertEquals(LocalDate.of(2012, 2, 29), t.entries().get(0).base().when().start());
  }

  @Test
  void badDate_month13() {
    assertParseError(
        "平成22年度\t13月1日\t" + MILESTONE, 2, "month 13 does not exist; expected a month from 1 to 12");
  }

  @Test
  void badDate_fullWidthMonth13() {
    assertParseError("平成22年度\t１３月１日\t" + MILESTONE, 2, "month 13 does not exist");
  }

  @Test
  void badDate_nov31() {
    assertParseError("平成22年度\t11月31日\t" + MILESTONE, 2, "November 2010 (in 平成22年度) has 30 days");
  }

  @Test
  void badDate_dayWithoutMonth() {
    assertParseError(
        "平成22年度\t20日\t" + MILESTONE, 2, "gives a day without a month; expected a date");
  }

  @Test
  void badDate_twoDateCells() {
    assertParseError(
        "平成22年度\t7月20日\t8月1日\t" + MILESTONE,
        3,
        "a second date cell (the first is cell 2); expected one date per row");
  }

  @Test
  void badDate_twoFiscalYearCells() {
    assertParseError(
        "平成22年度\t平成23年度\t7月20日\t" + MILESTONE,
        2,
        "a second fiscal year cell (the first is cell 1)");
  }

  @Test
  void badDate_rangeEndsBeforeItBegins() {
    assertParseError(
        "平成23年度\t3月10日～2月1日\t参加医療機関の募集受付開始",
        2,
        "the range ends on 2012-02-01, before it begins on 2012-03-10");
  }

  @Test
  void badDate_rangeAcrossTheFiscalYearEnd() {
    // 3月 of 平成23年度 is 2012, 4月 is 2011: a range cannot run from March into April.
    assertParseError(
        "平成23年度\t3月10日～4月5日\t参加医療機関の募集受付開始",
        2,
        "the range ends on 2011-04-05, before it begins on 2012-03-10");
  }

  @Test
  void badDate_severalDaysForAOneDayEvent() {
    assertParseError(
        "平成24年度\t8月5日、20日\t" + MILESTONE,
        2,
        "several days are given, but this kind of entry happens on one day");
  }

  @Test
  void badDate_endInTheTextWithoutAMonth() {
    assertParseError(
        "平成23年度\t2月10日～\t参加医療機関の募集受付開始（～15日）",
        3,
        "\"15日\" gives a day without a month; expected a day such as 3月15日");
  }

  @Test
  void badDate_endInTheTextBeforeTheStart() {
    assertParseError(
        "平成23年度\t2月10日～\t参加医療機関の募集受付開始（～1月15日）",
        3,
        "the activity ends on 2012-01-15, before it begins on 2012-02-10");
  }

  @Test
  void badDate_sameRowAboveInAnotherFiscalYear() {
    // 同 takes the day above, but this row starts 平成23年度 and the day above is in 平成22年度.
    assertParseErrorAt(
        3,
        1,
        "the day above, 2010-07-20, is not in this row's fiscal year 平成23年度",
        seed(8),
        "平成23年度" + seed(9));
  }

  @Test
  void badDate_numbersThatCannotBoundAnUndatedAssembly() {
    // No. 1 after no. 3: the undated no. 2 would lie on or after 3/27 and on or before 11/15.
    assertParseErrorAt(
        3,
        0,
        "on or after 2012-03-27 and on or before 2011-11-15, which cannot both hold",
        "平成23年度\t3月27日\t第1回協議会臨時総会の開催（規程）",
        "\t\t第2回協議会臨時総会の開催（追加契約）",
        "\t11月15日\t第3回協議会臨時総会の開催（契約）");
  }

  // ---- names and brackets ---------------------------------------------------------------------

  @Test
  void badName_unknownVenue() {
    assertParseError(
        "平成23年度\t3月17日\t地域医療ネットワークシンポジウムの開催（東京ドーム） 約230人参加",
        3,
        "\"東京ドーム\" is not in names.tsv (kind venue): add a row");
  }

  @Test
  void badName_unknownVenueOnAShiftedRow() {
    // The seed's line 23 has its date in cell 1 and its text in cell 3.
    assertParseErrorAt(
        3,
        3,
        "\"東京ドーム\" is not in names.tsv (kind venue)",
        seed(16),
        seed(23).replace("パストラルかぞ", "東京ドーム"));
  }

  @Test
  void badName_symposiumWithoutADay() {
    assertParseError(
        "平成23年度\t\t地域医療ネットワークシンポジウムの開催（パストラルかぞ） 約230人参加", 3, "a symposium needs its day");
  }

  @Test
  void badName_unknownJointBody() {
    assertParseError(
        "令和5年度\t10月17日\t第12期協議会通常総会の開催（理事会との合同会議）（令和4年度事業報告及び収支決算等について）",
        3,
        "\"理事会\" is not in names.tsv (kind alias or unit)");
  }

  @Test
  void badName_unknownLecturer() {
    assertParseErrorAt(
        3,
        3,
        "\"山田教授\" is not in names.tsv (kind person)",
        seed(8),
        seed(11).replace("田中教授", "山田教授"));
  }

  @Test
  void badBracket_neverClosed() {
    assertParseError(
        "平成22年度\t11月30日\t第2回協議会総会の開催（システムの方向", 3, "never closed: the text looks cut short");
  }

  @Test
  void badBracket_closesNothing() {
    assertParseError(
        "平成22年度\t11月30日\t第2回協議会総会の開催）", 3, "'）' at character 12 closes nothing that was opened");
  }

  @Test
  void badBracket_mismatched() {
    assertParseError("平成22年度\t11月30日\t第2回協議会総会の開催（システム]", 3, "']' at character 17 closes nothing");
  }

  // ---- the closing summary ------------------------------------------------------------------

  @Test
  void badSummary_heisei31May1IsNotADayOfHeisei() {
    // ICU parses 平成31年5月1日 as 2019-05-01; only the round trip shows it is 令和元年5月1日.
    assertParseErrorAt(
        4,
        1,
        "the summary's date: \"平成31年5月1日\" is not a day of 平成: that day is 令和元年5月1日",
        seed(79),
        "",
        "※ 会議等の開催状況(平成31年5月1日現在)");
  }

  @Test
  void badSummary_countsUnderAnUnreadableDateSaySoOnce() {
    SourceException e =
        strictFails(seed(79), "", "※ 会議等の開催状況(令和6年2月30日現在)", "", seed(84), seed(88));
    assertEquals(List.of("[line 4, cell 1]", "[line 6, cell 1]", "[line 7, cell 1]"), locations(e));
    for (SourceProblem p : e.problems().subList(1, 3)) {
      assertEquals(
          "this count cannot be dated: the summary's date, given on line 4, could not be read",
          p.message());
    }
  }

  @Test
  void badSummary_unknownSeries() {
    assertParseErrorAt(
        4,
        1,
        "\"理事会\" is not in names.tsv (kind series)",
        seed(79),
        "※ 会議等の開催状況(令和6年3月31日現在)",
        "- ・ 理事会 12回");
  }

  @Test
  void badSummary_noCount() {
    assertParseErrorAt(
        4,
        1,
        "has no count; expected counts such as",
        seed(79),
        "※ 会議等の開催状況(令和6年3月31日現在)",
        "- ・ 協議会(通常総会・臨時総会)");
  }

  @Test
  void badSummary_bracketNeverClosed() {
    assertParseErrorAt(
        4, 1, "'(' is never closed", seed(79), "※ 会議等の開催状況(令和6年3月31日現在)", "- ・ 医師会等説明(46回");
  }

  // ---- IRIs ----------------------------------------------------------------------------------

  @Test
  void badIri_twoRowsForOneNumberedAssembly() throws Exception {
    SourceFile file = TestSeeds.table("平成22年度" + seed(14), "\t2月15日\t第2回協議会総会の開催（ユースケースの確認・決定）");
    SourceException e =
        assertThrows(
            SourceException.class,
            () -> TestSeeds.build(file, TimelineParser.Mode.STRICT, new Iris(TestSeeds.BASE)));
    assertEquals(1, e.problems().size(), e::getMessage);
    SourceProblem p = e.problems().get(0);
    assertEquals(3, p.line());
    assertTrue(p.message().contains("line 2's \"第2回協議会総会\""), p::message);
    assertTrue(p.message().contains(TestSeeds.BASE + "id/assembly/council/2"), p::message);
    assertTrue(p.toString().endsWith(" [line 3]"), p::toString);
  }

  // ---- encodings and whole files ----------------------------------------------------------------

  @Test
  void badEncoding_shiftJisRow() throws Exception {
    byte[] bytes = seed(8).getBytes(Charset.forName("windows-31j"));
    SourceProblem p = assertFileError(bytes, "the file looks like Shift_JIS; expected UTF-8");
    assertEquals("[line 1, cell 1]", p.location());
    assertTrue(p.message().contains("iconv -f SHIFT_JIS -t UTF-8"), p::message);
  }

  @Test
  void badEncoding_shiftJisRowInAUtf8File() throws Exception {
    // Mixed files are refused where the first foreign byte stands; the Shift_JIS hint is only
    // given when the whole file reads as Shift_JIS.
    byte[] bytes =
        concat(
            (HEADER + "\n").getBytes(StandardCharsets.UTF_8),
            seed(8).getBytes(Charset.forName("windows-31j")));
    SourceProblem p = assertFileError(bytes, "byte 0x95 at offset 31 is not UTF-8; expected UTF-8");
    assertEquals("[line 2, cell 1]", p.location());
  }

  @Test
  void badEncoding_shiftJisSeed() throws Exception {
    String seed = Files.readString(TestSeeds.SEED, StandardCharsets.UTF_8);
    SourceProblem p =
        assertFileError(seed.getBytes(Charset.forName("windows-31j")), "looks like Shift_JIS");
    // Lines 1 and 2 are blank; the title on line 3 is the first text.
    assertEquals("[line 3, cell 1]", p.location());
    assertTrue(p.toString().startsWith("council-timeline.txt: byte 0x8B at offset 2"), p::toString);
  }

  @Test
  void badEncoding_shiftJisInTheThirdCell() throws Exception {
    byte[] bytes =
        concat(
            (HEADER + "\n平成22年度\t7月20日\t").getBytes(StandardCharsets.UTF_8),
            MILESTONE.getBytes(Charset.forName("windows-31j")));
    assertEquals("[line 2, cell 3]", assertFileError(bytes, "is not UTF-8").location());
  }

  @Test
  void badEncoding_utf16WithByteOrderMark() throws Exception {
    String seed = Files.readString(TestSeeds.SEED, StandardCharsets.UTF_8);
    SourceProblem p =
        assertFileError(
            seed.getBytes(StandardCharsets.UTF_16), "is UTF-16 (it starts with a UTF-16");
    assertTrue(p.message().contains("expected UTF-8"), p::message);
  }

  @Test
  void badEncoding_utf16WithoutByteOrderMark() throws Exception {
    String table = HEADER + "\n平成22年度\t7月20日\t" + MILESTONE + "\n";
    SourceProblem p = assertFileError(table.getBytes(StandardCharsets.UTF_16LE), "is not UTF-8");
    assertEquals("[line 1, cell 1]", p.location());
  }

  @Test
  void badEncoding_nulCharacters() throws Exception {
    byte[] bytes = (HEADER + "\n平成22年度\t7月20日\t\0\0\n").getBytes(StandardCharsets.UTF_8);
    assertEquals("[line 2]", assertFileError(bytes, "contains NUL characters").location());
  }

  @Test
  void goodEncoding_utf8ByteOrderMarkReadsTheSame() throws Exception {
    String table = "平成22年度\t7月20日\t" + MILESTONE + "\n\t2月15日\t参加登録者6,000人を超える\n";
    byte[] plain = table.getBytes(StandardCharsets.UTF_8);
    byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

    SourceFile withBom = SourceFile.fromBytes("bom.txt", "bom.txt", bom);
    assertEquals("平成22年度", withBom.line(1).cell(1), "the mark is no part of the first cell");
    assertNotEquals(SourceFile.fromBytes("t", "t", plain).sha256(), withBom.sha256());
    assertSameReading(TestSeeds.parse(SourceFile.fromBytes("t", "t", plain)), parse(bom));
  }

  @Test
  void goodEncoding_utf8ByteOrderMarkOnTheSeed() throws Exception {
    byte[] seed = Files.readAllBytes(TestSeeds.SEED);
    byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed);
    assertSameReading(TestSeeds.parse(TestSeeds.seed()), parse(bom));
  }

  @Test
  void goodEncoding_crlfReadsTheSameAsLf() throws Exception {
    String seed = Files.readString(TestSeeds.SEED, StandardCharsets.UTF_8);
    byte[] crlf = seed.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    SourceFile file = SourceFile.fromBytes("crlf.txt", "crlf.txt", crlf);
    assertEquals(88, file.lines().size());
    assertFalse(file.lines().stream().anyMatch(l -> l.text().contains("\r")));
    assertSameReading(TestSeeds.parse(TestSeeds.seed()), parse(crlf));
  }

  @Test
  void badFile_empty() {
    assertFileError(new byte[0], "the file is empty; expected a timeline table");
  }

  @Test
  void badFile_onlyBlankLines() {
    assertFileError(
        "\n\n \t \n\r\n".getBytes(StandardCharsets.UTF_8),
        "the file holds only blank lines; expected a timeline table");
  }

  @Test
  void badFile_onlyAHeader() {
    SourceException e = strictFails();
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).message().startsWith("holds no timeline rows; expected rows"));
  }

  @Test
  void badFile_missing(@TempDir Path folder) {
    Path missing = folder.resolve("missing.txt");
    SourceException e = assertThrows(SourceException.class, () -> SourceFile.read(missing));
    SourceProblem p = e.problems().get(0);
    assertEquals(missing.toString(), p.file());
    assertTrue(p.message().startsWith("no such file (looked in "), p::message);
    assertEquals(missing.toString() + ": " + p.message(), p.toString());
  }

  @Test
  void badFile_truncatedInTheMiddleOfACharacter() throws Exception {
    byte[] seed = Files.readAllBytes(TestSeeds.SEED);
    String text = new String(seed, StandardCharsets.UTF_8);
    // Cut inside 程, the last character of line 24's text: one of its three bytes is left.
    int cut = text.substring(0, text.indexOf("規程）") + 1).getBytes(StandardCharsets.UTF_8).length;
    SourceProblem p =
        assertFileError(
            Arrays.copyOf(seed, cut + 1),
            "the file ends in the middle of a character: it looks truncated");
    assertEquals("[line 24, cell 3]", p.location());
    assertTrue(p.rawText().startsWith("3月27日\t\t第3回協議会臨時総会の開催"), p::rawText);
  }

  @Test
  void badFile_truncatedInsideABracket() throws Exception {
    String seed = Files.readString(TestSeeds.SEED, StandardCharsets.UTF_8);
    String cut = seed.substring(0, seed.indexOf("（参加医療機関の状況") + "（参加医療機".length());
    SourceException e =
        assertThrows(
            SourceException.class,
            () -> TestSeeds.parse(TestSeeds.text("council-timeline.txt", cut)));
    assertEquals(1, e.problems().size(), e::getMessage);
    SourceProblem p = e.problems().get(0);
    assertEquals("council-timeline.txt", p.file());
    assertEquals("[line 24, cell 3]", p.location());
    assertTrue(p.message().contains("never closed: the text looks cut short"), p::message);
  }

  // ---- one run, every bad line ------------------------------------------------------------------

  /** The seed with three bad rows: a 31st of November, an unknown venue, a 13th month. */
  private static SourceFile seedWithThreeBadRows() throws Exception {
    String seed = Files.readString(TestSeeds.SEED, StandardCharsets.UTF_8);
    String bad =
        seed.replace("\t11月30日\t第2回協議会総会", "\t11月31日\t第2回協議会総会")
            .replace("（久喜総合文化会館）", "（東京ドーム）")
            .replace("\t3月28日\t第14回", "\t13月28日\t第14回");
    assertNotEquals(seed, bad);
    return TestSeeds.text("council-timeline.txt", bad);
  }

  @Test
  void oneStrictRunReportsEveryBadLine() throws Exception {
    SourceFile file = seedWithThreeBadRows();
    SourceException e =
        assertThrows(
            SourceException.class, () -> TestSeeds.parse(file, TimelineParser.Mode.STRICT));

    assertEquals(
        List.of("[line 14, cell 2]", "[line 33, cell 3]", "[line 56, cell 2]"), locations(e));
    assertTrue(e.problems().get(0).message().contains("November 2010 (in 平成22年度) has 30 days"));
    assertTrue(e.problems().get(1).message().contains("\"東京ドーム\" is not in names.tsv"));
    assertTrue(e.problems().get(2).message().contains("month 13 does not exist"));
    for (SourceProblem p : e.problems()) {
      assertEquals("council-timeline.txt", p.file());
      assertEquals(file.line(p.line()).text(), p.rawText());
      assertTrue(
          p.toString().matches("council-timeline\\.txt: .+ \\[line \\d+, cell \\d+]"), p::toString);
    }
    // The exception's message lists them all, one a line.
    assertEquals(3, e.getMessage().lines().count());
  }

  @Test
  void lenientRunKeepsEveryBadLineAsText() throws Exception {
    SourceFile file = seedWithThreeBadRows();
    TimelineParser.Result result = TestSeeds.parse(file, TimelineParser.Mode.LENIENT);
    Timeline t = result.timeline();

    assertEquals(
        List.of("[line 14, cell 2]", "[line 33, cell 3]", "[line 56, cell 2]"),
        result.problems().stream().map(SourceProblem::location).toList());
    List<Entry.Unclassified> unread =
        t.entries().stream()
            .filter(e -> e instanceof Entry.Unclassified u && !u.problem().isEmpty())
            .map(Entry.Unclassified.class::cast)
            .toList();
    assertEquals(List.of(14, 33, 56), unread.stream().map(u -> u.base().lines().get(0)).toList());
    assertEquals("11月31日 第2回協議会総会の開催（システムの方向性の確認・決定）", unread.get(0).base().labelJa());
    assertEquals("3月23日 地域医療ネットワークシンポジウムの開催（東京ドーム） 約280人参加", unread.get(1).base().labelJa());
    for (int i = 0; i < unread.size(); i++) {
      assertEquals(result.problems().get(i).message(), unread.get(i).problem());
    }
    // An unread row is bounded by its fiscal year, never dated.
    assertEquals(
        When.between(LocalDate.of(2010, 4, 1), LocalDate.of(2011, 3, 31)),
        unread.get(0).base().when());
    // The rest reads as in the seed: one entry per bad row instead of what it would have made.
    assertEquals(TestSeeds.parse(TestSeeds.seed()).entries().size(), t.entries().size());
    assertNoLineDropped(t);
  }

  @Test
  void lenientRunKeepsRowsUnderABrokenFiscalYear() throws Exception {
    SourceFile file =
        TestSeeds.table(
            "和暦5年度\t7月20日\t" + MILESTONE,
            "\t8月20日\t参加登録者6,000人を超える",
            "平成23年度\t9月1日\t参加登録者7,000人を超える");
    TimelineParser.Result result = TestSeeds.parse(file, TimelineParser.Mode.LENIENT);

    assertEquals(2, result.problems().size());
    List<Entry> entries = result.timeline().entries();
    assertEquals(3, entries.size());
    assertTrue(
        entries.get(0) instanceof Entry.Unclassified u && u.problem().contains("unknown era"));
    assertTrue(entries.get(1) instanceof Entry.Unclassified u && u.problem().contains("line 2"));
    assertEquals("和暦5年度 7月20日 " + MILESTONE, entries.get(0).base().labelJa());
    assertEquals(LocalDate.of(2011, 9, 1), entries.get(2).base().when().start());
    assertNoLineDropped(result.timeline());
  }

  @Test
  void lenientRunWithSeveralProblemsOnOneLineKeepsItOnceAndStillMapsToRdf() throws Exception {
    SourceFile file =
        TestSeeds.table(
            seed(79), "※ 会議等の開催状況(令和6年3月31日現在)", "- ・ 理事会説明(46回)、役員会議(10回)、臨床検査施設会議(9回)");
    Build build = TestSeeds.build(file, TimelineParser.Mode.LENIENT, new Iris(TestSeeds.BASE));

    assertEquals(
        List.of("[line 4, cell 1]", "[line 4, cell 1]"),
        build.warnings().stream().map(SourceProblem::location).toList());
    long unreadOnLine4 =
        build.timeline().entries().stream()
            .filter(e -> e instanceof Entry.Unclassified && e.base().lines().equals(List.of(4)))
            .count();
    assertEquals(1, unreadOnLine4);
    // The count that could be read is kept.
    assertEquals(List.of(9), build.timeline().counts().stream().map(c -> c.count()).toList());
    assertNoLineDropped(build.timeline());
  }

  @Test
  void lenientRunOfTheSeedHasNoProblems() throws Exception {
    TimelineParser.Result result = TestSeeds.parse(TestSeeds.seed(), TimelineParser.Mode.LENIENT);
    assertEquals(List.of(), result.problems());
    assertEquals(TestSeeds.parse(TestSeeds.seed()).entries(), result.timeline().entries());
    assertNoLineDropped(result.timeline());
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Strict parse of the header and one row fails with one problem, on line 2 in the given cell. */
  private static SourceProblem assertParseError(String row, int cell, String expected) {
    return assertParseErrorAt(2, cell, expected, row);
  }

  /** Strict parse of the header and rows fails with exactly one problem, at the line and cell. */
  private static SourceProblem assertParseErrorAt(
      int line, int cell, String expected, String... rows) {
    SourceException e = strictFails(rows);
    assertEquals(1, e.problems().size(), e::getMessage);
    SourceProblem p = e.problems().get(0);
    assertEquals("test.txt", p.file());
    assertEquals(line, p.line(), p::toString);
    assertEquals(cell, p.cell(), p::toString);
    assertTrue(p.message().contains(expected), () -> "expected \"" + expected + "\" in " + p);
    assertEquals(rows[line - 2], p.rawText());
    String where = cell == 0 ? "[line " + line + "]" : "[line " + line + ", cell " + cell + "]";
    assertTrue(p.toString().startsWith("test.txt: "), p::toString);
    assertTrue(p.toString().endsWith(" " + where), p::toString);
    return p;
  }

  private static SourceException strictFails(String... rows) {
    SourceFile file = table(rows);
    return assertThrows(
        SourceException.class,
        () -> TestSeeds.parse(file, TimelineParser.Mode.STRICT),
        "strict mode returns nothing for a bad file");
  }

  /** Reading the bytes fails before any parsing, with one problem. */
  private static SourceProblem assertFileError(byte[] bytes, String expected) {
    SourceException e =
        assertThrows(
            SourceException.class,
            () -> SourceFile.fromBytes("council-timeline.txt", "council-timeline.txt", bytes));
    assertEquals(1, e.problems().size(), e::getMessage);
    SourceProblem p = e.problems().get(0);
    assertEquals("council-timeline.txt", p.file());
    assertTrue(p.message().contains(expected), () -> "expected \"" + expected + "\" in " + p);
    return p;
  }

  private static SourceFile table(String... rows) {
    try {
      return TestSeeds.table(rows);
    } catch (SourceException e) {
      throw new AssertionError("the test table itself cannot be read: " + e.getMessage(), e);
    }
  }

  /** A line of the seed, verbatim. */
  private static String seed(int line) {
    try {
      return TestSeeds.seedLine(line);
    } catch (SourceException e) {
      throw new AssertionError("the seed cannot be read: " + e.getMessage(), e);
    }
  }

  private static Timeline parse(byte[] bytes) throws SourceException {
    return TestSeeds.parse(SourceFile.fromBytes("other.txt", "other.txt", bytes));
  }

  private static void assertSameReading(Timeline expected, Timeline actual) {
    assertEquals(expected.entries(), actual.entries());
    assertEquals(expected.counts(), actual.counts());
    assertEquals(expected.fiscalYears(), actual.fiscalYears());
    assertEquals(expected.rows(), actual.rows());
    assertEquals(expected.source().title(), actual.source().title());
  }

  private static List<String> locations(SourceException e) {
    return e.problems().stream().map(SourceProblem::location).toList();
  }

  /**
   * Nothing is dropped silently: every content line is in some entry, and every summary line in
   * some entry or count (the summary's heading dates the counts and is no entry of its own).
   */
  private static void assertNoLineDropped(Timeline t) {
    Set<Integer> inEntries = new TreeSet<>();
    t.entries().forEach(e -> inEntries.addAll(e.base().lines()));
    Set<Integer> inCounts = new TreeSet<>(inEntries);
    t.counts().forEach(c -> inCounts.addAll(c.lines()));
    Set<Integer> content = linesOf(t, SourceRow.Kind.CONTENT);
    content.removeAll(inEntries);
    assertEquals(Set.of(), content, "content lines no entry draws on");
    Set<Integer> summary = linesOf(t, SourceRow.Kind.SUMMARY);
    summary.removeAll(inCounts);
    assertEquals(Set.of(), summary, "summary lines no entry or count draws on");
  }

  private static Set<Integer> linesOf(Timeline t, SourceRow.Kind kind) {
    return t.rows().stream()
        .filter(r -> r.kind() == kind)
        .map(SourceRow::line)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
