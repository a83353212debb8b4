package org.w3id.tonet.source;

/**
 * Something wrong with the input, located to a file, a line and a cell.
 *
 * <pre>
 * new SourceProblem("seed.txt", 12, 2, "2月30日 is not a day: February has no 30th", "\t2月30日\t…");
 * // toString(): seed.txt: 2月30日 is not a day: February has no 30th [line 12, cell 2]
 * </pre>
 *
 * @param file the file name as given by the user
 * @param line 1-based line number, 0 when the problem is about the whole file
 * @param cell 1-based cell number, 0 when the problem is about the whole line
 * @param message what is wrong and what was expected
 * @param rawText the line as written ("" for whole-file problems)
 */
public record SourceProblem(String file, int line, int cell, String message, String rawText) {

  /** A problem with the file as a whole (missing, empty, wrong encoding). */
  public static SourceProblem ofFile(String file, String message) {
    return new SourceProblem(file, 0, 0, message, "");
  }

  /** Where the problem is, as {@code [line N, cell M]}, {@code [line N]} or "". */
  public String location() {
    if (line == 0) {
      return "";
    }
    return cell == 0 ? "[line " + line + "]" : "[line " + line + ", cell " + cell + "]";
  }

  @Override
  public String toString() {
    String where = location();
    return file + ": " + message + (where.isEmpty() ? "" : " " + where);
  }
}
