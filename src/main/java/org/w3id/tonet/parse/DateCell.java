package org.w3id.tonet.parse;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.model.FiscalYear;

/**
 * A date cell of the table: month and day without a year, which the row's fiscal year supplies.
 *
 * <pre>
 * DateCell.parse("8月5日、20日");   // two days: 8/5 and 8/20
 * DateCell.parse("8月5日～");       // began on 8/5 and went on
 * DateCell.parse("2月10日～3月15日"); // a range
 * DateCell.parse("７月２０日").days(fy2010); // [2010-07-20]
 * </pre>
 *
 * <p>Full-width digits, 、 or , between days, and every wave dash (～ U+FF5E, 〜 U+301C, ~) are
 * accepted.
 *
 * @param monthDays each day written; a later day without a month takes the month before it
 * @param openEnded true when the cell ends with a wave dash and no end day
 * @param end the end day of a range written in the cell, or null
 */
public record DateCell(List<DateCell.Md> monthDays, boolean openEnded, DateCell.Md end) {

  /** A month and a day, without a year. */
  public record Md(int month, int day) {}

  private static final Pattern DAY = Pattern.compile("(?:(\\d{1,2})月)?(\\d{1,2})日");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern DAY_SEPARATOR = Pattern.compile("[、,]");
  private static final Pattern LOOKS_LIKE_DATE =
      Pattern.compile("^\\s*[0-9０-９]{1,3}\\s*[月日].*", Pattern.DOTALL);

  public DateCell {
    monthDays = List.copyOf(monthDays);
  }

  /** True when a cell has the shape of a date (it starts with a number and 月 or 日). */
  public static boolean looksLikeDate(String cell) {
    return LOOKS_LIKE_DATE.matcher(cell).matches();
  }

  /** Wave dashes and full-width forms to one spelling; spaces removed. */
  static String normalize(String text) {
    String folded = text.replace('〜', '~').replace('～', '~');
    return WHITE_SPACE.matcher(Normalizer.normalize(folded, Normalizer.Form.NFKC)).replaceAll("");
  }

  /**
   * Reads a date cell.
   *
   * @throws DateCellException when the cell is not a date of an accepted shape, or names a month
   *     that does not exist
   */
  public static DateCell parse(String cell) throws DateCellException {
    String text = normalize(cell);
    String body = text;
    boolean open = false;
    Md end = null;
    int tilde = text.indexOf('~');
    if (tilde >= 0) {
      body = text.substring(0, tilde);
      String after = text.substring(tilde + 1);
      if (after.isEmpty()) {
        open = true;
      } else {
        end = single(after, cell);
      }
    }
    List<Md> days = new ArrayList<>();
    Integer month = null;
    for (String part : DAY_SEPARATOR.split(body, -1)) {
      Matcher m = DAY.matcher(part);
      if (!m.matches()) {
        throw new DateCellException(expected(cell));
      }
      if (m.group(1) != null) {
        month = Integer.valueOf(m.group(1));
      } else if (month == null) {
        throw new DateCellException(
            "\"%s\" gives a day without a month; %s".formatted(cell.strip(), shapes()));
      }
      days.add(checked(month, Integer.parseInt(m.group(2)), cell));
    }
    if (end != null && days.size() > 1) {
      throw new DateCellException(
          "\"%s\" gives several days and a range; %s".formatted(cell.strip(), shapes()));
    }
    if (end != null && end.month() == 0) {
      end = new Md(days.get(0).month(), end.day());
    }
    return new DateCell(days, open, end);
  }

  /** Reads one end day written in text, such as the 3月15日 of （～3月15日）. */
  public static Md single(String text, String cell) throws DateCellException {
    Matcher m = DAY.matcher(normalize(text));
    if (!m.matches()) {
      throw new DateCellException(expected(cell));
    }
    int month = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    if (month == 0) {
      return new Md(0, Integer.parseInt(m.group(2)));
    }
    return checked(month, Integer.parseInt(m.group(2)), cell);
  }

  /**
   * The days of this cell in a fiscal year: January to March fall in the year after it begins.
   *
   * @throws DateCellException when a day does not exist in that year (2月30日, 2月29日 of 2011)
   */
  public List<LocalDate> days(FiscalYear fiscalYear) throws DateCellException {
    List<LocalDate> result = new ArrayList<>();
    for (Md md : monthDays) {
      result.add(day(fiscalYear, md));
    }
    return result;
  }

  /** The end day of a range in this cell, or null. */
  public LocalDate endDay(FiscalYear fiscalYear) throws DateCellException {
    return end == null ? null : day(fiscalYear, end);
  }

  /** A month and day in a fiscal year. */
  public static LocalDate day(FiscalYear fiscalYear, Md monthDay) throws DateCellException {
    int year = fiscalYear.yearOfMonth(monthDay.month());
    try {
      return LocalDate.of(year, monthDay.month(), monthDay.day());
    } catch (DateTimeException e) {
      int length = Month.of(monthDay.month()).length(java.time.Year.isLeap(year));
      throw new DateCellException(
          "%d月%d日 is not a day: %s %d (in %s) has %d days"
              .formatted(
                  monthDay.month(),
                  monthDay.day(),
                  Month.of(monthDay.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                  year,
                  fiscalYear.labelJa(),
                  length));
    }
  }

  private static Md checked(int month, int day, String cell) throws DateCellException {
    if (month < 1 || month > 12) {
      throw new DateCellException(
          "\"%s\": month %d does not exist; expected a month from 1 to 12"
              .formatted(cell.strip(), month));
    }
    if (day < 1 || day > 31) {
      throw new DateCellException(
          "\"%s\": day %d does not exist; expected a day from 1 to 31"
              .formatted(cell.strip(), day));
    }
    return new Md(month, day);
  }

  private static String expected(String cell) {
    return "\"%s\" is not a date; %s".formatted(cell.strip(), shapes());
  }

  private static String shapes() {
    return "expected a date such as 7月20日, 8月5日、20日, 8月5日～ or 2月10日～3月15日";
  }

  /** A date cell that cannot be read; the message says what was expected. */
  public static final class DateCellException extends Exception {
    DateCellException(String message) {
      super(message);
    }
  }
}
