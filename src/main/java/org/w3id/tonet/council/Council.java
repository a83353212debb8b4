package org.w3id.tonet.council;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3id.tonet.model.Gazetteer;
import org.w3id.tonet.model.Identity;
import org.w3id.tonet.parse.GazetteerTable;
import org.w3id.tonet.parse.Lexicon;
import org.w3id.tonet.parse.Phrasing;
import org.w3id.tonet.parse.TimelineParser;
import org.w3id.tonet.rdf.Readings;
import org.w3id.tonet.source.FolderTable;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceFile;
import org.w3id.tonet.source.SourceProblem;

/**
 * One council's publication, read from its folder: the table and everything needed to read and
 * publish it (names, phrases, agenda English, gazetteer, readings, identity). The rules are the
 * program's; the words are the folder's.
 *
 * <pre>
 * Council tone = Council.bundled();                                  // seeds/, in the jar
 * Council other = Council.read(CouncilFolder.of(Path.of("examples/mizunagi")));
 * TimelineParser.Result parsed = other.parse(TimelineParser.Mode.STRICT);
 * </pre>
 *
 * <p>Reading a folder finds every problem of every file in one run and throws them together.
 *
 * @param folder where it was read from
 * @param identity what the publication says of itself
 * @param table the council's table
 * @param lexicon its names, phrases and agenda English
 * @param phrasing its titles, verbs, counters and settings
 * @param gazetteer its places, or null when the folder has no gazetteer
 * @param readings the statements that are its readings, not the table's
 * @param eventList what its standard event list is filed under, and its titles' readings
 * @param filesDigest the SHA-256 of the folder's files other than the table, for build caches
 * @param ownTable false when another table was given in place of the folder's own (--seed): the
 *     folder's expected output and decisions are then not about it
 */
public record Council(
    CouncilFolder folder,
    Identity identity,
    SourceFile table,
    Lexicon lexicon,
    Phrasing phrasing,
    Gazetteer gazetteer,
    List<Readings.Reading> readings,
    EventListTable.EventList eventList,
    String filesDigest,
    boolean ownTable) {

  /** The columns of decisions.tsv. */
  static final FolderTable.Schema DECISIONS =
      FolderTable.Schema.of(
          FolderTable.Column.required("line", "the table's line number the decision is about"),
          FolderTable.Column.required("decision", "what the line becomes, in statements"),
          FolderTable.Column.required("reason", "why it is read so"));

  public Council {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(lexicon, "lexicon");
    Objects.requireNonNull(phrasing, "phrasing");
    readings = List.copyOf(readings);
    Objects.requireNonNull(eventList, "eventList");
  }

  private static Council bundled;

  /**
   * The default folder that ships with the program, the repository's seeds/ (read once).
   *
   * @throws SourceException when the jar's copy does not read, which a test prevents
   */
  public static synchronized Council bundled() throws SourceException {
    if (bundled == null) {
      bundled = read(CouncilFolder.bundled());
    }
    return bundled;
  }

  /**
   * Reads a council folder.
   *
   * @throws SourceException with every problem of every file
   */
  public static Council read(CouncilFolder folder) throws SourceException {
    return read(folder, null);
  }

  /**
   * Reads a council folder, with another table in place of its own when {@code table} is not null
   * ({@code --seed FILE}).
   *
   * @throws SourceException with every problem of every file
   */
  public static Council read(CouncilFolder folder, Path table) throws SourceException {
    folder.checkExists();
    List<SourceProblem> problems = new ArrayList<>();
    FolderTable identityTable =
        table(folder, CouncilFolder.IDENTITY, IdentityTable.SCHEMA, true, problems);
    Lexicon lexicon =
        Lexicon.of(
            table(folder, CouncilFolder.NAMES, Lexicon.NAMES, true, problems),
            table(folder, CouncilFolder.PHRASES, Lexicon.PHRASES, false, problems),
            table(folder, CouncilFolder.AGENDA, Lexicon.AGENDA, false, problems),
            problems);
    Identity identity = IdentityTable.read(identityTable, lexicon, problems);
    Phrasing phrasing =
        Phrasing.of(
            identity.council(),
            identity.system(),
            table(folder, CouncilFolder.WORDS, Phrasing.WORDS, true, problems),
            table(folder, CouncilFolder.SETTINGS, Phrasing.SETTINGS, false, problems),
            problems);
    problems.addAll(folder.strayFiles(identity.table()));
    SourceFile source =
        table == null ? ownTable(folder, identity, problems) : other(table, problems);
    Gazetteer gazetteer = null;
    Optional<byte[]> gazetteerBytes = folder.bytes(CouncilFolder.GAZETTEER);
    if (gazetteerBytes.isPresent()) {
      gazetteer =
          GazetteerTable.read(
              folder.shown(CouncilFolder.GAZETTEER),
              GazetteerTable.FILE_NAME,
              gazetteerBytes.get(),
              lexicon,
              problems);
    }
    List<Readings.Reading> readings =
        Readings.of(
            table(folder, CouncilFolder.READINGS, Readings.SCHEMA, false, problems), problems);
    EventListTable.EventList eventList =
        EventListTable.read(
            table(folder, CouncilFolder.EVENT_LIST, EventListTable.SCHEMA, false, problems),
            problems);
    if (!eventList.place().isEmpty()
        && (gazetteer == null || gazetteer.place(eventList.place()).isEmpty())) {
      problems.add(
          SourceProblem.ofFile(
              folder.shown(CouncilFolder.EVENT_LIST),
              "place \""
                  + eventList.place()
                  + "\" is not a place of gazetteer.tsv; fix: write the slug of one of its places"));
    }
    FolderTable decisions = table(folder, CouncilFolder.DECISIONS, DECISIONS, false, problems);
    if (source != null && table == null) {
      decisions(decisions, source, problems);
    }
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    return new Council(
        folder,
        identity,
        source,
        lexicon,
        phrasing,
        gazetteer,
        readings,
        eventList,
        filesDigest(folder),
        table == null);
  }

  /** The same council with another table in place of its own. */
  public Council withTable(SourceFile other) {
    return new Council(
        folder,
        identity,
        other,
        lexicon,
        phrasing,
        gazetteer,
        readings,
        eventList,
        filesDigest,
        false);
  }

  /**
   * The SHA-256 of everything a publication is made from: the table and every file of the folder.
   * Two councils with the same digest publish the same data.
   */
  public String digest() {
    return digest(filesDigest, table.sha256());
  }

  private static String digest(String filesDigest, String tableSha256) {
    return sha256(("files " + filesDigest + "\ntable " + tableSha256).getBytes(UTF_8));
  }

  /**
   * The {@link #digest()} of the council this folder (with {@code table} in place of its own when
   * not null) reads as, from the files' bytes alone, without reading them: what finds a kept build
   * in a fraction of the time reading takes ({@code query}). Empty when the identity's table row is
   * not found by so plain a look (then read the folder); a digest of a folder that does not read
   * finds no kept build, as none was made of it.
   *
   * @throws SourceException when a file cannot be read
   */
  public static Optional<String> digestOf(CouncilFolder folder, Path table) throws SourceException {
    byte[] tableBytes;
    if (table != null) {
      try {
        tableBytes = Files.readAllBytes(table);
      } catch (IOException e) {
        return Optional.empty(); // reading the folder says what is wrong with the file
      }
    } else {
      Optional<String> name = folder.bytes(CouncilFolder.IDENTITY).flatMap(Council::tableRow);
      Optional<byte[]> bytes = name.isEmpty() ? Optional.empty() : folder.bytes(name.get());
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      tableBytes = bytes.get();
    }
    return Optional.of(digest(filesDigest(folder), sha256(tableBytes)));
  }

  /** The value of identity.tsv's one {@code table} row, read plainly. */
  private static Optional<String> tableRow(byte[] identity) {
    List<String> names =
        new String(identity, UTF_8)
            .lines()
            .filter(line -> !line.startsWith("#"))
            .map(line -> line.split("\t", -1))
            .filter(cells -> cells.length >= 3 && cells[0].strip().equals("table"))
            .map(cells -> cells[2].strip())
            .toList();
    return names.size() == 1 && !names.get(0).isEmpty()
        ? Optional.of(names.get(0))
        : Optional.empty();
  }

  private static String filesDigest(CouncilFolder folder) throws SourceException {
    StringBuilder files = new StringBuilder();
    for (String file : CouncilFolder.FILES) {
      Optional<byte[]> bytes = folder.bytes(file);
      if (bytes.isPresent()) {
        files.append(file).append(' ').append(sha256(bytes.get())).append('\n');
      }
    }
    return sha256(files.toString().getBytes(UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * Reads the table by the folder's rules and words.
   *
   * @throws SourceException with every bad line, in strict mode
   */
  public TimelineParser.Result parse(TimelineParser.Mode mode) throws SourceException {
    return TimelineParser.parse(table, mode, lexicon, phrasing);
  }

  /** The gazetteer, if the folder has one. */
  public Optional<Gazetteer> places() {
    return Optional.ofNullable(gazetteer);
  }

  private static FolderTable table(
      CouncilFolder folder,
      String file,
      FolderTable.Schema schema,
      boolean required,
      List<SourceProblem> problems)
      throws SourceException {
    Optional<byte[]> bytes = folder.bytes(file);
    if (bytes.isEmpty()) {
      if (required) {
        problems.add(
            SourceProblem.ofFile(
                folder.shown(file),
                "is missing; every council folder has one; fix: create it with the header "
                    + schema.header()
                    + " (tonet-lod draft writes a first version from a table)"));
      }
      return FolderTable.empty(folder.shown(file), schema);
    }
    return FolderTable.read(folder.shown(file), bytes.get(), schema, problems);
  }

  /** The folder's own table, or null (with the problem added) when it cannot be read. */
  private static SourceFile ownTable(
      CouncilFolder folder, Identity identity, List<SourceProblem> problems)
      throws SourceException {
    if (identity.table().isEmpty()) {
      return null; // the identity's own check says it has no table row
    }
    Optional<byte[]> bytes = folder.bytes(identity.table());
    if (bytes.isEmpty()) {
      problems.add(
          SourceProblem.ofFile(
              folder.shown(identity.table()),
              "is missing: "
                  + CouncilFolder.IDENTITY
                  + " names it as the council's table; fix: put the table in the folder under this"
                  + " name, or correct the table row of "
                  + CouncilFolder.IDENTITY));
      return null;
    }
    try {
      return SourceFile.fromBytes(folder.shown(identity.table()), identity.table(), bytes.get());
    } catch (SourceException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** The table given with --seed, or null (with the problem added) when it cannot be read. */
  private static SourceFile other(Path table, List<SourceProblem> problems) {
    try {
      return SourceFile.read(table);
    } catch (SourceException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /**
   * decisions.tsv is for people and tests; the program checks that each names a line of the
   * folder's own table (not of a table given in its place).
   */
  private static void decisions(
      FolderTable decisions, SourceFile table, List<SourceProblem> problems) {
    for (FolderTable.Row row : decisions.rows()) {
      String line = row.get("line");
      if (!line.matches("[0-9]{1,9}")
          || Integer.parseInt(line) < 1
          || Integer.parseInt(line) > table.lines().size()) {
        problems.add(
            row.problem(
                "line",
                "expected a line number of "
                    + table.fileName()
                    + " (1 to "
                    + table.lines().size()
                    + ")",
                "write the number of the line the decision is about"));
      }
    }
  }
}
