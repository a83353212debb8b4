package org.w3id.tonet.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of a council folder: UTF-8 text, tab-separated, lines beginning with {@code #} and blank
 * lines skipped, a header naming the columns, then one row per line. The columns are a closed set,
 * given by a {@link Schema}: a header that names a column the schema does not know, lacks a
 * required one, or names one twice is a problem, and so is a cell left as {@code ?} (what {@code
 * tonet-lod draft} writes where the data owner has still to fill something in). Every problem names
 * the file, the line, the cell, the value, what was expected and the fix; all of a table's problems
 * are found in one reading.
 *
 * <pre>
 * FolderTable.Schema schema = FolderTable.Schema.of(
 *     FolderTable.Column.required("kind", "org, unit or venue"),
 *     FolderTable.Column.optional("english", "the English name, or '-' for none"));
 * FolderTable names = FolderTable.read("names.tsv", bytes, schema, problems);
 * for (FolderTable.Row row : names.rows()) { row.get("kind"); }
 * </pre>
 *
 * <p>A cell written {@code -}, left empty, or missing at the end of a row is empty.
 */
public final class FolderTable {

  /** What draft writes where a value is still to be filled in. */
  public static final String TO_FILL_IN = "?";

  /**
   * A column a table may have.
   *
   * @param name its name in the header
   * @param required whether the header must name it and every row give a value
   * @param expected what a value looks like, for messages
   */
  public record Column(String name, boolean required, String expected) {

    /** A column every row gives a value in. */
    public static Column required(String name, String expected) {
      return new Column(name, true, expected);
    }

    /** A column that may be absent from the header or empty in a row. */
    public static Column optional(String name, String expected) {
      return new Column(name, false, expected);
    }
  }

  /** The closed set of columns of one kind of table, in the order a header lists them. */
  public record Schema(List<Column> columns) {

    public Schema {
      columns = List.copyOf(columns);
    }

    /** A schema of these columns. */
    public static Schema of(Column... columns) {
      return new Schema(List.of(columns));
    }

    /** The column of that name, if the schema has it. */
    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The column names, in order. */
    public List<String> names() {
      return columns.stream().map(Column::name).toList();
    }

    /** The header line a new table of this kind starts with. */
    public String header() {
      return String.join("\t", names());
    }
  }

  /**
   * One row, with where it is.
   *
   * @param file the table's name as shown in messages
   * @param line its 1-based line number
   * @param text the line as written
   * @param values each column's value as written (stripped), by column name
   * @param cells each column's 1-based cell number, by column name
   * @param schema the table's columns
   */
  public record Row(
      String file,
      int line,
      String text,
      Map<String, String> values,
      Map<String, Integer> cells,
      Schema schema) {

    public Row {
      values = Map.copyOf(values);
      cells = Map.copyOf(cells);
    }

    /** A column's value: "" when the cell is empty, '-', '?' or missing. */
    public String get(String column) {
      String value = values.getOrDefault(column, "");
      return value.equals("-") || value.equals(TO_FILL_IN) ? "" : value;
    }

    /** Whether a column's cell is {@code ?}, still to be filled in (and reported as such). */
    public boolean toFill(String column) {
      return values.getOrDefault(column, "").equals(TO_FILL_IN);
    }

    /** Whether the row gives a value in a column. */
    public boolean has(String column) {
      return !get(column).isEmpty();
    }

    /** A column's value split at spaces; empty when the cell is. */
    public List<String> list(String column) {
      String value = get(column);
      return value.isEmpty() ? List.of() : List.of(value.split("[ \u3000]+"));
    }

    /** The 1-based cell of a column, 0 when the header does not name it. */
    public int cell(String column) {
      return cells.getOrDefault(column, 0);
    }

    /**
     * A problem with a column's value: {@code column kind, "venu": what; fix: fix [line 12, cell
     * 1]}.
     */
    public SourceProblem problem(String column, String what, String fix) {
      String value = values.getOrDefault(column, "");
      String cell =
          value.isEmpty() || value.equals("-")
              ? "column " + column + " is empty"
              : "column " + column + ", \"" + value + "\"";
      return new SourceProblem(
          file, line, cell(column), cell + ": " + what + "; fix: " + fix, text);
    }

    /** A problem with a column's value, saying what the schema expects there. */
    public SourceProblem expected(String column, String fix) {
      String expected = schema.column(column).map(Column::expected).orElse("a value");
      return problem(column, "expected " + expected, fix);
    }

    /** A problem with the row as a whole. */
    public SourceProblem problem(String what) {
      return new SourceProblem(file, line, 0, what, text);
    }
  }

  private final String file;
  private final Schema schema;
  private final List<Row> rows;
  private final List<Row> pending;

  private FolderTable(String file, Schema schema, List<Row> rows, List<Row> pending) {
    this.file = file;
    this.schema = schema;
    this.rows = List.copyOf(rows);
    this.pending = List.copyOf(pending);
  }

  /** The table's name as shown in messages. */
  public String file() {
    return file;
  }

  /** Its columns. */
  public Schema schema() {
    return schema;
  }

  /** Every row, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * The rows left out because a value they need is still {@code ?} (already reported), so what
   * reads a table does not report them once more as missing.
   */
  public List<Row> pending() {
    return pending;
  }

  /** An empty table, for a file a folder does not have. */
  public static FolderTable empty(String file, Schema schema) {
    return new FolderTable(file, schema, List.of(), List.of());
  }

  /**
   * Reads a table; every problem is added to {@code problems}. A row with a required value missing
   * is left out (and reported); a row with a value still to fill in is kept with that value empty.
   */
  public static FolderTable read(
      String file, byte[] bytes, Schema schema, List<SourceProblem> problems) {
    if (bytes.length == 0) {
      problems.add(
          SourceProblem.ofFile(
              file, "is empty; expected a header naming its columns: " + schema.header()));
      return empty(file, schema);
    }
    SourceFile text;
    try {
      text = SourceFile.fromBytes(file, file, bytes);
    } catch (SourceException e) {
      problems.addAll(e.problems());
      return empty(file, schema);
    }
    List<Row> rows = new ArrayList<>();
    List<Row> pending = new ArrayList<>();
    Map<String, Integer> header = null;
    int headerCells = 0;
    for (SourceLine line : text.lines()) {
      if (line.isBlank() || line.text().startsWith("#")) {
        continue;
      }
      if (header == null) {
        header = header(file, line, schema, problems);
        headerCells = line.cells().size();
        continue;
      }
      Row row = row(file, line, header, headerCells, schema, problems);
      if (row == null) {
        continue;
      }
      boolean complete =
          schema.columns().stream()
              .noneMatch(c -> c.required() && (row.toFill(c.name()) || !row.has(c.name())));
      (complete ? rows : pending).add(row);
    }
    if (header == null) {
      problems.add(
          SourceProblem.ofFile(
              file, "has no header; expected a first line naming its columns: " + schema.header()));
    }
    return new FolderTable(file, schema, rows, pending);
  }

  private static Map<String, Integer> header(
      String file, SourceLine line, Schema schema, List<SourceProblem> problems) {
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 1; i <= line.cells().size(); i++) {
      String name = line.cell(i).strip();
      if (name.isEmpty()) {
        continue;
      }
      if (schema.column(name).isEmpty()) {
        problems.add(
            new SourceProblem(
                file,
                line.number(),
                i,
                "column \"%s\" is not a column of this table; expected %s; fix: %s"
                    .formatted(
                        name,
                        String.join(", ", schema.names()),
                        Spelling.suggestion(name, schema.names())),
                line.text()));
      } else if (positions.putIfAbsent(name, i) != null) {
        problems.add(
            new SourceProblem(
                file,
                line.number(),
                i,
                "column \"%s\" is named twice (cells %d and %d); fix: remove one"
                    .formatted(name, positions.get(name), i),
                line.text()));
      }
    }
    for (Column column : schema.columns()) {
      if (column.required() && !positions.containsKey(column.name())) {
        problems.add(
            new SourceProblem(
                file,
                line.number(),
                0,
                "the header has no column \"%s\" (%s); fix: add it to the header: %s"
                    .formatted(column.name(), column.expected(), schema.header()),
                line.text()));
      }
    }
    return positions;
  }

  /** A row, or null when a required value is missing (reported); left out rows are pending. */
  private static Row row(
      String file,
      SourceLine line,
      Map<String, Integer> header,
      int headerCells,
      Schema schema,
      List<SourceProblem> problems) {
    Map<String, String> values = new HashMap<>();
    header.forEach((name, cell) -> values.put(name, line.cell(cell).strip()));
    Row row = new Row(file, line.number(), line.text(), values, header, schema);
    boolean complete = true;
    for (int i = headerCells + 1; i <= line.cells().size(); i++) {
      if (!line.cell(i).isBlank()) {
        problems.add(
            new SourceProblem(
                file,
                line.number(),
                i,
                "cell %d, \"%s\", has no column: the header names %d; fix: remove it, or name its column in the header"
                    .formatted(i, line.cell(i).strip(), headerCells),
                line.text()));
      }
    }
    for (Column column : schema.columns()) {
      if (!header.containsKey(column.name())) {
        continue;
      }
      String value = values.get(column.name());
      if (value.equals(TO_FILL_IN)) {
        problems.add(
            row.problem(
                column.name(),
                "still to be filled in; expected " + column.expected(),
                column.required() ? "write it in" : "write it in, or '-' for none"));
        // A row without a value it needs cannot be used yet; said once, here.
      } else if (column.required() && row.get(column.name()).isEmpty()) {
        problems.add(row.expected(column.name(), "write it in"));
        complete = false;
      }
    }
    return complete ? row : null;
  }
}
