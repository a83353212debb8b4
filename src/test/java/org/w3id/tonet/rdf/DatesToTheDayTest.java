package org.w3id.tonet.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;

/**
 * Every date the seed table states, right to the day.
 *
 * <p>The table below was computed by hand from seeds/council-timeline.txt and docs (DESIGN.md),
 * without reading the parser: 年度 runs April–March (January–March belong to the next calendar year),
 * a fiscal-year cell is inherited by later rows, the date may sit in the 1st, 3rd or 4th cell, a
 * row beginning with 同 takes the date of the row above, "8月5日、20日" is two days, "～" after a date is
 * an open start, "（～3月15日）" is an end, and the ※ note of line 19 dates another event. It is an
 * independent reading: if the output disagrees, the output is wrong until the seed says otherwise.
 */
class DatesToTheDayTest {

  private static final String PREFIXES =
      """
      PREFIX prov:   <http://www.w3.org/ns/prov#>
      PREFIX tonet:  <https://w3id.org/tonet/ontology#>
      PREFIX schema: <http://schema.org/>
      PREFIX time:   <http://www.w3.org/2006/time#>
      PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
      """;

  /**
   * One content line of the seed, read by hand.
   *
   * @param line 1-based line number in the seed
   * @param fiscalYear the Gregorian year in which the line's 年度 begins (April 1)
   * @param what a short note of what the line records (for the test's name)
   * @param starts every distinct start day of the things the line records
   * @param ends every distinct end day the line states
   */
  record Row(int line, int fiscalYear, String what, Set<String> starts, Set<String> ends) {
    @Override
    public String toString() {
      return "line "
          + line
          + " (FY"
          + fiscalYear
          + ", "
          + what
          + "): "
          + (starts.isEmpty() ? "undated" : String.join(" ", starts))
          + (ends.isEmpty() ? "" : " ends " + String.join(" ", ends));
    }
  }

  private static Row row(int line, int fy, String what, String... starts) {
    return new Row(line, fy, what, new TreeSet<>(List.of(starts)), new TreeSet<>());
  }

  private static Row rowWithEnd(int line, int fy, String what, String end, String... starts) {
    return new Row(line, fy, what, new TreeSet<>(List.of(starts)), new TreeSet<>(Set.of(end)));
  }

  /** The hand-computed table: every content line (6–27, 30–62, 65–80). */
  static final List<Row> TABLE =
      List.of(
          // 平成21年度 = FY2009 (2009-04-01 .. 2010-03-31)
          row(6, 2009, "県が再生計画を国に提出 11月6日", "2009-11-06"),
          row(7, 2009, "国が再生計画を採用 1月29日", "2010-01-29"),
          // 平成22年度 = FY2010
          row(8, 2010, "協議会設置・協議会（第1回） 7月20日", "2010-07-20"),
          row(9, 2010, "同協議会に両部会を設置 (date of line 8)", "2010-07-20"),
          row(10, 2010, "合同部会 8月5日、20日", "2010-08-05", "2010-08-20"),
          row(11, 2010, "外部講師との意見交換 9月10日", "2010-09-10"),
          row(12, 2010, "利根地域医療連携連絡協議会 8月5日～", "2010-08-05"),
          row(13, 2010, "システムWG設置 10月21日", "2010-10-21"),
          row(14, 2010, "第2回協議会総会 11月30日", "2010-11-30"),
          row(15, 2010, "第3回協議会総会 2月15日", "2011-02-15"),
          // 平成23年度 = FY2011 (fiscal year in the 2nd cell, date in the 3rd)
          row(16, 2011, "第4回協議会総会 6月6日 (shifted)", "2011-06-06"),
          row(17, 2011, "開発業者の選定 7月19日～ (date in 3rd cell)", "2011-07-19"),
          row(18, 2011, "第5回協議会総会 8月22日 (date in 1st cell)", "2011-08-22"),
          row(19, 2011, "第1回協議会臨時総会 11月15日 + ※8月22日から権利能力なき社団", "2011-08-22", "2011-11-15"),
          row(20, 2011, "第2回協議会臨時総会 (no date)"),
          rowWithEnd(21, 2011, "参加医療機関の募集 2月10日～（～3月15日）", "2012-03-15", "2012-02-10"),
          row(22, 2011, "住民・患者の募集 3月1日～", "2012-03-01"),
          row(23, 2011, "シンポジウム（パストラルかぞ） 3月17日", "2012-03-17"),
          row(24, 2011, "第3回協議会臨時総会 3月27日", "2012-03-27"),
          // 平成24年度 = FY2012 (line 25: date in the 3rd cell)
          row(25, 2012, "システムの試験運用開始 4月1日 (date in 3rd cell)", "2012-04-01"),
          row(26, 2012, "第1期通常総会 6月26日", "2012-06-26"),
          row(27, 2012, "本格稼働・オープニングセレモニー 7月1日～", "2012-07-01"),
          row(30, 2012, "参加登録者5,000人 8月20日", "2012-08-20"),
          row(31, 2012, "第4回臨時総会 10月19日", "2012-10-19"),
          row(32, 2012, "第5回臨時総会 1月29日", "2013-01-29"),
          row(33, 2012, "シンポジウム（久喜総合文化会館） 3月23日", "2013-03-23"),
          row(34, 2012, "参加登録者10,000人 3月25日", "2013-03-25"),
          row(35, 2012, "第6回臨時総会 3月29日", "2013-03-29"),
          // 平成25年度 = FY2013
          row(36, 2013, "第2期通常総会 6月21日", "2013-06-21"),
          row(37, 2013, "第7回臨時総会 8月27日", "2013-08-27"),
          row(38, 2013, "県立がんセンター参加、119 8月30日", "2013-08-30"),
          row(39, 2013, "第8回臨時総会 11月12日", "2013-11-12"),
          row(40, 2013, "参加登録者15,000人 12月18日", "2013-12-18"),
          row(41, 2013, "第9回臨時総会 1月14日", "2014-01-14"),
          row(42, 2013, "シンポジウム（幸手市北公民館） 3月8日", "2014-03-08"),
          row(43, 2013, "第10回臨時総会 3月17日", "2014-03-17"),
          // 平成26年度 = FY2014
          row(44, 2014, "参加登録者20,000人 5月30日", "2014-05-30"),
          row(45, 2014, "第3期通常総会 6月17日", "2014-06-17"),
          row(46, 2014, "協議会総会の書面表決 11月26日", "2014-11-26"),
          row(47, 2014, "シンポジウム（羽生市産業文化会館） 3月7日", "2015-03-07"),
          row(48, 2014, "第11回臨時総会 3月17日", "2015-03-17"),
          // 平成27年度 = FY2015
          row(49, 2015, "参加登録者25,000人 6月18日", "2015-06-18"),
          row(50, 2015, "第4期通常総会 7月30日", "2015-07-30"),
          row(51, 2015, "シンポジウム（行田市文化センターみらい） 3月5日", "2016-03-05"),
          row(52, 2015, "第12回臨時総会 3月15日", "2016-03-15"),
          // 平成28年度 = FY2016
          row(53, 2016, "第5期通常総会 7月25日", "2016-07-25"),
          row(54, 2016, "第13回臨時総会 1月31日", "2017-01-31"),
          row(55, 2016, "シンポジウム（ハストピア） 2月25日", "2017-02-25"),
          row(56, 2016, "第14回臨時総会 3月28日", "2017-03-28"),
          // 平成29年度 = FY2017
          row(57, 2017, "第15回臨時総会 6月13日", "2017-06-13"),
          row(58, 2017, "第6期通常総会 8月1日", "2017-08-01"),
          row(59, 2017, "参加登録者30,000人 11月10日", "2017-11-10"),
          row(60, 2017, "第16回臨時総会 1月30日", "2018-01-30"),
          row(61, 2017, "シンポジウム（杉戸町生涯学習センター） 2月24日", "2018-02-24"),
          row(62, 2017, "第17回臨時総会 3月20日", "2018-03-20"),
          // 平成30年度 = FY2018
          row(65, 2018, "新システムの運用開始 4月1日", "2018-04-01"),
          row(66, 2018, "第7期通常総会 7月31日", "2018-07-31"),
          row(67, 2018, "シンポジウム（日本工業大学「学友会館」） 3月2日", "2019-03-02"),
          row(68, 2018, "第18回臨時総会 3月27日", "2019-03-27"),
          // 令和元年度 = 平成31年度 = FY2019 (2019-04-01 .. 2020-03-31)
          row(69, 2019, "第8期通常総会 7月30日", "2019-07-30"),
          row(70, 2019, "第19回臨時総会（書面表決） 3月31日", "2020-03-31"),
          // 令和2年度 = FY2020
          row(71, 2020, "第9期通常総会 10月14日", "2020-10-14"),
          row(72, 2020, "第20回臨時総会（書面表決） 3月31日", "2021-03-31"),
          // 令和3年度 = FY2021
          row(73, 2021, "参加登録者35,000人 10月19日", "2021-10-19"),
          row(74, 2021, "第10期通常総会 12月22日", "2021-12-22"),
          row(75, 2021, "第21回臨時総会 3月29日", "2022-03-29"),
          // 令和4年度 = FY2022
          row(76, 2022, "第11期通常総会 9月7日", "2022-09-07"),
          row(77, 2022, "第22回臨時総会 1月24日", "2023-01-24"),
          row(78, 2022, "第23回臨時総会 3月28日", "2023-03-28"),
          // 令和5年度 = FY2023
          row(79, 2023, "第12期通常総会 10月17日", "2023-10-17"),
          row(80, 2023, "第24回臨時総会 3月26日", "2024-03-26"));

  static Stream<Row> table() {
    return TABLE.stream();
  }

  /** The table's lines whose things happened January–March (the next calendar year). */
  static Stream<Row> januaryToMarchRows() {
    return TABLE.stream()
        .filter(
            r ->
                !r.starts().isEmpty()
                    && r.starts().stream().allMatch(d -> LocalDate.parse(d).getMonthValue() <= 3));
  }

  // ---------------------------------------------------------------- the table itself

  @Test
  void theTableCoversEveryContentLineOnce() {
    List<Integer> expected = new ArrayList<>();
    IntStream.rangeClosed(6, 27).forEach(expected::add);
    IntStream.rangeClosed(30, 62).forEach(expected::add);
    IntStream.rangeClosed(65, 80).forEach(expected::add);
    assertEquals(expected, TABLE.stream().map(Row::line).toList());
  }

  // ---------------------------------------------------------------- per line

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void startDatesOfTheLine(Row row) throws Exception {
    assertEquals(
        row.starts(),
        dates(row.line(), "schema:startDate"),
        "distinct schema:startDate of the resources derived from line " + row.line());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void endDatesOfTheLine(Row row) throws Exception {
    assertEquals(
        row.ends(),
        dates(row.line(), "schema:endDate"),
        "distinct schema:endDate of the resources derived from line " + row.line());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void everyDatedThingOfTheLineIsInTheLinesFiscalYear(Row row) throws Exception {
    String expectedBegin = row.fiscalYear() + "-04-01";
    String expectedEnd = (row.fiscalYear() + 1) + "-03-31";
    List<QuerySolution> rows =
        select(
            """
            SELECT ?r ?d ?fy ?b ?e ?series WHERE {
              ?r prov:wasInfluencedBy ?src . ?src tonet:lineNumber ?n . FILTER(?n = %d)
              ?r schema:startDate ?d .
              BIND (EXISTS { ?r a tonet:MeetingSeries } AS ?series)
              OPTIONAL { ?r tonet:fiscalYear ?fy .
                         OPTIONAL { ?fy time:hasBeginning/time:inXSDDate ?b }
                         OPTIONAL { ?fy time:hasEnd/time:inXSDDate ?e } }
            }"""
                .formatted(row.line()));
    assertEquals(
        !row.starts().isEmpty(), !rows.isEmpty(), "line " + row.line() + " has dated things");
    for (QuerySolution s : rows) {
      String what = s.get("r") + " (line " + row.line() + ", " + lex(s.get("d")) + ")";
      if (s.getLiteral("series").getBoolean()) {
        // A series spans years: the fiscal year of the row that names it is not its own.
        assertFalse(s.contains("fy"), what + " is a series: no tonet:fiscalYear");
        continue;
      }
      assertTrue(s.contains("fy"), what + " has a tonet:fiscalYear");
      assertEquals(expectedBegin, date(s.get("b")), what + ": fiscal year begins");
      assertEquals(expectedEnd, date(s.get("e")), what + ": fiscal year ends");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("januaryToMarchRows")
  void januaryToMarchLandsInTheYearAfterTheFiscalYearBegan(Row row) throws Exception {
    List<QuerySolution> rows =
        select(
            """
            SELECT ?r ?d ?b WHERE {
              ?r prov:wasInfluencedBy ?src . ?src tonet:lineNumber ?n . FILTER(?n = %d)
              ?r schema:startDate ?d ; tonet:fiscalYear/time:hasBeginning/time:inXSDDate ?b .
            }"""
                .formatted(row.line()));
    assertFalse(rows.isEmpty(), "line " + row.line() + " has a dated thing in a fiscal year");
    for (QuerySolution s : rows) {
      LocalDate d = LocalDate.parse(date(s.get("d")));
      LocalDate b = LocalDate.parse(date(s.get("b")));
      assertTrue(d.getMonthValue() <= 3, s.get("r") + ": a January–March day, got " + d);
      assertEquals(b.getYear() + 1, d.getYear(), s.get("r") + ": year after FY began " + b);
    }
  }

  // ---------------------------------------------------------------- whole graph

  @Test
  void everyDatedEventLiesWithinItsFiscalYear() throws Exception {
    List<QuerySolution> rows =
        select(
            """
            SELECT ?r ?d ?b ?e WHERE {
              ?r schema:startDate ?d ; tonet:fiscalYear ?fy .
              ?fy time:hasBeginning/time:inXSDDate ?b ; time:hasEnd/time:inXSDDate ?e .
            }""");
    assertTrue(rows.size() >= TABLE.size(), "dated events with a fiscal year: " + rows.size());
    List<String> outside = new ArrayList<>();
    for (QuerySolution s : rows) {
      LocalDate d = LocalDate.parse(date(s.get("d")));
      LocalDate b = LocalDate.parse(date(s.get("b")));
      LocalDate e = LocalDate.parse(date(s.get("e")));
      if (d.isBefore(b) || d.isAfter(e)) {
        outside.add(s.get("r") + " " + d + " not in " + b + ".." + e);
      }
    }
    assertEquals(List.of(), outside);
  }

  @Test
  void everyDatedThingFromAContentLineHasAFiscalYear() throws Exception {
    List<QuerySolution> rows =
        select(
            """
            SELECT DISTINCT ?r WHERE {
              ?r prov:wasInfluencedBy ?src ; schema:startDate ?d .
              ?src tonet:lineNumber ?n .
              FILTER((?n >= 6 && ?n <= 27) || (?n >= 30 && ?n <= 62) || (?n >= 65 && ?n <= 80))
              FILTER NOT EXISTS { ?r tonet:fiscalYear ?fy }
              FILTER NOT EXISTS { ?r a tonet:MeetingSeries }
            }""");
    assertEquals(List.of(), rows.stream().map(s -> s.get("r").toString()).toList());
  }

  // ---------------------------------------------------------------- particular rows

  @Test
  void line9TakesTheDateOfTheRowAbove() throws Exception {
    List<QuerySolution> rows =
        select(
            """
            SELECT ?r ?basis WHERE {
              ?r prov:wasInfluencedBy ?src ; schema:startDate ?d .
              ?src tonet:lineNumber ?n . FILTER(?n = 9)
              OPTIONAL { ?r tonet:dateBasis ?basis }
            }""");
    assertFalse(rows.isEmpty(), "line 9 records a dated establishment");
    for (QuerySolution s : rows) {
      assertEquals(
          "https://w3id.org/tonet/ontology#DateFromRowAbove",
          String.valueOf(s.get("basis")),
          s.get("r") + ": date basis");
    }
  }

  @Test
  void theSecondExtraordinaryAssemblyIsUndatedAndBoundedByTheFirstAndThird() throws Exception {
    // 第1回協議会臨時総会: line 19, 11月15日 of 平成23年度 = 2011-11-15.
    // 第3回協議会臨時総会: line 24, 3月27日 of 平成23年度 = 2012-03-27.
    // 第1回 ≤ 第2回 ≤ 第3回 (inclusive bounds).
    assertEquals(Set.of(), dates(20, "schema:startDate"), "line 20 states no day");
    assertEquals(Set.of(), dates(20, "schema:endDate"), "line 20 states no day");
    List<QuerySolution> rows =
        select(
            """
            SELECT ?r ?nb ?na ?basis ?b WHERE {
              ?r prov:wasInfluencedBy ?src ; a tonet:ExtraordinaryGeneralAssembly .
              ?src tonet:lineNumber ?n . FILTER(?n = 20)
              OPTIONAL { ?r tonet:notBefore ?nb }
              OPTIONAL { ?r tonet:notAfter ?na }
              OPTIONAL { ?r tonet:dateBasis ?basis }
              OPTIONAL { ?r tonet:fiscalYear/time:hasBeginning/time:inXSDDate ?b }
            }""");
    assertEquals(1, rows.size(), "one extraordinary assembly from line 20: " + rows);
    QuerySolution s = rows.get(0);
    assertEquals("2011-11-15", date(s.get("nb")), "notBefore = day of 第1回臨時総会 (line 19)");
    assertEquals("2012-03-27", date(s.get("na")), "notAfter = day of 第3回臨時総会 (line 24)");
    assertEquals(
        "https://w3id.org/tonet/ontology#DateUnknown", String.valueOf(s.get("basis")), "basis");
    assertEquals("2011-04-01", date(s.get("b")), "line 20 inherits 平成23年度 (FY2011)");
  }

  @Test
  void theWorkingGroupSeriesOfLine13HasOnlyALowerBound() throws Exception {
    // 10月21日 システムワーキンググループ設置（以後、月1～2回開催）: the meetings run from the
    // setting-up on (以後 includes the day); when they ended is not stated.
    List<QuerySolution> rows =
        select(
            """
            SELECT ?r ?start ?nb ?na ?end WHERE {
              ?r prov:wasInfluencedBy ?src ; a tonet:MeetingSeries .
              ?src tonet:lineNumber ?n . FILTER(?n = 13)
              OPTIONAL { ?r schema:startDate ?start }
              OPTIONAL { ?r tonet:notBefore ?nb }
              OPTIONAL { ?r tonet:notAfter ?na }
              OPTIONAL { ?r schema:endDate ?end }
            }""");
    assertEquals(1, rows.size(), "one meeting series from line 13: " + rows);
    QuerySolution s = rows.get(0);
    assertFalse(s.contains("end"), "no schema:endDate: " + s);
    assertFalse(s.contains("na"), "no tonet:notAfter: " + s);
    String lower = s.contains("start") ? date(s.get("start")) : date(s.get("nb"));
    assertEquals("2010-10-21", lower, "lower bound (startDate or notBefore): " + s);
    if (s.contains("start") && s.contains("nb")) {
      assertEquals("2010-10-21", date(s.get("nb")), "notBefore agrees: " + s);
    }
  }

  @ParameterizedTest(name = "line {0} (令和元年度)")
  @ValueSource(ints = {69, 70})
  void reiwaGannenIsFiscalYear2019(int line) throws Exception {
    String expected = line == 69 ? "2019-07-30" : "2020-03-31";
    assertEquals(Set.of(expected), dates(line, "schema:startDate"));
    List<QuerySolution> rows =
        select(
            """
            SELECT DISTINCT ?b ?e WHERE {
              ?r prov:wasInfluencedBy ?src ; schema:startDate ?d ; tonet:fiscalYear ?fy .
              ?src tonet:lineNumber ?n . FILTER(?n = %d)
              ?fy time:hasBeginning/time:inXSDDate ?b ; time:hasEnd/time:inXSDDate ?e .
            }"""
                .formatted(line));
    assertEquals(1, rows.size(), "one fiscal year: " + rows);
    assertEquals("2019-04-01", date(rows.get(0).get("b")));
    assertEquals("2020-03-31", date(rows.get(0).get("e")));
  }

  // ---------------------------------------------------------------- helpers

  /** Distinct values of a date property on the resources derived from a line. */
  private static Set<String> dates(int line, String property) throws Exception {
    Set<String> out = new TreeSet<>();
    for (QuerySolution s :
        select(
            """
            SELECT DISTINCT ?d WHERE {
              ?r prov:wasInfluencedBy ?src ; %s ?d .
              ?src tonet:lineNumber ?n . FILTER(?n = %d)
            }"""
                .formatted(property, line))) {
      out.add(date(s.get("d")));
    }
    return out;
  }

  /** The lexical form of an xsd:date literal; fails on anything else. */
  private static String date(RDFNode node) {
    assertTrue(node != null, "a date is present");
    assertTrue(node.isLiteral(), "a literal: " + node);
    Literal l = node.asLiteral();
    assertEquals(XSDDatatype.XSDdate.getURI(), l.getDatatypeURI(), "xsd:date: " + l);
    return l.getLexicalForm();
  }

  private static String lex(RDFNode node) {
    return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
  }

  private static List<QuerySolution> select(String query) throws Exception {
    Model model = TestSeeds.seedData();
    List<QuerySolution> out = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.model(model).query(PREFIXES + query).build()) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        out.add(rs.next());
      }
    }
    return out;
  }
}
