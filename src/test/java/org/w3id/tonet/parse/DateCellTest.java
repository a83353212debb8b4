package org.w3id.tonet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.tonet.model.FiscalYear;

class DateCellTest {

  private static final FiscalYear FY2010 = JapaneseEras.fiscalYearOf(2010);
  private static final FiscalYear FY2011 = JapaneseEras.fiscalYearOf(2011);

  @ParameterizedTest
  @CsvSource({
    "7月20日, 2010-07-20",
    "７月２０日, 2010-07-20",
    " 7 月 20 日 , 2010-07-20",
    "12月31日, 2010-12-31",
    "1月1日, 2011-01-01",
    "2月15日, 2011-02-15",
    "3月31日, 2011-03-31",
    "4月1日, 2010-04-01",
  })
  void oneDayInTheFiscalYear(String cell, LocalDate expected) throws Exception {
    DateCell parsed = DateCell.parse(cell);
    assertEquals(List.of(expected), parsed.days(FY2010));
    assertFalse(parsed.openEnded());
    assertNull(parsed.end());
  }

  @ParameterizedTest
  @ValueSource(strings = {"8月5日、20日", "８月５日、２０日", "8月5日,20日", "8月5日，20日", "8月5日、 20日"})
  void severalDaysTakeTheMonthBefore(String cell) throws Exception {
    DateCell parsed = DateCell.parse(cell);
    assertEquals(List.of(new DateCell.Md(8, 5), new DateCell.Md(8, 20)), parsed.monthDays());
    assertEquals(List.of(LocalDate.of(2010, 8, 5), LocalDate.of(2010, 8, 20)), parsed.days(FY2010));
  }

  @Test
  void severalDaysAcrossMonthsAndTheYearEnd() throws Exception {
    DateCell parsed = DateCell.parse("12月25日、1月5日、10日");
    assertEquals(
        List.of(LocalDate.of(2010, 12, 25), LocalDate.of(2011, 1, 5), LocalDate.of(2011, 1, 10)),
        parsed.days(FY2010));
  }

  @ParameterizedTest
  @ValueSource(strings = {"8月5日～", "8月5日〜", "8月5日~", "８月５日～", "8月5日 ～ "})
  void openStartWithEveryWaveDash(String cell) throws Exception {
    DateCell parsed = DateCell.parse(cell);
    assertTrue(parsed.openEnded());
    assertNull(parsed.endDay(FY2010));
    assertEquals(List.of(LocalDate.of(2010, 8, 5)), parsed.days(FY2010));
  }

  @ParameterizedTest
  @CsvSource({
    "2月10日～3月15日, 2012-02-10, 2012-03-15",
    "2月10日〜3月15日, 2012-02-10, 2012-03-15",
    "2月10日~15日, 2012-02-10, 2012-02-15",
    "１２月１日～１月３１日, 2011-12-01, 2012-01-31",
  })
  void rangeWithItsEnd(String cell, LocalDate start, LocalDate end) throws Exception {
    DateCell parsed = DateCell.parse(cell);
    assertEquals(List.of(start), parsed.days(FY2011));
    assertEquals(end, parsed.endDay(FY2011));
    assertFalse(parsed.openEnded());
  }

  @Test
  void feb29OnlyInALeapYear() throws Exception {
    DateCell cell = DateCell.parse("2月29日");
    assertEquals(List.of(LocalDate.of(2012, 2, 29)), cell.days(FY2011));
    DateCell.DateCellException e =
        assertThrows(DateCell.DateCellException.class, () -> cell.days(FY2010));
    assertEquals("2月29日 is not a day: February 2011 (in 平成22年度) has 28 days", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "2月30日, February 2011 (in 平成22年度) has 28 days",
    "4月31日, April 2010 (in 平成22年度) has 30 days",
    "11月31日, November 2010 (in 平成22年度) has 30 days",
  })
  void daysThatTheMonthDoesNotHave(String cell, String message) throws Exception {
    DateCell parsed = DateCell.parse(cell);
    DateCell.DateCellException e =
        assertThrows(DateCell.DateCellException.class, () -> parsed.days(FY2010));
    assertTrue(e.getMessage().endsWith(message), e::getMessage);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "13月1日 | \"13月1日\": month 13 does not exist; expected a month from 1 to 12",
        "0月1日 | month 0 does not exist",
        "１３月１日 | month 13 does not exist",
        "7月32日 | \"7月32日\": day 32 does not exist; expected a day from 1 to 31",
        "7月0日 | day 0 does not exist",
        "20日 | \"20日\" gives a day without a month; expected a date such as 7月20日",
        "7月 | \"7月\" is not a date; expected a date such as 7月20日, 8月5日、20日, 8月5日～ or 2月10日～3月15日",
        "7月20日頃 | \"7月20日頃\" is not a date",
        "8月5日～～ | \"8月5日～～\" is not a date",
        "8月5日、20日～9月1日 | gives several days and a range",
        "2月10日～3月40日 | day 40 does not exist",
        "8月5日、 | is not a date",
      })
  void badCellsSayWhatWasExpected(String cell, String message) {
    DateCell.DateCellException e =
        assertThrows(DateCell.DateCellException.class, () -> DateCell.parse(cell));
    assertTrue(e.getMessage().contains(message), e::getMessage);
  }

  @ParameterizedTest
  @ValueSource(strings = {"7月20日", "８月５日、２０日", "8月5日～", "13月1日", " 10月21日", "20日"})
  void looksLikeADate(String cell) {
    assertTrue(DateCell.looksLikeDate(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"平成22年度", "第2回協議会総会の開催", "参加登録者5,000人を超える", "", "月日"})
  void doesNotLookLikeADate(String cell) {
    assertFalse(DateCell.looksLikeDate(cell));
  }

  @Test
  void singleEndDayKeepsAMissingMonthAsZero() throws Exception {
    assertEquals(new DateCell.Md(3, 15), DateCell.single("３月１５日", "（～３月１５日）"));
    assertEquals(new DateCell.Md(0, 15), DateCell.single("15日", "（～15日）"));
    DateCell.DateCellException e =
        assertThrows(DateCell.DateCellException.class, () -> DateCell.single("3月", "（～3月）"));
    assertTrue(e.getMessage().startsWith("\"（～3月）\" is not a date"), e::getMessage);
  }
}
