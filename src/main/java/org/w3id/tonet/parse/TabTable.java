package org.w3id.tonet.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated table kept with the program (the lexicon, the readings): UTF-8, one row per line,
 * blank lines and lines starting with {@code #} skipped, every row the same number of cells. A row
 * that is not is a mistake in the program, said with its resource and line.
 *
 * <pre>
 * for (TabTable.Row row : TabTable.read("/lexicon/terms.tsv", 3)) {
 *   String ja = row.cells()[0];
 * }
 * </pre>
 */
public final class TabTable {

  /** One row, with the line it was read from (counted from 1). */
  public record Row(int line, String[] cells) {}

  private TabTable() {}

  /** The rows of the class-path resource {@code path}, each with {@code columns} cells. */
  public static List<Row> read(String path, int columns) {
    try (InputStream in = TabTable.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      List<Row> rows = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(
              "%s line %d: expected %d tab-separated columns, found %d: %s"
                  .formatted(path, number, columns, cells.length, Arrays.toString(cells)));
        }
        rows.add(new Row(number, cells));
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
