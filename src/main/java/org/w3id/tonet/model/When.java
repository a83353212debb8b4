package org.w3id.tonet.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When something happened: a day, a range of days, a day it began (open end), or, for an undated
 * event, inclusive bounds that are certain.
 *
 * <pre>
 * When.on(LocalDate.of(2010, 7, 20), DateBasis.AS_WRITTEN);
 * When.from(LocalDate.of(2010, 8, 5)); // 8月5日～: began then, went on
 * When.between(LocalDate.of(2011, 11, 15), LocalDate.of(2012, 3, 27)); // undated
 * </pre>
 *
 * @param start the first day, or null when undated
 * @param end the last day of a range, or null
 * @param notBefore the earliest possible day of an undated event, or null
 * @param notAfter the latest possible day of an undated event, or null
 * @param basis how the date was found
 * @param openEnded true when the source marks a beginning with ～ and gives no end
 */
public record When(
    LocalDate start,
    LocalDate end,
    LocalDate notBefore,
    LocalDate notAfter,
    DateBasis basis,
    boolean openEnded) {

  public When {
    Objects.requireNonNull(basis, "basis");
    if (start == null && basis != DateBasis.UNKNOWN) {
      throw new IllegalArgumentException("an undated event has basis UNKNOWN");
    }
    if (start != null && end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("ends " + end + " before it starts " + start);
    }
  }

  /** One day. */
  public static When on(LocalDate day, DateBasis basis) {
    return new When(day, null, null, null, basis, false);
  }

  /** A range of days as written. */
  public static When range(LocalDate start, LocalDate end) {
    return new When(start, end, null, null, DateBasis.AS_WRITTEN, false);
  }

  /** Began on a day and went on (written with ～). */
  public static When from(LocalDate start) {
    return new When(start, null, null, null, DateBasis.AS_WRITTEN, true);
  }

  /** Undated, with inclusive bounds (either may be null). */
  public static When between(LocalDate notBefore, LocalDate notAfter) {
    return new When(null, null, notBefore, notAfter, DateBasis.UNKNOWN, false);
  }

  /** True when the day is known. */
  public boolean isDated() {
    return start != null;
  }

  /** The day to sort by: the start, else the earliest bound, else null. */
  public LocalDate sortDay() {
    return start != null ? start : notBefore;
  }
}
