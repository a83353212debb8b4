package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.model.FiscalYear;
import org.w3id.tonet.source.SourceLine;

class JapaneseErasTest {

  @ParameterizedTest
  @CsvSource({
    "平成21年度, 2009",
    "平成22年度, 2010",
    "平成３０年度, 2018",
    "平成 22 年度, 2010",
    "平成31年度, 2019",
    "令和元年度, 2019",
    "令和1年度, 2019",
    "令和5年度, 2023",
    "平成元年度, 1989",
    "昭和63年度, 1988",
    "大正元年度, 1912",
    "明治45年度, 1912",
    "昭和元年度, 1926",
  })
  void fiscalYearBeginsInItsGregorianYear(String written, int startYear) throws Exception {
    FiscalYear fy = JapaneseEras.fiscalYear(written);
    assertEquals(startYear, fy.startYear());
    assertEquals(LocalDate.of(startYear, 4, 1), fy.begins());
    assertEquals(LocalDate.of(startYear + 1, 3, 31), fy.ends());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2010 | 平成22年度",
        "2018 | 平成30年度",
        // An era that began within the fiscal year names it first; the old one follows.
        "2019 | 令和元年度, 平成31年度",
        "2024 | 令和6年度",
        "1988 | 昭和63年度",
        // 平成 began on 1989-01-08, before FY1989 did: one name.
        "1989 | 平成元年度",
        "1912 | 大正元年度, 明治45年度",
        "1926 | 昭和元年度, 大正15年度",
      })
  void fiscalYearLabelsComeFromIcu(int startYear, String labels) {
    FiscalYear fy = JapaneseEras.fiscalYearOf(startYear);
    assertEquals(List.of(labels.split(", ")), fy.labelsJa());
    assertEquals("FY" + startYear, fy.labelEn());
  }

  @Test
  void bothNamesOfFiscal2019AreOneFiscalYear() throws Exception {
    assertEquals(JapaneseEras.fiscalYear("令和元年度"), JapaneseEras.fiscalYear("平成31年度"));
    assertEquals("令和元年度", JapaneseEras.fiscalYear("平成31年度").labelJa());
  }

  @Test
  void everyFiscalYearOfTheSeedIsNamedAsWritten() throws Exception {
    List<String> written = new ArrayList<>();
    for (SourceLine line : TestSeeds.seed().lines()) {
      for (String cell : line.cells()) {
        if (JapaneseEras.looksLikeFiscalYear(cell)) {
          written.add(cell.strip());
        }
      }
    }
    assertEquals(16, written.size(), written::toString);
    for (String label : written) {
      FiscalYear fy = JapaneseEras.fiscalYear(label);
      assertEquals(label, fy.labelJa());
      assertEquals(fy, JapaneseEras.fiscalYearOf(fy.startYear()));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "和暦5年度 | unknown era \"和暦\" in \"和暦5年度\"; expected an era of the Japanese calendar",
        "令和0年度 | \"令和0年度\": an era has no year 0; expected 元 (or 1) for its first year, as in 令和元年",
        "平成０年度 | an era has no year 0",
        "平成32年度 | \"平成32年度\" is not a fiscal year of 平成: it would begin on 2020-04-01, after 平成 ended on 2019-04-30",
        "平成100年度 | after 平成 ended on 2019-04-30",
        "昭和64年度 | after 昭和 ended on 1989-01-07",
        "大正16年度 | after 大正 ended on 1926-12-24",
        "2019年度 | expected a fiscal year such as 平成22年度 or 令和元年度, found \"2019年度\"",
        "平成年度 | expected a fiscal year such as 平成22年度",
        "平成22年 | expected a fiscal year such as 平成22年度",
      })
  void badFiscalYearsSayWhatWasExpected(String written, String message) {
    JapaneseEras.EraException e =
        assertThrows(JapaneseEras.EraException.class, () -> JapaneseEras.fiscalYear(written));
    assertTrue(e.getMessage().contains(message), e::getMessage);
  }

  @ParameterizedTest
  @CsvSource({
    "令和6年3月31日, 2024-03-31",
    "令和６年３月３１日, 2024-03-31",
    "令和 6年 3月 31日, 2024-03-31",
    "令和元年5月1日, 2019-05-01",
    "令和1年5月1日, 2019-05-01",
    "平成31年4月30日, 2019-04-30",
    "平成22年7月20日, 2010-07-20",
    "昭和64年1月7日, 1989-01-07",
    "平成元年1月8日, 1989-01-08",
  })
  void eraDates(String written, LocalDate expected) throws Exception {
    assertEquals(expected, JapaneseEras.date(written));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // ICU's strict parser accepts these as days of the next or previous era; the round trip
        // refuses them.
        "平成31年5月1日 | \"平成31年5月1日\" is not a day of 平成: that day is 令和元年5月1日",
        "令和元年4月30日 | \"令和元年4月30日\" is not a day of 令和: that day is 平成31年4月30日",
        "昭和64年1月8日 | that day is 平成元年1月8日",
        "平成32年1月1日 | that day is 令和2年1月1日",
        "令和6年2月30日 | \"令和6年2月30日\" is not a date of the Japanese calendar",
        "令和5年2月29日 | is not a date of the Japanese calendar",
        "令和6年13月1日 | is not a date of the Japanese calendar",
        "和暦5年1月1日 | unknown era \"和暦\"",
        "令和0年5月1日 | an era has no year 0",
        "令和6年3月 | expected a date such as 令和6年3月31日",
      })
  void badEraDatesSayWhy(String written, String message) {
    JapaneseEras.EraException e =
        assertThrows(JapaneseEras.EraException.class, () -> JapaneseEras.date(written));
    assertTrue(e.getMessage().contains(message), e::getMessage);
  }

  static Stream<LocalDate> daysAroundEraChanges() {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate first :
        List.of(
            LocalDate.of(1912, 7, 27),
            LocalDate.of(1926, 12, 22),
            LocalDate.of(1989, 1, 4),
            LocalDate.of(2019, 4, 27))) {
      for (int i = 0; i < 8; i++) {
        days.add(first.plusDays(i));
      }
    }
    days.add(LocalDate.of(2010, 7, 20));
    days.add(LocalDate.of(2012, 2, 29));
    days.add(LocalDate.of(2024, 3, 31));
    return days.stream();
  }

  @ParameterizedTest
  @MethodSource("daysAroundEraChanges")
  void everyDayRoundTrips(LocalDate day) throws Exception {
    String written = JapaneseEras.format(day);
    assertEquals(day, JapaneseEras.date(written), written);
    assertTrue(written.startsWith(JapaneseEras.eraYear(day)), written);
  }

  @ParameterizedTest
  @CsvSource({
    "2019-04-30, 平成31年4月30日, 平成31年",
    "2019-05-01, 令和元年5月1日, 令和元年",
    "1989-01-07, 昭和64年1月7日, 昭和64年",
    "1989-01-08, 平成元年1月8日, 平成元年",
    "2010-07-20, 平成22年7月20日, 平成22年",
  })
  void formatWritesTheFirstYearAsGannen(LocalDate day, String formatted, String eraYear) {
    assertEquals(formatted, JapaneseEras.format(day));
    assertEquals(eraYear, JapaneseEras.eraYear(day));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "平成23年度決算等 | 平成23年度",
        "令和元年度事業報告及び収支決算等について | 令和元年度",
        "2市1町の枠組みによる令和5年度以降の「とねっと」システムのあり方（案）等について | 令和5年度",
        "平成26年度地域医療ネットワークシンポジウムについて | 平成26年度",
        "平成２３年度決算 | 平成２３年度",
        "平成30年度事業計画、平成31年度予算 | 平成30年度, 平成31年度",
        "契約の承認 | ''",
        "和暦5年度の件 | ''",
        "2019年度の件 | ''",
      })
  void fiscalYearMentionsAsWritten(String text, String mentions) {
    List<String> expected = mentions.isEmpty() ? List.of() : List.of(mentions.split(", "));
    assertEquals(expected, JapaneseEras.fiscalYearMentions(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"平成22年度", "令和元年度", "平成２２年度", " 令和5年度 ", "和暦5年度"})
  void looksLikeAFiscalYear(String cell) {
    assertTrue(JapaneseEras.looksLikeFiscalYear(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7月20日", "平成23年度決算等", "年度", "2019年度", "第1期"})
  void doesNotLookLikeAFiscalYear(String cell) {
    assertFalse(JapaneseEras.looksLikeFiscalYear(cell));
  }
}
