package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.AgendaItem;
import org.w3id.tonet.model.DateBasis;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.FiscalYear;
import org.w3id.tonet.model.Person;
import org.w3id.tonet.model.Ref;
import org.w3id.tonet.model.ReportedMeetingCount;
import org.w3id.tonet.model.SourceRow;
import org.w3id.tonet.model.Timeline;
import org.w3id.tonet.model.When;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;

/**
 * Every quirk of the seed, read from the seed's own lines and from variants of them: another month,
 * full-width digits, every wave dash, CRLF line ends. Rows are placed under one header, so the i-th
 * row given stands on line i + 2 of the test file.
 */
class ParserQuirksTest {

  private static final String HEADER = "年度\t月 日\t実 施 内 容";

  /** Ways of writing the same table; each must read the same. */
  enum Variant {
    AS_WRITTEN {
      @Override
      String apply(String text) {
        return text;
      }
    },
    FULL_WIDTH_DIGITS {
      @Override
      String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
          out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
        }
        return out.toString();
      }
    },
    /** 〜 U+301C, the JIS wave dash, where the seed has ～ U+FF5E. */
    WAVE_DASH {
      @Override
      String apply(String text) {
        return text.replace('～', '〜');
      }
    },
    ASCII_TILDE {
      @Override
      String apply(String text) {
        return text.replace('～', '~');
      }
    },
    CRLF {
      @Override
      String apply(String text) {
        return text.replace("\n", "\r\n");
      }
    };

    /** The text as this variant writes it (labels too, so expectations follow the input). */
    abstract String apply(String text);
  }

  // ---- fiscal years and months -----------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Variant.class)
  void fiscalYearIsCarriedDownAndJanuaryToMarchFallInTheNextYear(Variant v) throws Exception {
    Timeline t = parse(v, seed(6), seed(7), seed(8), seed(14), seed(15));

    Entry adopted = only(t, 3, Entry.Milestone.class);
    assertEquals(When.on(day("2010-01-29"), DateBasis.AS_WRITTEN), adopted.base().when());
    assertEquals(2009, adopted.base().fiscalYear().startYear());

    Entry.Assembly second = only(t, 5, Entry.Assembly.class);
    assertEquals(day("2010-11-30"), second.base().when().start());
    assertEquals("平成22年度", second.base().fiscalYear().labelJa());

    // 平成22年度 2月15日 is 2011-02-15, not 2010-02-15.
    Entry.Assembly third = only(t, 6, Entry.Assembly.class);
    assertEquals(When.on(day("2011-02-15"), DateBasis.AS_WRITTEN), third.base().when());
    assertEquals(2010, third.base().fiscalYear().startYear());
  }

  static Stream<Arguments> monthsOfFiscalYear2010() {
    List<Arguments> cases = new ArrayList<>();
    for (Variant v : Variant.values()) {
      for (int month = 1; month <= 12; month++) {
        int year = month >= 4 ? 2010 : 2011;
        cases.add(arguments(v, month, LocalDate.of(year, month, 15)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("monthsOfFiscalYear2010")
  void everyMonthFallsInTheRightYear(Variant v, int month, LocalDate expected) throws Exception {
    Timeline t = parse(v, "平成22年度\t" + month + "月15日\t参加登録者5,000人を超える");

    Entry.RegistrantMilestone m = only(t, 2, Entry.RegistrantMilestone.class);
    assertEquals(When.on(expected, DateBasis.AS_WRITTEN), m.base().when());
    assertEquals(5000, m.threshold());
  }

  @ParameterizedTest
  @ValueSource(strings = {"令和元年度", "令和1年度", "令和１年度", "平成31年度", "平成３１年度", "令和 元 年度"})
  void reiwaGannenIsFiscal2019UnderBothNames(String written) throws Exception {
    String row69 = seed(69);
    Timeline t =
        parse(Variant.AS_WRITTEN, written + row69.substring(row69.indexOf('\t')), seed(70));

    FiscalYear fy2019 = new FiscalYear(2019, List.of("令和元年度", "平成31年度"));
    Entry.Assembly eighth = only(t, 2, Entry.Assembly.class);
    assertEquals(fy2019, eighth.base().fiscalYear());
    assertEquals(day("2019-07-30"), eighth.base().when().start());
    // 3月 of 令和元年度 is 2020.
    assertEquals(day("2020-03-31"), only(t, 3, Entry.Assembly.class).base().when().start());
    // Line 69's agenda is about 平成30年度 (FY2018); line 70's about 令和2年度.
    assertEquals(
        List.of(2018, 2019, 2020), t.fiscalYears().stream().map(FiscalYear::startYear).toList());
  }

  @Test
  void heisei31InAnAgendaIsTheSameYearAsReiwaGannen() throws Exception {
    // Line 68 plans 平成31年度; line 71 reports on 令和元年度: one fiscal year, both names.
    Timeline t = parse(Variant.AS_WRITTEN, seed(65), seed(68), seed(69), seed(71));

    FiscalYear planned = only(t, 3, Entry.Assembly.class).agenda().get(0).fiscalYears().get(0);
    FiscalYear reported = only(t, 5, Entry.Assembly.class).agenda().get(0).fiscalYears().get(0);
    assertEquals(planned, reported);
    assertEquals(List.of("令和元年度", "平成31年度"), planned.labelsJa());
    assertEquals(day("2019-03-27"), only(t, 3, Entry.Assembly.class).base().when().start());
  }

  // ---- shifted columns, repeated header, blank lines --------------------------------------

  @ParameterizedTest
  @EnumSource(Variant.class)
  void shiftedColumnsAreFoundByTheirShape(Variant v) throws Exception {
    // 16: fiscal year in cell 2, date in cell 3; 17: date in cell 3; 18: date in cell 1;
    // 25: fiscal year in cell 1, date in cell 3.
    Timeline t = parse(v, seed(16), seed(17), seed(18), seed(25));

    Entry.Assembly fourth = only(t, 2, Entry.Assembly.class);
    assertEquals(4, fourth.ordinal());
    assertEquals(When.on(day("2011-06-06"), DateBasis.AS_WRITTEN), fourth.base().when());
    assertEquals(2011, fourth.base().fiscalYear().startYear());

    Entry.Process selection = only(t, 3, Entry.Process.class);
    assertEquals("developer-selection", selection.slug());
    assertEquals(When.from(day("2011-07-19")), selection.base().when());

    Entry.Assembly fifth = only(t, 4, Entry.Assembly.class);
    assertEquals(When.on(day("2011-08-22"), DateBasis.AS_WRITTEN), fifth.base().when());
    assertEquals(2011, fifth.base().fiscalYear().startYear());

    Entry.Milestone trial = only(t, 5, Entry.Milestone.class);
    assertEquals(When.on(day("2012-04-01"), DateBasis.AS_WRITTEN), trial.base().when());
    assertEquals(2012, trial.base().fiscalYear().startYear());
  }

  static Stream<Arguments> shiftedRows() {
    return Stream.of(
        // The date in cell 4, three empty cells before it.
        arguments("\t\t\t7月19日～\t公募によるプロポーザル方式で開発業者を選定", When.from(day("2011-07-19"))),
        // The date in cell 1, in the second half of the fiscal year.
        arguments("2月22日\t\t第5回協議会総会の開催（契約の承認）", When.on(day("2012-02-22"), DateBasis.AS_WRITTEN)),
        arguments("１１月１５日\t\t第5回協議会総会の開催（契約の承認）", When.on(day("2011-11-15"), DateBasis.AS_WRITTEN)),
        // The date in cell 3 with a wave dash of the other kind.
        arguments("\t\t3月1日〜\t住民・患者の募集受付開始", When.from(day("2012-03-01"))),
        // A trailing empty cell, as the seed often has.
        arguments("\t\t7月19日~\t公募によるプロポーザル方式で開発業者を選定\t", When.from(day("2011-07-19"))));
  }

  @ParameterizedTest
  @MethodSource("shiftedRows")
  void shiftedDateCellAnywhereInTheRow(String row, When expected) throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(16), row);

    assertEquals(expected, onlyEntry(t, 3).base().when());
    assertEquals(2011, onlyEntry(t, 3).base().fiscalYear().startYear());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void headerRepeatsAndBlankLinesDoNotBreakTheFiscalYear(Variant v) throws Exception {
    String row30WithoutYear = seed(30).substring(seed(30).indexOf('\t'));
    Timeline t = parse(v, seed(25), seed(26), seed(27), "", seed(29), row30WithoutYear, seed(31));

    assertEquals(
        List.of(1, 6),
        t.rows().stream()
            .filter(r -> r.kind() == SourceRow.Kind.HEADER)
            .map(SourceRow::line)
            .toList());
    assertTrue(t.rows().stream().noneMatch(r -> r.line() == 5), "a blank line is no row");
    Entry.RegistrantMilestone registrants = only(t, 7, Entry.RegistrantMilestone.class);
    assertEquals(day("2012-08-20"), registrants.base().when().start());
    assertEquals(2012, registrants.base().fiscalYear().startYear());
    assertEquals(day("2012-10-19"), only(t, 8, Entry.Assembly.class).base().when().start());
  }

  @Test
  void theSeedsHeadersTitleAndBlankLinesAreRecognized() throws Exception {
    Timeline t = TestSeeds.parse(TestSeeds.seed());

    assertEquals("協議会の経過", t.source().title());
    assertEquals(List.of(5, 29, 64), linesOf(t, SourceRow.Kind.HEADER));
    assertEquals(List.of(3), linesOf(t, SourceRow.Kind.TITLE));
    assertEquals(List.of(82, 84, 85, 86, 87, 88), linesOf(t, SourceRow.Kind.SUMMARY));
    assertEquals(88, t.source().lineCount());
    // Every non-blank line is a row; the blank ones (1, 2, 4, 28, 63, 81, 83) are not.
    assertEquals(88 - 7, t.rows().size());
  }

  // ---- dates that are not written on the row ----------------------------------------------

  @ParameterizedTest
  @EnumSource(Variant.class)
  void sameRowTakesTheDayOfTheRowAbove(Variant v) throws Exception {
    Timeline t = parse(v, seed(8), seed(9));

    List<Entry> sections = at(t, 3);
    assertEquals(
        List.of("human-network-section", "it-network-section"),
        sections.stream().map(e -> ((Entry.Establishment) e).organizationSlug()).toList());
    for (Entry e : sections) {
      assertEquals(When.on(day("2010-07-20"), DateBasis.FROM_ROW_ABOVE), e.base().when());
    }
  }

  @ParameterizedTest
  @CsvSource({"7, 2010-07-20", "12, 2010-12-20", "1, 2011-01-20", "3, 2011-03-20"})
  void sameRowTakesTheDayAboveInAnyMonth(int month, LocalDate expected) throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(8).replace("7月20日", month + "月20日"), seed(9));

    for (Entry e : at(t, 3)) {
      assertEquals(When.on(expected, DateBasis.FROM_ROW_ABOVE), e.base().when());
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void rowWithoutDateOrSameIsUndatedWithinItsFiscalYear(Variant v) throws Exception {
    Timeline t = parse(v, seed(30), "\t\t参加登録者6,000人を超える");

    Entry.RegistrantMilestone undated = only(t, 3, Entry.RegistrantMilestone.class);
    assertEquals(When.between(day("2012-04-01"), day("2013-03-31")), undated.base().when());
    assertEquals(DateBasis.UNKNOWN, undated.base().when().basis());
    assertFalse(undated.base().when().isDated(), "never invent a date");
  }

  @Test
  void sameWithoutARowAboveIsNotGivenADay() throws Exception {
    // The row above is a header: there is no day to take, so the row stays undated.
    Timeline t = parse(Variant.AS_WRITTEN, "平成22年度\t\t同協議会に「ヒューマンネットワーク担当部会」を設置");

    Entry.Establishment e = only(t, 2, Entry.Establishment.class);
    assertEquals(When.between(day("2010-04-01"), day("2011-03-31")), e.base().when());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void numberedSeriesBoundsAnUndatedAssembly(Variant v) throws Exception {
    // Rows 21 (2/10) and 23 (3/17) stand between but do not narrow the bounds: the table is not
    // strictly in date order.
    Timeline t = parse(v, seed(16), seed(19), seed(20), seed(21), seed(23), seed(24));

    Entry.Assembly second = only(t, 4, Entry.Assembly.class);
    assertEquals(2, second.ordinal());
    assertEquals(Entry.AssemblyKind.EXTRAORDINARY, second.kind());
    assertEquals(When.between(day("2011-11-15"), day("2012-03-27")), second.base().when());
  }

  @Test
  void numberedSeriesBoundsDoNotDependOnRowOrder() throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(16), seed(24), seed(20), seed(19));

    assertEquals(
        When.between(day("2011-11-15"), day("2012-03-27")),
        only(t, 4, Entry.Assembly.class).base().when());
  }

  @Test
  void withoutALaterNumberTheFiscalYearEndBoundsIt() throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(16), seed(19), seed(20));

    assertEquals(
        When.between(day("2011-11-15"), day("2012-03-31")),
        only(t, 4, Entry.Assembly.class).base().when());
  }

  @Test
  void withoutAnEarlierNumberTheFiscalYearStartBoundsIt() throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(16), seed(20), seed(24));

    assertEquals(
        When.between(day("2011-04-01"), day("2012-03-27")),
        only(t, 3, Entry.Assembly.class).base().when());
  }

  @Test
  void anotherKindOfAssemblyDoesNotBound() throws Exception {
    // 第4回協議会総会 (a council assembly, 6/6) is numbered in another series than 第2回協議会臨時総会.
    Timeline t = parse(Variant.AS_WRITTEN, seed(16), seed(20));

    assertEquals(
        When.between(day("2011-04-01"), day("2012-03-31")),
        only(t, 3, Entry.Assembly.class).base().when());
  }

  // ---- several days, open starts, end dates ----------------------------------------------

  static Stream<Arguments> twoDayCells() {
    return Stream.of(
        arguments("8月5日、20日", day("2010-08-05"), day("2010-08-20")),
        arguments("８月５日、２０日", day("2010-08-05"), day("2010-08-20")),
        arguments("8月5日,20日", day("2010-08-05"), day("2010-08-20")),
        arguments("8月5日，20日", day("2010-08-05"), day("2010-08-20")),
        arguments("8月5日、9月2日", day("2010-08-05"), day("2010-09-02")),
        arguments("2月5日、20日", day("2011-02-05"), day("2011-02-20")));
  }

  @ParameterizedTest
  @MethodSource("twoDayCells")
  void twoDaysInOneCellAreTwoMeetings(String cell, LocalDate first, LocalDate second)
      throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(8), seed(10).replace("8月5日、20日", cell));

    List<Entry> meetings = at(t, 3);
    assertEquals(2, meetings.size());
    assertEquals(
        List.of(When.on(first, DateBasis.AS_WRITTEN), When.on(second, DateBasis.AS_WRITTEN)),
        meetings.stream().map(e -> e.base().when()).toList());
    for (Entry e : meetings) {
      Entry.Meeting m = assertInstanceOf(Entry.Meeting.class, e);
      assertEquals("joint-section-meeting", m.slug());
      assertEquals(List.of("human-network-section", "it-network-section"), m.organizers());
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void openStartIsASeriesThatBeganThen(Variant v) throws Exception {
    Timeline t = parse(v, seed(8), seed(12));

    Entry.MeetingSeries series = only(t, 3, Entry.MeetingSeries.class);
    assertEquals("liaison-council", series.name().slug());
    assertEquals(When.from(day("2010-08-05")), series.base().when());
    assertTrue(series.base().when().openEnded());
    // The bracket glosses the name; it is no agenda and no venue.
    assertEquals("圏域の行政担当課長会議", series.glossJa());
    assertEquals(v.apply("月1～2回程度必要に応じて"), series.frequencyJa());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void openStartOfAProcessInEitherHalfOfTheYear(Variant v) throws Exception {
    Timeline t = parse(v, seed(16), seed(17), seed(22));

    assertEquals(When.from(day("2011-07-19")), only(t, 3, Entry.Process.class).base().when());
    Entry.Process residents = only(t, 4, Entry.Process.class);
    assertEquals("resident-recruitment", residents.slug());
    assertEquals(When.from(day("2012-03-01")), residents.base().when());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void endDateInTheTextEndsTheFirstActivityOnly(Variant v) throws Exception {
    Timeline t = parse(v, seed(16), seed(21));

    List<Entry> activities = at(t, 3);
    assertEquals(2, activities.size());
    Entry.Process institutions = assertInstanceOf(Entry.Process.class, activities.get(0));
    assertEquals("institution-recruitment", institutions.slug());
    assertEquals(When.range(day("2012-02-10"), day("2012-03-15")), institutions.base().when());
    Entry.Process outreach = assertInstanceOf(Entry.Process.class, activities.get(1));
    assertEquals("resident-outreach", outreach.slug());
    assertEquals(When.from(day("2012-02-10")), outreach.base().when());
  }

  @ParameterizedTest
  @CsvSource({"～3月15日, 2012-03-15", "〜2月28日, 2012-02-28", "~３月１日, 2012-03-01"})
  void endDateInTheTextInAnyForm(String bracket, LocalDate end) throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(16), seed(21).replace("～3月15日", bracket.strip()));

    assertEquals(
        When.range(day("2012-02-10"), end), only(t, 3, Entry.Process.class, 0).base().when());
  }

  @Test
  void rangeInTheDateCellIsTheSameAsTheEndInTheText() throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(16), "2月10日～3月15日\t\t参加医療機関の募集受付開始");

    assertEquals(
        When.range(day("2012-02-10"), day("2012-03-15")),
        only(t, 3, Entry.Process.class).base().when());
  }

  // ---- brackets -----------------------------------------------------------------------------

  static Stream<Arguments> agendas() {
    List<Arguments> cases = new ArrayList<>();
    Object[][] lines = {
      // A single ・ joins a pair: one item.
      {14, "システムの方向性の確認・決定"},
      {18, "契約の承認 | 協議会の権利能力なき社団への移行等"},
      // Here ・ separates: three or more parts.
      {19, "システムの運用 | 費用負担 | 愛称等 | 県立病院の参加"},
      {20, "追加契約 | 費用負担 | 事務局運営 | システム運用 | 参加募集"},
      // 、 separates, and 普及・啓発 stays whole.
      {31, "普及・啓発 | 第2期募集 | シンポジウム | 個人情報保護方針"},
      {41, "普及・啓発 | シンポジウムなど"},
      // [新] and 「」 are text, not groups.
      {37, "[新]埼玉県救急医療情報システムと「とねっと」の接続等"},
      {46, "監事の選任について | 平成26年度地域医療ネットワークシンポジウムについて"},
      // 、 inside one item (an agenda unit of the folder's phrases.tsv).
      {60, "歯科医療機関、調剤薬局の協議会等への協議会委員としての参画等について"},
      // The bracket after the ※ note is the agenda.
      {70, "令和2年度事業計画及び収支予算等について"},
      // Nested （案）, then two groups.
      {77, "令和5年度以降の「とねっと」システムのあり方（案）について"},
      {78, "2市1町の枠組みによる令和5年度以降の「とねっと」システムのあり方（案）等について | 令和5年度事業計画及び収支予算（案）について"},
      // The joint-meeting bracket is not an item.
      {79, "令和4年度事業報告及び収支決算等について"},
      {80, "埼玉利根保健医療圏医療連携推進協議会の解散（案）について | 「とねっと」事業の終了に伴う財産処分及び残余財産の帰属（案）について"},
      // The <ul> list is not an item.
      {11, "今後の議論の方向性等"},
    };
    for (Variant v : Variant.values()) {
      for (Object[] line : lines) {
        cases.add(arguments(v, line[0], line[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} line {1}")
  @MethodSource("agendas")
  void agendaItemsAsWritten(Variant v, int seedLine, String expected) throws Exception {
    List<String> rows = inContext(seedLine);
    Timeline t = parse(v, rows.toArray(String[]::new));

    Entry entry = onlyEntryWithAgenda(t, rows.size() + 1);
    assertEquals(
        v.apply(expected),
        entry.agenda().stream().map(AgendaItem::labelJa).collect(Collectors.joining(" | ")));
    for (int i = 0; i < entry.agenda().size(); i++) {
      assertEquals(i + 1, entry.agenda().get(i).position());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "確認・決定 | 確認・決定",
        "普及・啓発 | 普及・啓発",
        "運用・費用負担・愛称等 | 運用 / 費用負担 / 愛称等",
        "普及・啓発、契約 | 普及・啓発 / 契約",
        "普及・啓発、契約・予算・規程 | 普及・啓発 / 契約・予算・規程",
        "「A・B・C」の件 | 「A・B・C」の件",
        "契約、 予算 | 契約 / 予算",
      })
  void middleDotSeparatesOnlyThreeOrMoreParts(String group, String expected) throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, "平成22年度\t11月30日\t第2回協議会総会の開催（" + group.strip() + "）");

    assertEquals(
        expected.strip(),
        only(t, 2, Entry.Assembly.class).agenda().stream()
            .map(AgendaItem::labelJa)
            .collect(Collectors.joining(" / ")));
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void draftMarkIsKeptInTheItemAndFlagged(Variant v) throws Exception {
    Timeline t = parse(v, seed(76), seed(77), seed(78), seed(79), seed(80), seed(14));

    assertEquals(List.of(true), drafts(only(t, 3, Entry.Assembly.class)));
    assertEquals(List.of(true, true), drafts(only(t, 4, Entry.Assembly.class)));
    assertEquals(List.of(false), drafts(only(t, 5, Entry.Assembly.class)));
    assertEquals(List.of(true, true), drafts(only(t, 6, Entry.Assembly.class)));
    assertEquals(List.of(false), drafts(only(t, 7, Entry.Assembly.class)));
  }

  @Test
  void draftMarkInAsciiBrackets() throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, "令和4年度\t1月24日\t第22回協議会臨時総会の開催（システムのあり方(案)について）");

    AgendaItem item = only(t, 2, Entry.Assembly.class).agenda().get(0);
    assertEquals("システムのあり方(案)について", item.labelJa());
    assertTrue(item.draft());
  }

  static Stream<Arguments> symposia() {
    List<Arguments> cases = new ArrayList<>();
    Object[][] lines = {
      {23, "2012-03-17", "pastoral-kazo", 230, true},
      {33, "2013-03-23", "kuki-general-culture-hall", 280, true},
      {51, "2016-03-05", "gyoda-culture-center-mirai", 225, false},
      // The venue holds 「」 inside the bracket; the next one a space.
      {55, "2017-02-25", "hasuda-hastopia", 167, false},
      {67, "2019-03-02", "nit-gakuyu-kaikan", 131, false},
    };
    for (Variant v : Variant.values()) {
      for (Object[] line : lines) {
        cases.add(arguments(v, line[0], day((String) line[1]), line[2], line[3], line[4]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} line {1}")
  @MethodSource("symposia")
  void symposiumBracketIsItsVenueAndTheCountItsAttendance(
      Variant v, int seedLine, LocalDate held, String venue, int attendance, boolean approximate)
      throws Exception {
    List<String> rows = inContext(seedLine);
    Timeline t = parse(v, rows.toArray(String[]::new));

    Entry.Symposium s = only(t, rows.size() + 1, Entry.Symposium.class);
    assertEquals(When.on(held, DateBasis.AS_WRITTEN), s.base().when());
    assertEquals(venue, s.venue().slug());
    assertEquals(attendance, s.attendance());
    assertEquals(approximate, s.approximate());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "（パストラルかぞ） 約230人参加 | 230 | true",
        "（パストラルかぞ） 225人参加 | 225 | false",
        "（パストラルかぞ） 約２３０人参加 | 230 | true",
        "（パストラルかぞ） ２０２人参加 | 202 | false",
        "(パストラルかぞ) 1,230人参加 | 1230 | false",
        "（パストラルかぞ）　約１，２３０人参加 | 1230 | true",
        "（パストラルかぞ）約230人参加 | 230 | true",
      })
  void attendanceInEveryWriting(String written, int attendance, boolean approximate)
      throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, "平成23年度\t3月17日\t地域医療ネットワークシンポジウムの開催" + written.strip());

    Entry.Symposium s = only(t, 2, Entry.Symposium.class);
    assertEquals("pastoral-kazo", s.venue().slug());
    assertEquals(attendance, s.attendance());
    assertEquals(approximate, s.approximate());
    assertEquals(day("2012-03-17"), s.base().when().start());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void jointMeetingBracketSaysHowTheMeetingWasHeld(Variant v) throws Exception {
    Timeline t = parse(v, seed(79), seed(80));

    List<String> sections = List.of("human-network-section", "it-network-section");
    Entry.Assembly ordinary = only(t, 2, Entry.Assembly.class);
    assertEquals(Entry.AssemblyKind.ORDINARY, ordinary.kind());
    assertEquals(12, ordinary.ordinal());
    assertEquals(sections, ordinary.jointWith());
    assertEquals(1, ordinary.agenda().size());

    Entry.Assembly last = only(t, 3, Entry.Assembly.class);
    assertEquals(sections, last.jointWith());
    assertEquals(day("2024-03-26"), last.base().when().start());
    // The dissolution is a proposal on the agenda, not an event.
    assertEquals(Ref.dissolutionOf("council"), last.agenda().get(0).concerns().get(0));
    assertEquals(2, t.entries().size());
  }

  static Stream<Arguments> firstAssemblies() {
    return Stream.of(
        arguments(Variant.AS_WRITTEN, seed(8)),
        arguments(Variant.FULL_WIDTH_DIGITS, seed(8)),
        arguments(Variant.CRLF, seed(8)),
        arguments(Variant.AS_WRITTEN, seed(8).replace("（第1回）", "(第1回)")),
        arguments(Variant.AS_WRITTEN, seed(8).replace("7月20日", "1月20日")));
  }

  @ParameterizedTest
  @MethodSource("firstAssemblies")
  void ordinalBracketNumbersTheFirstAssembly(Variant v, String row) throws Exception {
    Timeline t = parse(v, row);

    List<Entry> made = at(t, 2);
    assertEquals(2, made.size());
    Entry.Establishment established = assertInstanceOf(Entry.Establishment.class, made.get(0));
    assertEquals("council", established.organizationSlug());
    Entry.Assembly first = assertInstanceOf(Entry.Assembly.class, made.get(1));
    assertEquals(Entry.AssemblyKind.COUNCIL, first.kind());
    assertEquals(1, first.ordinal());
    assertTrue(first.agenda().isEmpty(), "（第1回） is an ordinal, not an agenda item");
    assertEquals(established.base().when(), first.base().when());
    assertTrue(first.base().when().isDated());
  }

  // ---- markup, counts, notes, written votes --------------------------------------------

  static Stream<Arguments> lecturerLists() {
    String tanaka = "国のIT医療政策の第一人者 東京医科歯科大学大学院 田中教授";
    String kajii = "国の地域医療再生計画に係る有識者会議委員長 自治医科大学 梶井教授";
    String head = "\t9月10日\t外部講師を招いての意見交換（今後の議論の方向性等） ";
    return Stream.of(
        arguments(seed(11)),
        arguments(head + "<ul>・" + tanaka + " ・" + kajii + "</ul>"),
        arguments(
            head + "<UL STYLE=\"list-style-type: none\"> ・" + tanaka + " ・" + kajii + " </UL>"),
        arguments(head + "<ul><li>" + tanaka + "</li><li>" + kajii + "</li></ul>"),
        arguments(head + "<ul>\u3000・" + tanaka + "\u3000・" + kajii + "</ul>"));
  }

  @ParameterizedTest
  @MethodSource("lecturerLists")
  void markupIsStrippedAndItsBulletsAreLecturers(String row) throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(8), row);

    Entry.Meeting m = only(t, 3, Entry.Meeting.class);
    assertEquals("exchange-of-views", m.slug());
    assertEquals(List.of("今後の議論の方向性等"), m.agenda().stream().map(AgendaItem::labelJa).toList());
    assertEquals(
        List.of(
            new Person(
                "tanaka", "田中教授", "Professor Tanaka", "国のIT医療政策の第一人者", "tmdu-graduate-school"),
            new Person(
                "kajii",
                "梶井教授",
                "Professor Kajii",
                "国の地域医療再生計画に係る有識者会議委員長",
                "jichi-medical-university")),
        m.lecturers());
    assertFalse(m.base().labelJa().contains("<"), m.base().labelJa());
    assertEquals(When.on(day("2010-09-10"), DateBasis.AS_WRITTEN), m.base().when());
  }

  static Stream<Arguments> registrantCounts() {
    List<Arguments> cases = new ArrayList<>();
    Object[][] lines = {
      {30, 5000}, {34, 10000}, {40, 15000}, {44, 20000}, {59, 30000}, {73, 35000}
    };
    for (Variant v : Variant.values()) {
      for (Object[] line : lines) {
        cases.add(arguments(v, line[0], line[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} line {1}")
  @MethodSource("registrantCounts")
  void countsWithThousandsSeparators(Variant v, int seedLine, int threshold) throws Exception {
    List<String> rows = inContext(seedLine);
    Timeline t = parse(v, rows.toArray(String[]::new));

    assertEquals(threshold, only(t, rows.size() + 1, Entry.RegistrantMilestone.class).threshold());
  }

  @ParameterizedTest
  @ValueSource(strings = {"5,000", "5000", "５，０００", "５０００", "５,０００"})
  void registrantCountInEveryWriting(String written) throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, "平成24年度\t8月20日\t参加登録者" + written + "人を超える");

    assertEquals(5000, only(t, 2, Entry.RegistrantMilestone.class).threshold());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void institutionCountMilestone(Variant v) throws Exception {
    Timeline t = parse(v, seed(36), seed(38));

    Entry.InstitutionCountMilestone m = only(t, 3, Entry.InstitutionCountMilestone.class);
    assertEquals(119, m.count());
    assertEquals("saitama-cancer-center", m.joinedSlug());
    assertEquals(day("2013-08-30"), m.base().when().start());
  }

  static Stream<Arguments> legalFormNotes() {
    return Stream.of(
        arguments(Variant.AS_WRITTEN, "8月22日", day("2011-08-22")),
        arguments(Variant.FULL_WIDTH_DIGITS, "8月22日", day("2011-08-22")),
        arguments(Variant.CRLF, "8月22日", day("2011-08-22")),
        arguments(Variant.AS_WRITTEN, "12月1日", day("2011-12-01")),
        arguments(Variant.AS_WRITTEN, "2月22日", day("2012-02-22")));
  }

  @ParameterizedTest
  @MethodSource("legalFormNotes")
  void noteAfterKomeIsKeptAndDatesTheLegalFormChange(Variant v, String noteDay, LocalDate changed)
      throws Exception {
    Timeline t = parse(v, seed(16), seed(19).replace("※8月22日", "※" + noteDay));

    List<Entry> made = at(t, 3);
    assertEquals(2, made.size());
    Entry.Assembly first = assertInstanceOf(Entry.Assembly.class, made.get(0));
    assertEquals(List.of(v.apply(noteDay + "から協議会を権利能力なき社団として運営")), first.base().notesJa());
    assertEquals(4, first.agenda().size(), "the note is not part of the agenda");
    Entry.LegalFormChange change = assertInstanceOf(Entry.LegalFormChange.class, made.get(1));
    assertEquals("council", change.organizationSlug());
    assertEquals("権利能力なき社団", change.legalFormJa());
    assertEquals(When.on(changed, DateBasis.AS_WRITTEN), change.base().when());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void writtenVoteMarksAnAssemblyHeldInWriting(Variant v) throws Exception {
    Timeline t = parse(v, seed(69), seed(70), seed(71), seed(72), seed(73), seed(75));

    Entry.Assembly nineteenth = only(t, 3, Entry.Assembly.class);
    assertEquals(19, nineteenth.ordinal());
    assertTrue(nineteenth.heldInWriting());
    assertEquals(List.of("書面表決"), nineteenth.base().notesJa());
    assertEquals(When.on(day("2020-03-31"), DateBasis.AS_WRITTEN), nineteenth.base().when());
    Entry.Assembly twentieth = only(t, 5, Entry.Assembly.class);
    assertTrue(twentieth.heldInWriting());
    assertEquals(day("2021-03-31"), twentieth.base().when().start());
    Entry.Assembly twentyFirst = only(t, 7, Entry.Assembly.class);
    assertFalse(twentyFirst.heldInWriting());
    assertEquals(List.of(), twentyFirst.base().notesJa());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void writtenResolutionWithoutANumberIsNoAssembly(Variant v) throws Exception {
    Timeline t = parse(v, seed(44), seed(46), seed(47));

    Entry.WrittenResolution w = only(t, 3, Entry.WrittenResolution.class);
    assertEquals(When.on(day("2014-11-26"), DateBasis.AS_WRITTEN), w.base().when());
    // Its second item names the one symposium of FY2014, which is on line 4.
    assertEquals(List.of(Ref.symposium(day("2015-03-07"))), w.agenda().get(1).concerns());
  }

  // ---- the closing summary ----------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Variant.class)
  void closingSummaryCountsAsOfItsDay(Variant v) throws Exception {
    List<String> rows = new ArrayList<>(List.of(seed(79)));
    for (int n = 81; n <= 88; n++) {
      rows.add(seed(n));
    }
    Timeline t = parse(v, rows.toArray(String[]::new));

    // The seed's lines 81..88 stand on lines 3..10 here.
    assertEquals(
        List.of(
            "41 協議会 (" + v.apply("通常総会・臨時総会") + ") general-assemblies [4, 6]",
            "69 作業部会 (ヒューマン、ITネットワーク担当部会) section-meetings [4, 7]",
            "115 システムワーキンググループ () system-working-group-meetings [4, 8]",
            "119 行政連絡会議 ("
                + v.apply("7市2町の担当者課長、部長、副市(町)長、市(町)長等")
                + ") administrative-liaison-meetings [4, 9]",
            "46 医師会等説明 () medical-association-briefings [4, 10]",
            "10 救急担当課長等会議 () emergency-care-manager-meetings [4, 10]",
            "9 臨床検査施設会議 () clinical-laboratory-meetings [4, 10]",
            "3 歯科医師会説明会 () dental-association-briefings [4, 10]",
            "2 薬剤師会説明会 () pharmacist-association-briefings [4, 10]"),
        t.counts().stream().map(ParserQuirksTest::describe).toList());
    for (ReportedMeetingCount c : t.counts()) {
      assertEquals(day("2024-03-31"), c.asOf());
    }
  }

  static Stream<Arguments> summaryWritings() {
    return Stream.of(
        arguments("※ 会議等の開催状況(令和6年3月31日現在)", "- ・ 協議会(通常総会・臨時総会) 41回", day("2024-03-31"), 41),
        arguments("※ 会議等の開催状況（令和６年３月３１日現在）", "- ・ 協議会（通常総会・臨時総会） ４１回", day("2024-03-31"), 41),
        arguments("※会議等の開催状況(令和5年3月31日現在)", "・ 協議会(通常総会・臨時総会) 39回", day("2023-03-31"), 39),
        arguments("※ 会議等の開催状況(令和元年5月1日現在)", "- ・ 医師会等説明（４６回）", day("2019-05-01"), 46),
        arguments("※ 会議等の開催状況(平成31年4月30日現在)", "－ ・ 協議会 1,041回", day("2019-04-30"), 1041));
  }

  @ParameterizedTest
  @MethodSource("summaryWritings")
  void closingSummaryInOtherWritings(String heading, String countLine, LocalDate asOf, int count)
      throws Exception {
    Timeline t = parse(Variant.AS_WRITTEN, seed(79), "", heading, "", countLine);

    assertEquals(1, t.counts().size());
    ReportedMeetingCount c = t.counts().get(0);
    assertEquals(asOf, c.asOf());
    assertEquals(count, c.count());
    assertEquals(List.of(4, 6), c.lines());
  }

  // ---- the whole seed, rewritten ------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Variant.class)
  void theWholeSeedReadsTheSameInEveryVariant(Variant v) throws Exception {
    String seed = Files.readString(TestSeeds.SEED, StandardCharsets.UTF_8);
    Timeline asWritten = TestSeeds.parse(TestSeeds.seed());
    Timeline variant = TestSeeds.parse(TestSeeds.text("variant.txt", v.apply(seed)));

    assertEquals(shape(asWritten), shape(variant));
    if (v == Variant.CRLF) {
      // Line ends change nothing that was read.
      assertEquals(asWritten.entries(), variant.entries());
      assertEquals(asWritten.counts(), variant.counts());
      assertEquals(asWritten.rows(), variant.rows());
    }
  }

  @Test
  void theWholeSeedWithOldMacLineEndsReadsTheSame() throws Exception {
    String seed = Files.readString(TestSeeds.SEED, StandardCharsets.UTF_8);
    Timeline cr = TestSeeds.parse(TestSeeds.text("cr.txt", seed.replace('\n', '\r')));

    assertEquals(TestSeeds.parse(TestSeeds.seed()).entries(), cr.entries());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Timeline parse(Variant v, String... rows) throws SourceException {
    String text = HEADER + "\n" + String.join("\n", rows) + "\n";
    SourceFile file = TestSeeds.text("test.txt", v.apply(text));
    return TestSeeds.parse(file);
  }

  private static String seed(int line) {
    try {
      return TestSeeds.seedLine(line);
    } catch (SourceException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A seed line with the nearest line above it that gives a fiscal year, so it reads as in the
   * seed; the line itself comes last.
   */
  private static List<String> inContext(int line) throws SourceException {
    SourceFile seed = TestSeeds.seed();
    for (int n = line; n >= 1; n--) {
      boolean givesYear =
          seed.line(n).cells().stream().anyMatch(c -> JapaneseEras.looksLikeFiscalYear(c));
      if (givesYear) {
        return n == line ? List.of(seed(line)) : List.of(seed(n), seed(line));
      }
    }
    throw new IllegalArgumentException("no fiscal year above line " + line);
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<Entry> at(Timeline t, int line) {
    return t.entries().stream().filter(e -> e.base().lines().get(0) == line).toList();
  }

  private static Entry onlyEntry(Timeline t, int line) {
    List<Entry> found = at(t, line);
    assertEquals(1, found.size(), () -> "entries of line " + line + ": " + found);
    return found.get(0);
  }

  private static <T extends Entry> T only(Timeline t, int line, Class<T> kind) {
    return assertInstanceOf(kind, onlyEntry(t, line), () -> "line " + line);
  }

  private static <T extends Entry> T only(Timeline t, int line, Class<T> kind, int index) {
    return assertInstanceOf(kind, at(t, line).get(index), () -> "line " + line);
  }

  private static Entry onlyEntryWithAgenda(Timeline t, int line) {
    List<Entry> found = at(t, line).stream().filter(e -> !e.agenda().isEmpty()).toList();
    assertEquals(
        1, found.size(), () -> "entries with an agenda on line " + line + ": " + at(t, line));
    return found.get(0);
  }

  private static List<Boolean> drafts(Entry e) {
    return e.agenda().stream().map(AgendaItem::draft).toList();
  }

  private static List<Integer> linesOf(Timeline t, SourceRow.Kind kind) {
    return t.rows().stream().filter(r -> r.kind() == kind).map(SourceRow::line).toList();
  }

  private static String describe(ReportedMeetingCount c) {
    return "%d %s (%s) %s %s"
        .formatted(c.count(), c.labelJa(), c.glossJa(), c.seriesSlug(), c.lines());
  }

  /** What must not change when only the writing of the file changes: kinds, lines, dates, years. */
  private static List<String> shape(Timeline t) {
    List<String> shape = new ArrayList<>();
    for (Entry e : t.entries()) {
      shape.add(
          "%s %s %s FY%s agenda=%d partOf=%s"
              .formatted(
                  e.getClass().getSimpleName(),
                  e.base().lines(),
                  e.base().when(),
                  e.base().fiscalYear() == null ? "-" : e.base().fiscalYear().startYear(),
                  e.agenda().size(),
                  e.base().partOf()));
    }
    for (ReportedMeetingCount c : t.counts()) {
      shape.add("%d %s %s %s".formatted(c.count(), c.asOf(), c.seriesSlug(), c.lines()));
    }
    t.fiscalYears().forEach(fy -> shape.add(fy.toString()));
    return shape;
  }
}
