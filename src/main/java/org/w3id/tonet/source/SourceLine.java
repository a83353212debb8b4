package org.w3id.tonet.source;

import java.util.List;

/**
 * One line of a source file, as written, with its 1-based line number and its tab-separated cells.
 *
 * <pre>
 * SourceLine line = SourceLine.of(6, "平成21年度\t11月6日\t埼玉県が…を国に提出\t");
 * line.cell(2); // "11月6日"
 * </pre>
 *
 * @param number 1-based line number in the file
 * @param text the line without its terminator
 * @param cells the text split at every tab, empty cells kept
 */
public record SourceLine(int number, String text, List<String> cells) {

  public SourceLine {
    cells = List.copyOf(cells);
  }

  /** Splits {@code text} into cells at every tab. */
  public static SourceLine of(int number, String text) {
    return new SourceLine(number, text, List.of(text.split("\t", -1)));
  }

  /** The cell at a 1-based position, or "" past the end. */
  public String cell(int position) {
    return position >= 1 && position <= cells.size() ? cells.get(position - 1) : "";
  }

  /** True when every cell is empty or white space. */
  public boolean isBlank() {
    return text.isBlank();
  }
}
