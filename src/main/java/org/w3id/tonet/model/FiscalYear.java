package org.w3id.tonet.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A Japanese fiscal year (年度), which runs from 1 April to 31 March of the next year.
 *
 * <pre>
 * FiscalYear fy = new FiscalYear(2019, List.of("令和元年度", "平成31年度"));
 * fy.begins(); // 2019-04-01
 * fy.dateOf(3, 31); // 2020-03-31
 * </pre>
 *
 * @param startYear the Gregorian year in which the fiscal year begins
 * @param labelsJa its names in Japanese-era form, preferred first (令和元年度 is also 平成31年度)
 */
public record FiscalYear(int startYear, List<String> labelsJa) implements Comparable<FiscalYear> {

  public FiscalYear {
    labelsJa = List.copyOf(labelsJa);
    if (labelsJa.isEmpty()) {
      throw new IllegalArgumentException("a fiscal year needs at least one Japanese label");
    }
  }

  /** The preferred Japanese name, e.g. 平成22年度. */
  public String labelJa() {
    return labelsJa.get(0);
  }

  /** The English name, e.g. FY2010. */
  public String labelEn() {
    return "FY" + startYear;
  }

  /** 1 April of the start year. */
  public LocalDate begins() {
    return LocalDate.of(startYear, 4, 1);
  }

  /** 31 March of the following year. */
  public LocalDate ends() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  /** True when the day lies within this fiscal year. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(begins()) && !day.isAfter(ends());
  }

  /**
   * The Gregorian year of a month within this fiscal year: April to December fall in the start
   * year, January to March in the next.
   */
  public int yearOfMonth(int month) {
    return month >= 4 ? startYear : startYear + 1;
  }

  @Override
  public int compareTo(FiscalYear other) {
    return Integer.compare(startYear, other.startYear);
  }
}
