package org.w3id.tonet.model;

/**
 * A non-blank line of the source file and the role it plays in the table.
 *
 * @param line 1-based line number
 * @param text the line as written, tabs and markup included
 * @param kind its role
 */
public record SourceRow(int line, String text, Kind kind) {

  /** The role of a line. */
  public enum Kind {
    /** The document's title, above the table. */
    TITLE,
    /** The column header 年度 / 月 日 / 実 施 内 容 (it repeats mid-file). */
    HEADER,
    /** A row of the timeline. */
    CONTENT,
    /** The closing summary's heading or one of its counts. */
    SUMMARY
  }
}
