package org.w3id.tonet.model;

import java.util.List;
import java.util.Map;

/**
 * Everything read from one source file: its rows, fiscal years, entries, summary counts and the
 * names they use.
 *
 * <pre>
 * Timeline t = Council.bundled().parse(Mode.STRICT).timeline();
 * t.entries().size();
 * </pre>
 *
 * @param source the file itself
 * @param rows every non-blank line with its role
 * @param fiscalYears every fiscal year used, in order
 * @param entries every entry, in source order
 * @param counts the closing summary's counts, in source order
 * @param names every named thing the entries use, in table order
 * @param fiscalYearLines the Gregorian year each fiscal year begins in, to the lines whose 年度 cell
 *     writes it
 */
public record Timeline(
    SourceInfo source,
    List<SourceRow> rows,
    List<FiscalYear> fiscalYears,
    List<Entry> entries,
    List<ReportedMeetingCount> counts,
    List<Name> names,
    Map<Integer, List<Integer>> fiscalYearLines) {

  public Timeline {
    rows = List.copyOf(rows);
    fiscalYears = List.copyOf(fiscalYears);
    entries = List.copyOf(entries);
    counts = List.copyOf(counts);
    names = List.copyOf(names);
    fiscalYearLines = Map.copyOf(fiscalYearLines);
  }

  /**
   * The source file as a whole.
   *
   * @param fileName the file's own name
   * @param sha256 hex SHA-256 of its bytes
   * @param title the title line above the table, or "" when there is none
   * @param lineCount the number of lines in the file
   */
  public record SourceInfo(String fileName, String sha256, String title, int lineCount) {

    /** The first 12 hex digits of the SHA-256, used in source-row IRIs. */
    public String shortHash() {
      return sha256.substring(0, 12);
    }
  }
}
