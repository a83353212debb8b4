package org.w3id.tonet.parse;

import java.time.LocalDate;
import java.util.List;
import org.w3id.tonet.model.DateBasis;
import org.w3id.tonet.model.FiscalYear;

/**
 * What the cells of one table row say before its text is read: the fiscal year (given or
 * inherited), the days of its date cell, and its text.
 *
 * @param line 1-based line number
 * @param fiscalYear the row's fiscal year
 * @param days the days written (or taken from the row above), empty when undated
 * @param end the end of a range written in the date cell, or null
 * @param openEnded true when the date cell ends with a wave dash
 * @param basis how the days were found
 * @param text the text cell as written
 * @param textCell the 1-based cell number of the text
 * @param dateCell the 1-based cell number of the date, 0 when the row has none
 */
record RowFacts(
    int line,
    FiscalYear fiscalYear,
    List<LocalDate> days,
    LocalDate end,
    boolean openEnded,
    DateBasis basis,
    String text,
    int textCell,
    int dateCell) {

  RowFacts {
    days = List.copyOf(days);
  }
}
