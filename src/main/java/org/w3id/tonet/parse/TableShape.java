package org.w3id.tonet.parse;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceLine;

/**
 * The words of a new table that its shape gives away, for a first draft of its folder: its header
 * (the line just above the first row with a fiscal year) and how its closing summary dates itself
 * (※ … （令和5年3月31日時点）).
 *
 * <pre>
 * TableShape.header(table);  // Optional[年度 月日 事業内容]
 * TableShape.asOf(table);    // Optional[{date}時点]
 * </pre>
 */
public final class TableShape {

  private static final Pattern SUMMARY =
      Pattern.compile(
          "^※\\s*.+?\\s*[（(](?<date>[^（()）]*年[^（()）]*月[^（()）]*日)(?<word>[^（()）]*)[）)]\\s*$");

  private TableShape() {}

  /** The header's words, cell by cell, if a line above the first fiscal year looks like one. */
  public static Optional<String> header(SourceFile table) {
    List<SourceLine> lines = table.lines();
    SourceLine last = null;
    for (SourceLine line : lines) {
      if (line.isBlank()) {
        continue;
      }
      boolean fiscalYear =
          line.cells().stream().anyMatch(c -> !c.isBlank() && JapaneseEras.looksLikeFiscalYear(c));
      if (fiscalYear) {
        return last == null ? Optional.empty() : Optional.of(words(last));
      }
      long cells = line.cells().stream().filter(c -> !c.isBlank()).count();
      boolean dated =
          line.cells().stream().anyMatch(c -> !c.isBlank() && DateCell.looksLikeDate(c));
      last = cells >= 2 && !dated ? line : null;
    }
    return Optional.empty();
  }

  /** The closing summary's as-of phrasing, {date} for its date, if the table has one. */
  public static Optional<String> asOf(SourceFile table) {
    for (SourceLine line : table.lines()) {
      Matcher m = SUMMARY.matcher(line.text().strip());
      if (m.matches()) {
        return Optional.of("{date}" + m.group("word").strip());
      }
    }
    return Optional.empty();
  }

  private static String words(SourceLine line) {
    return String.join(
        " ", line.cells().stream().filter(c -> !c.isBlank()).map(String::strip).toList());
  }
}
