package org.w3id.tonet.parse;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.JapaneseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.Normalizer;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.model.FiscalYear;

/**
 * Japanese era dates and fiscal years through ICU4J's Japanese calendar: no hand-written era table.
 *
 * <pre>
 * JapaneseEras.fiscalYear("令和元年度");          // FY2019, labels 令和元年度 and 平成31年度
 * JapaneseEras.date("令和6年3月31日");            // 2024-03-31
 * JapaneseEras.format(LocalDate.of(2010, 7, 20)); // 平成22年7月20日
 * </pre>
 *
 * <p>ICU's strict parser accepts a day outside its era (平成31年5月1日 parses as 2019-05-01, which is
 * 令和元年5月1日), so every parse is formatted back and compared; a mismatch is reported.
 *
 * <p>ICU formatters are costly to make and not thread-safe: each thread keeps one per pattern.
 * Fiscal years already read, and the last day of each era, are remembered (a table of 10,000 rows
 * names the same few fiscal years thousands of times).
 */
public final class JapaneseEras {

  private static final ULocale JAPANESE = new ULocale("ja_JP@calendar=japanese");
  private static final Pattern FISCAL_YEAR = Pattern.compile("(\\D+?)(元|\\d+)年度");
  private static final Pattern ERA_DATE = Pattern.compile("(\\D+?)(元|\\d+)年(\\d+)月(\\d+)日");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern ZEROS = Pattern.compile("0+");

  /** ICU's era names by era number, as its date format symbols list them (with repeats). */
  private static final List<String> ERA_NAMES_BY_NUMBER = List.of(eraNameSymbols());

  /** The era names of ICU's Japanese calendar (大化 … 平成, 令和), longest first for matching. */
  private static final List<String> ERA_NAMES = eraNames();

  /** An era year followed by 年度 anywhere in a text, e.g. the 平成23年度 of 平成23年度決算等. */
  private static final Pattern FISCAL_YEAR_MENTION = mentionPattern();

  private JapaneseEras() {}

  /**
   * (era)\s*(元|digits)\s*年度, the era one of ERA_NAMES. A lookahead of the characters that begin an
   * era name lets the matcher skip, cheaply, the places where none can begin: the alternation of
   * some 240 names is then tried at far fewer places, with the same matches.
   */
  private static Pattern mentionPattern() {
    String eras = "(" + String.join("|", ERA_NAMES) + ")";
    String rest = "\\s*(元|[0-9０-９]+)\\s*年度";
    if (ERA_NAMES.stream().anyMatch(String::isEmpty)) {
      return Pattern.compile(eras + rest);
    }
    StringBuilder first = new StringBuilder();
    ERA_NAMES.stream()
        .map(n -> n.codePointAt(0))
        .distinct()
        .forEach(
            c -> {
              if (!Character.isLetterOrDigit(c)) {
                first.append('\\');
              }
              first.appendCodePoint(c);
            });
    return Pattern.compile("(?=[" + first + "])" + eras + rest);
  }

  private static String[] eraNameSymbols() {
    return new com.ibm.icu.text.DateFormatSymbols(
            new JapaneseCalendar(TimeZone.GMT_ZONE, JAPANESE), JAPANESE)
        .getEraNames();
  }

  private static List<String> eraNames() {
    List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(List.of(eraNameSymbols())));
    names.sort(java.util.Comparator.comparingInt(String::length).reversed());
    return List.copyOf(names);
  }

  /** Every fiscal year mentioned in a text (平成23年度決算等 mentions 平成23年度), as written. */
  public static List<String> fiscalYearMentions(String text) {
    List<String> found = new ArrayList<>();
    if (!text.contains("年度")) {
      return found; // every mention ends with 年度
    }
    Matcher m = FISCAL_YEAR_MENTION.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** Thrown when a cell is not a valid era date or fiscal year; the message says why. */
  public static final class EraException extends Exception {
    EraException(String message) {
      super(message);
    }
  }

  /** True when the text has the shape of a fiscal year (…年度), valid or not. */
  public static boolean looksLikeFiscalYear(String text) {
    return FISCAL_YEAR.matcher(normalize(text)).matches();
  }

  /**
   * Reads a fiscal year such as 平成22年度 or 令和元年度 (full-width digits and spaces allowed).
   *
   * @throws EraException for an unknown era, year 0, or a fiscal year wholly outside its era
   */
  public static FiscalYear fiscalYear(String text) throws EraException {
    String normalized = normalize(text);
    FiscalYear known = FISCAL_YEARS_READ.get(normalized);
    if (known != null) {
      return known;
    }
    Matcher m = FISCAL_YEAR.matcher(normalized);
    if (!m.matches()) {
      throw new EraException(
          "expected a fiscal year such as 平成22年度 or 令和元年度, found \"" + text.strip() + "\"");
    }
    String era = m.group(1);
    String year = m.group(2);
    if (!ERA_NAMES.contains(era)) {
      throw new EraException(
          "unknown era \"%s\" in \"%s\"; expected an era of the Japanese calendar such as 平成 or 令和"
              .formatted(era, text.strip()));
    }
    refuseYearZero(era, year, text);
    Date firstDay = parse("GGGGy年", era + year + "年", text);
    int gregorian = calendarAt(firstDay).get(Calendar.EXTENDED_YEAR);
    // A fiscal year must overlap its era: 平成31年度 (from 2019-04-01) is valid, as is 令和元年度;
    // 平成32年度 began after 平成 ended, 昭和64年度 after 昭和 ended on 1989-01-07. The end is that
    // of the era as written: the day parsed (1 January of the year) may already lie in the next
    // era.
    LocalDate eraEnd = eraEnd(eraNumber(era));
    FiscalYear probe = new FiscalYear(gregorian, List.of(text.strip()));
    if (eraEnd != null && probe.begins().isAfter(eraEnd)) {
      throw new EraException(
          "\"%s\" is not a fiscal year of %s: it would begin on %s, after %s ended on %s"
              .formatted(text.strip(), era, probe.begins(), era, eraEnd));
    }
    FiscalYear result = fiscalYearOf(gregorian);
    // Only valid fiscal years are remembered, and only so many: a hostile file cannot grow this.
    if (FISCAL_YEARS_READ.size() < MAX_REMEMBERED) {
      FISCAL_YEARS_READ.put(normalized, result);
    }
    return result;
  }

  /** How many fiscal years as written are remembered. */
  private static final int MAX_REMEMBERED = 10_000;

  /** Valid fiscal years by their normalized text (平成22年度 → FY2010). */
  private static final Map<String, FiscalYear> FISCAL_YEARS_READ = new ConcurrentHashMap<>();

  /**
   * The fiscal year that begins in a Gregorian year, named in every era that counts that year (2019
   * is both 平成31年 and 令和元年), the latest era first.
   */
  public static FiscalYear fiscalYearOf(int startYear) {
    return FISCAL_YEARS.computeIfAbsent(startYear, JapaneseEras::nameFiscalYear);
  }

  private static final java.util.Map<Integer, FiscalYear> FISCAL_YEARS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static FiscalYear nameFiscalYear(int startYear) {
    // Sample the last day of each month from December back to April, then 1 April: an era that
    // began within the year is in force at the end of its first month.
    List<String> labels = new ArrayList<>();
    for (int month = 12; month >= 4; month--) {
      LocalDate day = LocalDate.of(startYear, month, 1).plusMonths(1).minusDays(1);
      String label = eraYear(day) + "度";
      if (!labels.contains(label)) {
        labels.add(label);
      }
    }
    String april = eraYear(LocalDate.of(startYear, 4, 1)) + "度";
    if (!labels.contains(april)) {
      labels.add(april);
    }
    return new FiscalYear(startYear, labels);
  }

  /**
   * Reads a full era date such as 令和6年3月31日.
   *
   * @throws EraException for an unknown era, a day that does not exist, or a day outside its era
   */
  public static LocalDate date(String text) throws EraException {
    String normalized = normalize(text);
    LocalDate known = DATES_READ.get(normalized);
    if (known != null) {
      return known;
    }
    Matcher m = ERA_DATE.matcher(normalized);
    if (!m.matches()) {
      throw new EraException("expected a date such as 令和6年3月31日, found \"" + text.strip() + "\"");
    }
    if (!ERA_NAMES.contains(m.group(1))) {
      throw new EraException(
          "unknown era \"%s\" in \"%s\"; expected an era of the Japanese calendar such as 平成 or 令和"
              .formatted(m.group(1), text.strip()));
    }
    refuseYearZero(m.group(1), m.group(2), text);
    Date parsed = parse("GGGGy年M月d日", normalized, text);
    String back = formatter("GGGGy年M月d日").format(parsed);
    if (!sameYearNumbering(back, normalized)) {
      throw new EraException(
          "\"%s\" is not a day of %s: that day is %s".formatted(text.strip(), m.group(1), back));
    }
    LocalDate day = toLocalDate(parsed);
    if (DATES_READ.size() < MAX_REMEMBERED) {
      DATES_READ.put(normalized, day);
    }
    return day;
  }

  /** Valid era dates by their normalized text (令和6年3月31日 → 2024-03-31). */
  private static final Map<String, LocalDate> DATES_READ = new ConcurrentHashMap<>();

  /** A day in Japanese era form, e.g. 平成22年7月20日 or 令和元年7月30日. */
  public static String format(LocalDate day) {
    return formatter("GGGGy年M月d日").format(toDate(day));
  }

  /** The era year of a day, e.g. 平成22年 or 令和元年. */
  public static String eraYear(LocalDate day) {
    return formatter("GGGGy年").format(toDate(day));
  }

  /** ICU only says it cannot parse year 0; say why, and what the first year is called. */
  private static void refuseYearZero(String era, String year, String original) throws EraException {
    if (ZEROS.matcher(year).matches()) {
      throw new EraException(
          "\"%s\": an era has no year 0; expected 元 (or 1) for its first year, as in %s元年"
              .formatted(original.strip(), era));
    }
  }

  private static Date parse(String pattern, String normalized, String original)
      throws EraException {
    ParsePosition position = new ParsePosition(0);
    Date date = formatter(pattern).parse(normalized, position);
    if (date == null || position.getIndex() != normalized.length()) {
      throw new EraException(
          "\"%s\" is not a date of the Japanese calendar: unknown era, or no such day"
                  .formatted(original.strip())
              + " (expected an era such as 平成 or 令和 and a day that exists)");
    }
    return date;
  }

  /** The ICU era number of an era name (the latest era of that name). */
  private static int eraNumber(String eraName) {
    return ERA_NAMES_BY_NUMBER.lastIndexOf(eraName);
  }

  /** The last day of each era already asked for (empty for the current era). */
  private static final Map<Integer, Optional<LocalDate>> ERA_ENDS = new ConcurrentHashMap<>();

  /** The last day of an era, or null for the current era. */
  private static LocalDate eraEnd(int era) {
    return ERA_ENDS.computeIfAbsent(era, e -> Optional.ofNullable(computeEraEnd(e))).orElse(null);
  }

  private static LocalDate computeEraEnd(int era) {
    JapaneseCalendar next = new JapaneseCalendar(TimeZone.GMT_ZONE, JAPANESE);
    if (era >= next.getMaximum(Calendar.ERA)) {
      return null;
    }
    next.clear();
    next.set(Calendar.ERA, era + 1);
    next.set(Calendar.YEAR, 1);
    next.set(Calendar.DAY_OF_YEAR, next.getActualMinimum(Calendar.DAY_OF_YEAR));
    // Day 1 of an era's first year is 1 January of its Gregorian year; walk to the era's first day.
    while (next.get(Calendar.ERA) != era + 1) {
      next.add(Calendar.DATE, 1);
    }
    return toLocalDate(next.getTime()).minusDays(1);
  }

  private static boolean sameYearNumbering(String formatted, String written) {
    return formatted.replace("元年", "1年").equals(written.replace("元年", "1年"));
  }

  /** Each thread's formatters by pattern: ICU formatters are not thread-safe. */
  private static final ThreadLocal<Map<String, DateFormat>> FORMATTERS =
      ThreadLocal.withInitial(HashMap::new);

  private static DateFormat formatter(String pattern) {
    return FORMATTERS.get().computeIfAbsent(pattern, JapaneseEras::newFormatter);
  }

  private static DateFormat newFormatter(String pattern) {
    SimpleDateFormat format = new SimpleDateFormat(pattern, JAPANESE);
    format.setLenient(false);
    format.setTimeZone(TimeZone.GMT_ZONE);
    return format;
  }

  private static JapaneseCalendar calendarAt(Date date) {
    JapaneseCalendar calendar = new JapaneseCalendar(TimeZone.GMT_ZONE, JAPANESE);
    calendar.setTime(date);
    return calendar;
  }

  /** Days from 1600 on are the same in ICU's calendar and java.time (both Gregorian by then). */
  private static final LocalDate GREGORIAN_SINCE = LocalDate.of(1600, 1, 1);

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private static Date toDate(LocalDate day) {
    if (!day.isBefore(GREGORIAN_SINCE)) {
      return new Date(day.toEpochDay() * MILLIS_PER_DAY);
    }
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.GMT_ZONE);
    calendar.clear();
    calendar.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
    return calendar.getTime();
  }

  private static LocalDate toLocalDate(Date date) {
    long day = Math.floorDiv(date.getTime(), MILLIS_PER_DAY);
    if (day >= GREGORIAN_SINCE.toEpochDay()) {
      return LocalDate.ofEpochDay(day);
    }
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.GMT_ZONE);
    calendar.setTime(date);
    return LocalDate.of(
        calendar.get(Calendar.YEAR),
        calendar.get(Calendar.MONTH) + 1,
        calendar.get(Calendar.DAY_OF_MONTH));
  }

  /** Full-width digits to ASCII, spaces removed: the forms the source mixes. */
  static String normalize(String text) {
    return WHITE_SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
  }
}
