package org.w3id.tonet.council;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;
import org.w3id.tonet.source.Spelling;

/**
 * Where a council folder's files are: a directory, or the default folder that ships inside the jar
 * (a copy of the repository's {@code seeds/}). It hands out the bytes of a file by name and says
 * which files a directory holds that a council folder does not have (a closed set).
 *
 * <pre>
 * CouncilFolder folder = CouncilFolder.of(Path.of("examples/mizunagi"));
 * folder.bytes("names.tsv");          // Optional of the file's bytes
 * CouncilFolder.bundled().shown("names.tsv"); // "names.tsv"
 * </pre>
 */
public final class CouncilFolder {

  /** Where the bundled folder is in the jar. */
  static final String BUNDLED_PATH = "/seeds/";

  /** The identity, which every folder has: it names the table. */
  public static final String IDENTITY = "identity.tsv";

  /** The names, which every folder has. */
  public static final String NAMES = "names.tsv";

  /** The council's titles, verbs and counters. */
  public static final String WORDS = "words.tsv";

  /** Choices a council's table makes that another's may make otherwise. */
  public static final String SETTINGS = "settings.tsv";

  /** Clauses that name an activity, a launch or a ceremony. */
  public static final String PHRASES = "phrases.tsv";

  /** The English of the agenda. */
  public static final String AGENDA = "agenda.tsv";

  /** Places, their history and codes, where each venue lies. */
  public static final String GAZETTEER = "gazetteer.tsv";

  /** Statements that are a reading, not the source's. */
  public static final String READINGS = "readings.tsv";

  /** What the standard event list is filed under, and the readings of the titles. */
  public static final String EVENT_LIST = "event-list.tsv";

  /** Every non-mechanical reading of the table, line by line. */
  public static final String DECISIONS = "decisions.tsv";

  /** An example of the output the folder gives, checked as a regression test. */
  public static final String EXPECTED = "expected.ttl";

  /** A note for people; never read. */
  public static final String README = "README.md";

  /** Every file a council folder may hold besides its table, in the order they are described. */
  public static final List<String> FILES =
      List.of(
          IDENTITY,
          NAMES,
          WORDS,
          SETTINGS,
          PHRASES,
          AGENDA,
          GAZETTEER,
          READINGS,
          EVENT_LIST,
          DECISIONS,
          EXPECTED,
          README);

  private final Path directory;

  /** The files read so far: a folder is read once, for its data and for its digest. */
  private final java.util.Map<String, Optional<byte[]>> read = new java.util.HashMap<>();

  private CouncilFolder(Path directory) {
    this.directory = directory;
  }

  /** A folder on disk. */
  public static CouncilFolder of(Path directory) {
    return new CouncilFolder(directory);
  }

  /** The default folder, shipped in the jar (the repository's seeds/). */
  public static CouncilFolder bundled() {
    return new CouncilFolder(null);
  }

  /** True for the folder shipped in the jar. */
  public boolean isBundled() {
    return directory == null;
  }

  /** The directory, or empty for the bundled folder. */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /** How the folder is named in messages. */
  public String name() {
    return directory == null ? "the bundled council folder (seeds/)" : directory.toString();
  }

  /** How one of its files is named in messages: the path as the user gave it, or the file name. */
  public String shown(String file) {
    return directory == null ? file : directory.resolve(file).toString();
  }

  /**
   * A file's bytes, or empty when the folder does not have it.
   *
   * @throws SourceException when the folder or the file cannot be read
   */
  public synchronized Optional<byte[]> bytes(String file) throws SourceException {
    Optional<byte[]> known = read.get(file);
    if (known == null) {
      known = load(file);
      read.put(file, known);
    }
    return known.map(byte[]::clone);
  }

  private Optional<byte[]> load(String file) throws SourceException {
    if (directory == null) {
      try (InputStream in = CouncilFolder.class.getResourceAsStream(BUNDLED_PATH + file)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      } catch (IOException e) {
        throw new SourceException(SourceProblem.ofFile(file, "cannot be read: " + e.getMessage()));
      }
    }
    Path path = directory.resolve(file);
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SourceException(
          SourceProblem.ofFile(path.toString(), "cannot be read: " + e.getMessage()));
    }
  }

  /**
   * Refuses a folder that is not there or is a file.
   *
   * @throws SourceException saying what is there instead
   */
  public void checkExists() throws SourceException {
    if (directory == null || Files.isDirectory(directory)) {
      return;
    }
    throw new SourceException(
        SourceProblem.ofFile(
            directory.toString(),
            Files.exists(directory)
                ? "is a file, not a council folder; expected a folder holding "
                    + IDENTITY
                    + ", "
                    + NAMES
                    + " and the table"
                : "no such folder (looked in " + directory.toAbsolutePath() + ")"));
  }

  /**
   * The files of the folder that are neither its table nor one of {@link #FILES}, each named with
   * the nearest file it may be meant as. Files whose names begin with '.' are left alone.
   */
  public List<SourceProblem> strayFiles(String table) {
    List<SourceProblem> problems = new ArrayList<>();
    if (directory == null) {
      return problems;
    }
    List<String> known = new ArrayList<>(FILES);
    if (!table.isEmpty()) {
      known.add(table);
    }
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || known.contains(name)) {
          continue;
        }
        problems.add(
            SourceProblem.ofFile(
                entry.toString(),
                "is not a file of a council folder; expected its table ("
                    + (table.isEmpty() ? "named in " + IDENTITY : table)
                    + ") or "
                    + String.join(", ", FILES)
                    + "; fix: "
                    + Spelling.suggestion(name, known)
                        .replace("use one of ", "remove it, or rename it to one of ")));
      }
    } catch (IOException e) {
      problems.add(
          SourceProblem.ofFile(directory.toString(), "cannot be listed: " + e.getMessage()));
    }
    return problems;
  }
}
