package org.w3id.tonet.council;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.parse.Drafting;
import org.w3id.tonet.parse.Lexicon;
import org.w3id.tonet.parse.Phrasing;
import org.w3id.tonet.parse.RowHints;
import org.w3id.tonet.parse.TableShape;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.source.FolderTable;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceProblem;

/**
 * A first draft of a council folder from a new table ({@code tonet-lod draft}): the table copied
 * in, the words its shape gives away (its header, the titles of its numbered assemblies and
 * symposia, its plan verbs, how it counts attendance), the general words (verbs of holding and
 * setting up, counters, markers) from the bundled folder, every name and venue the table uses with
 * the lines it is on, and the clauses no rule reads. Everything a person must decide — English,
 * slugs, what a title means — is written {@code ?}, which {@code validate} reports until it is
 * filled in.
 *
 * <pre>
 * Drafter.Report report = Drafter.draft(Path.of("other-timeline.txt"), Path.of("councils/other"));
 * report.rows(); // {identity.tsv=8, names.tsv=23, words.tsv=27, phrases.tsv=5}
 * </pre>
 */
public final class Drafter {

  /** The general words a new folder starts from, copied from the bundled folder. */
  private static final List<String> GENERAL =
      List.of(
          "holding",
          "establishing",
          "attendance",
          "approximately",
          "count",
          "same-as-above",
          "in-writing",
          "from-then-on",
          "joint-with",
          "operating-as",
          "dissolution",
          "draft",
          "as-of",
          "meetings-of");

  /** Rounds of reading: each may recognise rows whose names the next one finds. */
  private static final int ROUNDS = 4;

  /**
   * What a draft wrote.
   *
   * @param folder the folder written
   * @param rows the rows written per file (the table aside)
   * @param toFill how many cells are {@code ?}, to fill in
   * @param unread the table's lines that could not be read at all, with why
   */
  public record Report(
      Path folder, Map<String, Integer> rows, int toFill, List<SourceProblem> unread) {}

  /** One row of a file of the draft: its cells, and how it reads while drafting. */
  private record Row(String file, String key, List<String> written, List<String> working) {}

  private final SourceFile table;
  private final Phrasing general;
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final Map<String, TreeSet<Integer>> lines = new LinkedHashMap<>();

  private Drafter(SourceFile table, Phrasing general) {
    this.table = table;
    this.general = general;
  }

  /**
   * Drafts the folder of a table into {@code folder}, which must not exist yet or be empty.
   *
   * @throws SourceException when the table cannot be read
   * @throws IOException when the folder cannot be written (nothing is left half-written)
   */
  public static Report draft(Path tablePath, Path folder) throws SourceException, IOException {
    SourceFile table = SourceFile.read(tablePath);
    Drafter drafter = new Drafter(table, Council.bundled().phrasing());
    TimelineParser.Draft last = drafter.read();
    Map<String, String> files = drafter.files(last);
    files.put(table.fileName(), null);
    write(folder, files, Files.readAllBytes(tablePath), table.fileName());
    Map<String, Integer> counts = new LinkedHashMap<>();
    int toFill = 0;
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getValue() == null) {
        continue;
      }
      List<String> data =
          f.getValue().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).skip(1).toList();
      counts.put(f.getKey(), data.size());
      for (String line : data) {
        toFill += (int) Stream.of(line.split("\t", -1)).filter("?"::equals).count();
      }
    }
    return new Report(folder, counts, toFill, last.result().problems());
  }

  // ---- reading -----------------------------------------------------------------------------

  /** Reads the table again and again, each round with the words the last one found. */
  private TimelineParser.Draft read() throws SourceException {
    for (String kind : GENERAL) {
      for (String word : general.words(kind)) {
        word(kind, word, "-", "-", "copied from the bundled folder (seeds/words.tsv): check it");
      }
    }
    TableShape.header(table)
        .ifPresent(h -> word("header", h, "-", "-", "the line above the first fiscal year"));
    TableShape.asOf(table)
        .ifPresent(
            a -> {
              rows.remove("words.tsv\tas-of");
              word("as-of", a, "-", "-", "the closing summary's date");
            });
    TimelineParser.Draft draft = null;
    for (int round = 0; round < ROUNDS; round++) {
      Phrasing phrasing = phrasing();
      draft = TimelineParser.draft(table, Lexicon.empty(), phrasing);
      int before = rows.size();
      for (Entry entry : draft.result().timeline().entries()) {
        if (entry instanceof Entry.Unclassified u && u.problem().isEmpty()) {
          int line = entry.base().lines().get(0);
          for (RowHints.Hint hint :
              RowHints.of(entry.base().labelJa(), Lexicon.empty(), phrasing)) {
            if (hint.file().equals("words.tsv")) {
              hinted(hint, line);
            }
          }
        }
      }
      if (rows.size() == before) {
        break;
      }
    }
    return draft;
  }

  /** The words drafted so far, as a folder would give them (provisional values where unknown). */
  private Phrasing phrasing() throws SourceException {
    List<SourceProblem> problems = new ArrayList<>();
    FolderTable words =
        FolderTable.read(
            "words.tsv",
            text("words.tsv", true).getBytes(StandardCharsets.UTF_8),
            Phrasing.WORDS,
            problems);
    Phrasing phrasing =
        Phrasing.of("", "", words, FolderTable.empty("settings.tsv", Phrasing.SETTINGS), problems);
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    return phrasing;
  }

  /** A words.tsv row a hint asks for, with provisional values for the next round of reading. */
  private void hinted(RowHints.Hint hint, int line) {
    String[] cells = hint.row().split("\t", -1);
    String kind = cells[0];
    String japanese = cells[1];
    String means =
        switch (kind) {
          case "assembly" -> "extraordinary";
          case "milestone" -> japanese.contains("{org}") ? "institutions" : "registrants";
          case "plan-verb" -> "adoption";
          case "joint-meeting", "expert-meeting" -> "draft-" + kind;
          default -> "-";
        };
    if (kind.equals("attendance")) {
      rows.remove("words.tsv\tattendance");
    }
    String key = "words.tsv\t" + kind + (kind.equals("attendance") ? "" : "\t" + japanese);
    lines.computeIfAbsent(key, k -> new TreeSet<>()).add(line);
    rows.putIfAbsent(
        key,
        new Row(
            "words.tsv",
            key,
            List.of(kind, japanese, cells[2], cells[3], ""),
            // A title whose kind the owner decides is not read while drafting.
            kind.equals("?")
                ? null
                : List.of(kind, japanese, cells[2].equals("?") ? "x" : cells[2], means, "-")));
  }

  private void word(String kind, String japanese, String english, String means, String note) {
    String key =
        "words.tsv\t"
            + kind
            + (List.of(
                        "attendance",
                        "count",
                        "joint-with",
                        "operating-as",
                        "as-of",
                        "header",
                        "meetings-of")
                    .contains(kind)
                ? ""
                : "\t" + japanese);
    List<String> cells = List.of(kind, japanese, english, means, note);
    rows.put(key, new Row("words.tsv", key, cells, cells));
  }

  // ---- writing -----------------------------------------------------------------------------

  /** The text of every file of the draft, by name. */
  private Map<String, String> files(TimelineParser.Draft draft) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("identity.tsv", identity());
    for (Drafting.Missing m : draft.missing()) {
      // An alias's slug cell lists the slugs of what it stands for; it has no English of its own.
      List<String> cells =
          m.file().equals("names.tsv")
              ? List.of(
                  m.kind(),
                  m.japanese(),
                  "?",
                  m.kind().equals("alias") ? "-" : "?",
                  "-",
                  m.kind().equals("unit") ? "?" : "-",
                  "")
              : List.of(m.kind(), m.japanese(), "?", "?", "-", "");
      String key = m.file() + "\t" + m.kind() + "\t" + m.japanese();
      rows.putIfAbsent(key, new Row(m.file(), key, cells, cells));
      lines.computeIfAbsent(key, k -> new TreeSet<>()).addAll(m.lines());
    }
    Phrasing words = lastWords();
    for (Entry entry : draft.result().timeline().entries()) {
      if (entry instanceof Entry.Unclassified u && u.problem().isEmpty()) {
        int line = entry.base().lines().get(0);
        for (RowHints.Hint hint : RowHints.of(entry.base().labelJa(), Lexicon.empty(), words)) {
          if (hint.file().equals("phrases.tsv")) {
            List<String> cells = new ArrayList<>(List.of(hint.row().split("\t", -1)));
            cells.set(cells.size() - 1, "");
            String key = "phrases.tsv\t" + cells.get(1);
            rows.putIfAbsent(key, new Row("phrases.tsv", key, cells, cells));
            lines.computeIfAbsent(key, k -> new TreeSet<>()).add(line);
          }
        }
      }
    }
    files.put("names.tsv", text("names.tsv", false));
    files.put("words.tsv", text("words.tsv", false));
    files.put("phrases.tsv", text("phrases.tsv", false));
    return files;
  }

  /** The last round's words, for the hints of the rows it still did not read. */
  private Phrasing lastWords() {
    try {
      return phrasing();
    } catch (SourceException e) {
      throw new IllegalStateException("the drafted words do not read: " + e.getMessage(), e);
    }
  }

  private String identity() {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        # The publication's identity, drafted by tonet-lod draft: fill in every ?, then run
        # java -jar target/tonet-lod.jar validate --council <this folder>
        # (docs/council-folders.md says what each field is).
        field\tlang\tvalue
        """);
    out.append("table\t-\t").append(table.fileName()).append('\n');
    out.append("council\t-\t?\n");
    for (String field : List.of("title", "site-name", "description")) {
      out.append(field).append("\tja\t?\n").append(field).append("\ten\t?\n");
    }
    out.append("attribution\tja\t?\n");
    return out.toString();
  }

  /** A file's text: its header, and its rows with the lines they come from in the note. */
  private String text(String file, boolean working) {
    FolderTable.Schema schema =
        switch (file) {
          case "names.tsv" -> Lexicon.NAMES;
          case "phrases.tsv" -> Lexicon.PHRASES;
          default -> Phrasing.WORDS;
        };
    StringBuilder out = new StringBuilder();
    if (!working) {
      out.append("# Drafted by tonet-lod draft from ")
          .append(table.fileName())
          .append(": fill in every ?, correct what is wrong, and remove rows you do not want\n")
          .append("# (docs/council-folders.md says what each column is).\n");
    }
    out.append(schema.header()).append('\n');
    for (Row row : rows.values()) {
      if (!row.file().equals(file) || (working && row.working() == null)) {
        continue;
      }
      List<String> cells = new ArrayList<>(working ? row.working() : row.written());
      TreeSet<Integer> at = lines.get(row.key());
      if (!working && cells.get(cells.size() - 1).isEmpty()) {
        cells.set(
            cells.size() - 1,
            at == null || at.isEmpty()
                ? "-"
                : (at.size() == 1 ? "line " : "lines ")
                    + at.stream().map(String::valueOf).collect(Collectors.joining(", ")));
      }
      out.append(String.join("\t", cells.stream().map(c -> c.isEmpty() ? "-" : c).toList()))
          .append('\n');
    }
    return out.toString();
  }

  /** Writes every file into a staging folder beside the target, then moves it into place. */
  private static void write(Path folder, Map<String, String> files, byte[] table, String tableName)
      throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> entries = Files.list(folder)) {
        if (!Files.isDirectory(folder) || entries.findAny().isPresent()) {
          throw new IOException(
              folder + " exists and is not an empty folder; draft into a new one");
        }
      }
      Files.delete(folder);
    }
    Path parent = folder.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, ".draft-");
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        if (f.getKey().equals(tableName)) {
          Files.write(staging.resolve(tableName), table);
        } else {
          Files.writeString(staging.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
      }
      try {
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, folder);
      }
    } finally {
      if (Files.exists(staging)) {
        try (Stream<Path> left = Files.list(staging)) {
          for (Path p : left.toList()) {
            Files.delete(p);
          }
        }
        Files.delete(staging);
      }
    }
  }
}
